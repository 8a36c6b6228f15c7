package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.regionplan.IntegrationTest;
import io.regionplan.market.MarketFixtures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class MarketImportIntegrationTests {

	@Autowired
	MarketImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MarketImporter importer;

	@TempDir
	Path dir;

	private static boolean baseImported;

	/** Region t3 with what sales rows refer to; imported once for the bad-input cases. */
	@BeforeEach
	void importBaseOfT3() {
		if (baseImported) {
			return;
		}
		for (String kind : new String[] { "regions", "channels", "cities", "dealers", "dealer-coverage" }) {
			String text = MarketFixtures.T1.get(kind).replace("t1", "t3").replace("T-", "V-");
			assertThat(importCsv(kind, text).status()).isEqualTo("SUCCEEDED");
		}
		baseImported = true;
	}

	private ImportReport importCsv(String kind, String text) {
		return imports.importNow(kind, MarketFixtures.csv(dir, kind + ".csv", text), kind + ".csv", Importer.system());
	}

	private int rows(String table, String where) {
		return jdbc.queryForObject("select count(*) from " + table + " where " + where, Integer.class);
	}

	@Test
	void everyKindImportsFromCsvAndAgainFromXlsxIdempotently() {
		Map<String, String> t2 = new java.util.LinkedHashMap<>();
		MarketFixtures.T1.forEach((kind, text) -> t2.put(kind, text.replace("t1", "t2").replace("T-", "U-")));

		t2.forEach((kind, text) -> {
			Path file = kind.equals("regions") ? MarketFixtures.csvWithBom(dir, kind + ".csv", text)
					: MarketFixtures.csv(dir, kind + ".csv", text);
			ImportReport first = imports.importNow(kind, file, kind + ".csv", Importer.system());
			int rows = (int) text.lines().count() - 1;
			assertThat(first.status()).as(kind + ": " + first.errors()).isEqualTo("SUCCEEDED");
			assertThat(first.inserted()).as(kind).isEqualTo(rows);

			ImportReport again = importCsv(kind, text);
			assertThat(again.inserted() + again.updated()).as(kind).isZero();
			assertThat(again.unchanged()).as(kind).isEqualTo(rows);

			ImportReport xlsx = imports.importNow(kind, MarketFixtures.xlsx(dir, kind + ".xlsx", text), kind + ".xlsx",
					Importer.system());
			assertThat(xlsx.status()).as(kind + " xlsx: " + xlsx.errors()).isEqualTo("SUCCEEDED");
			assertThat(xlsx.unchanged()).as(kind + " xlsx").isEqualTo(rows);
		});
		assertThat(rows("market_store", "id like 't2-%'")).isEqualTo(4);
		assertThat(rows("market_sales", "dealer_id like 't2-%'")).isEqualTo(6);
		assertThat(jdbc.queryForObject("select name_zh from market_region where id = 't2'", String.class))
			.isEqualTo("测试一");
	}

	@Test
	void changedRowIsUpdatedAndTheOthersUnchanged() {
		String dealers = MarketFixtures.T1.get("dealers").replace("t1", "t3");
		ImportReport report = importCsv("dealers", dealers.replace("t3-d2,t3,甲城新星贸易,0,104", "t3-d2,t3,甲城新星贸易,0,12"));

		assertThat(report.status()).isEqualTo("SUCCEEDED");
		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.unchanged()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select overdue_days from market_dealer where id = 't3-d2'", Integer.class))
			.isEqualTo(12);
		importCsv("dealers", dealers);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown city      | t3-d1,nowhere,V-KA,2026-01,100,1     | city    | nowhere | unknown city
					negative amount   | t3-d1,t3-a,V-KA,2026-01,-5,1         | amount  | -5      | must not be negative
					month format      | t3-d1,t3-a,V-KA,2026/01,100,1        | month   | 2026/01 | month must be YYYY-MM
					text in a number  | t3-d1,t3-a,V-KA,2026-01,lots,1       | amount  | lots    | not a number
					too many decimals | t3-d1,t3-a,V-KA,2026-01,1.005,1      | amount  | 1.005   | at most 2 decimals
					unknown dealer    | nobody,t3-a,V-KA,2026-01,100,1       | dealer  | nobody  | unknown dealer
					full-width number | t3-d1,t3-a,V-KA,2026-01,１２３,1       | amount  | １２３     | use ASCII digits 0-9, not full-width
					full-width month  | t3-d1,t3-a,V-KA,２０２６-０１,100,1      | month   | ２０２６-０１ | use ASCII digits 0-9, not full-width
					beyond numeric(19,2) | t3-d1,t3-a,V-KA,2026-01,100000000000000000000,1 | amount | 100000000000000000000 | must be at most 99999999999999999.99
					""")
	void badCellIsReportedWithRowColumnValueAndReasonAndNothingIsWritten(String name, String badRow, String column,
			String value, String reason) {
		String file = "dealer,city,channel,month,amount,volume\nt3-d1,t3-a,V-KA,2026-02,100,1\n" + badRow + "\n";

		ImportReport report = importCsv("sales", file);

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.file()).isEqualTo("sales.csv");
			assertThat(error.row()).isEqualTo(3);
			assertThat(error.column()).isEqualTo(column);
			assertThat(error.value()).isEqualTo(value);
			assertThat(error.reason()).contains(reason);
		});
		assertThat(rows("market_sales", "dealer_id = 't3-d1'")).isZero();
	}

	@ParameterizedTest(name = "{0}.{3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					cities      | city,region,name_zh,name_en,tier,population,market_size,distance_km | t3-x,t3,X,X,3,1,1,1000000000 | distance_km | 999999999.9
					cities      | city,region,name_zh,name_en,tier,population,market_size,distance_km | t3-x,t3,X,X,3,9223372036854775808,1,1 | population | 9223372036854775807
					dealers     | dealer,region,name,receivables,overdue_days,cross_region_incidents,compliance_score,target_stores | t3-x,t3,X,0,0,0,90,2147483648 | target_stores | 2147483647
					competitors | city,competitor,share,price_index | t3-a,X,0.1,10000 | price_index | 9999.9999
					""")
	void aNumberBeyondWhatItsColumnHoldsIsARowErrorNamingTheLimit(String kind, String header, String row, String column,
			String limit) {
		ImportReport report = importCsv(kind, header + "\n" + row + "\n");

		assertThat(report.status()).as(report.message()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(2);
			assertThat(error.column()).isEqualTo(column);
			assertThat(error.reason()).isEqualTo("不能大于 " + limit + " / must be at most " + limit);
		});
	}

	/**
	 * What {@link ImportKinds} allows, the table holds: no number reaches the database to
	 * overflow there.
	 */
	@Test
	void everyNumberColumnAllowsAtMostWhatItsTableHolds() {
		ImportKinds.ALL.values()
			.forEach(kind -> kind.columns()
				.stream()
				.filter(c -> c.type() == ValueType.INTEGER || c.type() == ValueType.DECIMAL)
				.forEach(column -> {
					Map<String, Object> db = jdbc.queryForMap("select data_type, numeric_precision, numeric_scale from "
							+ "information_schema.columns where lower(table_name) = ? and lower(column_name) = ?",
							kind.table(), column.dbColumn());
					String type = db.get("data_type").toString().toLowerCase(java.util.Locale.ROOT);
					java.math.BigDecimal holds = switch (type) {
						case "integer" -> java.math.BigDecimal.valueOf(Integer.MAX_VALUE);
						case "bigint" -> java.math.BigDecimal.valueOf(Long.MAX_VALUE);
						default -> {
							int precision = ((Number) db.get("numeric_precision")).intValue();
							int scale = ((Number) db.get("numeric_scale")).intValue();
							assertThat(column.scale()).as(kind.name() + "." + column.name() + " decimals")
								.isEqualTo(scale);
							yield java.math.BigDecimal.TEN.pow(precision - scale)
								.subtract(java.math.BigDecimal.ONE.movePointLeft(scale));
						}
					};
					assertThat(column.max()).as(kind.name() + "." + column.name() + " (" + type + ")")
						.isLessThanOrEqualTo(holds);
				}));
	}

	@Test
	void duplicateKeyIsReportedWithTheFirstRow() {
		ImportReport report = importCsv("sales", """
				dealer,city,channel,month,amount,volume
				t3-d1,t3-a,V-KA,2026-01,100,1
				t3-d1,t3-a,V-KA,2026-02,100,1
				t3-d1,t3-a,V-KA,2026-01,200,2
				""");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(4);
			assertThat(error.reason()).contains("duplicate key, same as row 2");
		});
		assertThat(rows("market_sales", "dealer_id = 't3-d1'")).isZero();
	}

	@Test
	void missingRequiredColumnIsReportedOnTheHeaderRow() {
		ImportReport report = importCsv("sales", "dealer,city,channel,month,volume\nt3-d1,t3-a,V-KA,2026-01,1\n");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(1);
			assertThat(error.column()).isEqualTo("amount");
			assertThat(error.reason()).contains("missing required column");
		});
	}

	@Test
	void unknownColumnIsRefused() {
		ImportReport report = importCsv("headcount", "city,channel,headcount,remark\nt3-a,V-KA,2,x\n");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("remark");
			assertThat(error.reason()).contains("unknown column");
		});
		assertThat(rows("market_headcount", "city_id = 't3-a'")).isZero();
	}

	@Test
	void fileInAnotherEncodingIsRefusedAsNotUtf8() {
		byte[] gbk = "dealer,region,name,receivables,overdue_days,cross_region_incidents,compliance_score,target_stores\n"
			.concat("t3-d9,t3,苏州恒达商贸,0,0,0,90,10\n")
			.getBytes(Charset.forName("GBK"));

		ImportReport report = imports.importNow("dealers", MarketFixtures.write(dir.resolve("gbk.csv"), gbk), "gbk.csv",
				Importer.system());

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(2);
			assertThat(error.reason()).contains("not UTF-8");
		});
		assertThat(rows("market_dealer", "id = 't3-d9'")).isZero();
	}

	@Test
	void everyBadRowIsListed() {
		ImportReport report = importCsv("sales", """
				dealer,city,channel,month,amount,volume
				t3-d1,t3-a,V-KA,2026-01,-1,1
				t3-d1,t3-a,V-KA,2026-02,100,1
				t3-d1,x,V-KA,2026-03,100,1
				t3-d1,t3-a,V-KA,13-2026,100,-3
				""");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errorCount()).isEqualTo(4);
		assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 4, 5, 5);
		assertThat(report.errors()).extracting(ImportReport.RowError::column)
			.containsExactly("amount", "city", "month", "volume");
	}

	@Test
	void managerImportsOnlyTheirOwnRegions() {
		ImportReport report = imports.importNow("headcount",
				MarketFixtures.csv(dir, "headcount.csv", "city,channel,headcount\nt3-a,V-KA,2\n"), "headcount.csv",
				new Importer("wang.east", false, java.util.Set.of("east")));

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("city");
			assertThat(error.value()).isEqualTo("t3");
			assertThat(error.reason()).contains("not one of your regions");
		});
	}

	@Test
	void longImportReportsProgressWhileReadingAndWriting() {
		StringBuilder stores = new StringBuilder("store,city,channel,dealer,carries_product,category_sales\n");
		for (int i = 0; i < 25_000; i++) {
			stores.append("t3-p")
				.append(i)
				.append(",t3-a,V-KA,,")
				.append(i % 2 == 0)
				.append(",")
				.append(i)
				.append('\n');
		}
		List<String> progress = new java.util.ArrayList<>();

		MarketImporter.Outcome outcome = importer.importFile(ImportKinds.ALL.get("stores"),
				MarketFixtures.csv(dir, "stores.csv", stores.toString()), "stores.csv", Importer.system(),
				new MarketImporter.Progress() {
					@Override
					public void reading(int rowsDone, int rowsTotal) {
						progress.add("reading " + rowsDone + "/" + rowsTotal);
					}

					@Override
					public void writing(int rowsDone, int rowsTotal) {
						progress.add("writing " + rowsDone + "/" + rowsTotal);
					}
				});

		assertThat(outcome.inserted()).isEqualTo(25_000);
		assertThat(progress).startsWith("reading 9999/25000", "reading 19999/25000")
			.contains("writing 2000/25000", "writing 24000/25000")
			.endsWith("writing 25000/25000");
	}

}
