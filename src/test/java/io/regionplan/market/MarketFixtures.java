package io.regionplan.market;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small region {@code t1} whose metrics are computed by hand in
 * {@link MarketMetricsIntegrationTests}, one CSV per kind; some headers are Chinese on
 * purpose.
 */
public final class MarketFixtures {

	public static final Map<String, String> T1 = new LinkedHashMap<>();

	static {
		T1.put("regions", "区域,中文名,英文名\nt1,测试一,Test One\n");
		T1.put("channels", "channel,name_zh,name_en\nT-KA,测试大卖场,Test KA\nT-GROC,测试杂货,Test grocery\n");
		T1.put("cities", """
				city,region,name_zh,name_en,tier,population,market_size,distance_km
				t1-a,t1,甲城,City A,2,1000000,1000000,50
				t1-b,t1,乙城,City B,4,200000,0,320
				t1-c,t1,丙城,City C,3,500000,500000.00,120.5
				""");
		T1.put("adjacency", "城市,相邻城市\nt1-a,t1-b\n");
		T1.put("dealers", """
				dealer,region,name,receivables,overdue_days,cross_region_incidents,compliance_score,target_stores
				t1-d1,t1,甲城恒达商贸,10000,0,0,90,4
				t1-d2,t1,甲城新星贸易,0,104,0,75.5,0
				t1-d3,t1,丙城远航食品,500,10,2,80,2
				""");
		T1.put("dealer-coverage", "dealer,city,channel\nt1-d1,t1-a,T-KA\nt1-d2,t1-a,T-KA\nt1-d3,t1-c,T-GROC\n");
		T1.put("stores", """
				门店,城市,渠道,经销商,是否铺货,品类销售额
				t1-s1,t1-a,T-KA,t1-d1,是,300
				t1-s2,t1-a,T-KA,t1-d1,true,100
				t1-s3,t1-a,T-KA,,否,600
				t1-s4,t1-a,T-KA,,0,0
				""");
		T1.put("sales", """
				dealer,city,channel,month,amount,volume
				t1-d1,t1-a,T-KA,2025-01,1000,10
				t1-d1,t1-a,T-KA,2026-01,1500,15
				t1-d1,t1-a,T-KA,2026-10,500,5
				t1-d2,t1-a,T-KA,2026-03,300,3
				t1-d3,t1-c,T-GROC,2025-06,800,8
				t1-d3,t1-c,T-GROC,2026-06,400,4
				""");
		T1.put("competitors", "city,competitor,share,price_index\nt1-a,康师傅,0.30,1.05\nt1-a,统一,0.2,0.95\n");
		T1.put("price-tiers", "price_tier,name_zh,name_en,min_price,max_price\nT-ECO,测试经济,Test economy,1,3.5\n");
		T1.put("headcount", "city,channel,headcount\nt1-a,T-KA,3\nt1-c,T-GROC,1\n");
		T1.put("targets", "city,period,volume\nt1-a,2026,120\nt1-c,2026-01,10\nt1-c,2026-06,20\n");
	}

	private MarketFixtures() {
	}

	public static Path csv(Path dir, String name, String text) {
		return write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
	}

	public static Path csvWithBom(Path dir, String name, String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[body.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(body, 0, bytes, 3, body.length);
		return write(dir.resolve(name), bytes);
	}

	public static Path write(Path file, byte[] bytes) {
		try {
			return Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same rows as an XLSX workbook (first sheet, all cells as text except plain
	 * numbers).
	 */
	public static Path xlsx(Path dir, String name, String csvText) {
		Path file = dir.resolve(name);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("data");
			List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csvText)).getRecords();
			for (int r = 0; r < records.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < records.get(r).size(); c++) {
					String value = records.get(r).get(c);
					if (r > 0 && value.matches("-?\\d+(\\.\\d+)?")) {
						row.createCell(c).setCellValue(Double.parseDouble(value));
					}
					else {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
