package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.regionplan.market.MarketFixtures;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming XLSX reader: bounded memory whatever the workbook (a JVM of 64 MB reads a
 * sheet that unpacks to 60 MB), the row limit, the limits of a cell, a row and a part,
 * and the values it reads.
 */
class XlsxSheetTests {

	/**
	 * 340,000 rows: 60 MB unpacked, 1 MB packed.
	 * {@code -Dregionplan.test.large-xlsx-rows=1350000} gives issue 16's 240 MB.
	 */
	static final int LARGE_ROWS = Integer.getInteger("regionplan.test.large-xlsx-rows", 340_000);

	@TempDir
	Path dir;

	private List<TabularFile.Line> read(Path file, int maxRows) {
		List<TabularFile.Line> lines = new ArrayList<>();
		TabularFile.read(file, file.getFileName().toString(), maxRows,
				header -> lines.add(new TabularFile.Line(1, header)), lines::add);
		return lines;
	}

	@Test
	@Tag("jvm")
	void aSheetOfSixtyMegabytesIsReadInAJvmOf64Megabytes() throws Exception {
		Path workbook = LargeWorkbook.dealers(dir.resolve("large.xlsx"), "t8", LARGE_ROWS);
		long packed = Files.size(workbook);
		long unpacked;
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
			unpacked = zip.getEntry("xl/worksheets/sheet1.xml").getSize();
		}
		assertThat((double) unpacked / packed).as("packed like issue 16's workbook, inside POI's ratio of 100")
			.isBetween(45.0, 70.0);

		Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				ReadAll.class.getName(), workbook.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(reader.waitFor(5, TimeUnit.MINUTES)).isTrue();

		assertThat(reader.exitValue()).as(output).isZero();
		assertThat(output).as("unpacked %d MB", unpacked >> 20).contains("rows " + LARGE_ROWS);
	}

	/**
	 * Reads a workbook and prints how many data rows it has; run in a JVM of little heap.
	 */
	static final class ReadAll {

		public static void main(String[] args) {
			AtomicInteger rows = new AtomicInteger();
			Path file = Path.of(args[0]);
			TabularFile.read(file, file.getFileName().toString(), Integer.MAX_VALUE, header -> {
			}, line -> rows.incrementAndGet());
			System.out.println("rows " + rows.get());
		}

	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "csv", "xlsx" })
	void aFileOfMoreRowsThanTheLimitIsRefusedAtTheFirstRowPastIt(String type) {
		StringBuilder csv = new StringBuilder("dealer,region\n");
		for (int i = 1; i <= 12; i++) {
			csv.append("d").append(i).append(",t8\n");
		}
		Path file = type.equals("csv") ? MarketFixtures.csv(dir, "dealers.csv", csv.toString())
				: MarketFixtures.xlsx(dir, "dealers.xlsx", csv.toString());
		List<TabularFile.Line> lines = new ArrayList<>();

		assertThatThrownBy(() -> TabularFile.read(file, file.getFileName().toString(), 10, header -> {
		}, lines::add)).isInstanceOfSatisfying(TabularFile.Unreadable.class, refused -> {
			assertThat(refused.row).isEqualTo(12);
			assertThat(refused.getMessage()).contains("文件超过 10 行数据")
				.contains("the file has more than 10 data rows: split it");
		});
		assertThat(lines).hasSize(10);
		assertThat(read(file, 12)).hasSize(13);
	}

	@Test
	void aCellOfMoreThanExcelsLimitIsRefused() {
		Path file = LargeWorkbook.write(dir.resolve("long.xlsx"), List.of(), sheet -> {
			sheet.write(LargeWorkbook.row("dealer", "name"));
			sheet.write(LargeWorkbook.row("d1", "x".repeat(20_000)));
			// the runs of one inline string make one value
			sheet.write("<row><c t=\"inlineStr\"><is><r><t>d2</t></r></is></c><c t=\"inlineStr\"><is>"
					+ ("<r><t>" + "y".repeat(10_000) + "</t></r>").repeat(4) + "</is></c></row>");
		});

		assertThatThrownBy(() -> read(file, 100)).isInstanceOfSatisfying(TabularFile.Unreadable.class, refused -> {
			assertThat(refused.row).isEqualTo(3);
			assertThat(refused.getMessage()).contains("a cell holds more than 32767 characters");
		});
	}

	@Test
	void dataBeyondColumn256IsRefusedAndEmptyCellsThereIgnored() {
		Path empty = LargeWorkbook.write(dir.resolve("wide-empty.xlsx"), List.of(), sheet -> {
			sheet.write(LargeWorkbook.row("dealer"));
			sheet.write(
					"<row><c r=\"A2\" t=\"inlineStr\"><is><t>d1</t></is></c><c r=\"XFD2\" t=\"inlineStr\"><is><t> </t></is></c>"
							+ "</row>");
		});
		Path wide = LargeWorkbook.write(dir.resolve("wide.xlsx"), List.of(), sheet -> {
			sheet.write(LargeWorkbook.row("dealer"));
			sheet.write("<row><c r=\"A2\" t=\"inlineStr\"><is><t>d1</t></is></c><c r=\"IW2\"><v>1</v></c></row>");
		});

		assertThat(read(empty, 100)).last().isEqualTo(new TabularFile.Line(2, List.of("d1")));
		assertThatThrownBy(() -> read(wide, 100)).isInstanceOfSatisfying(TabularFile.Unreadable.class, refused -> {
			assertThat(refused.row).isEqualTo(2);
			assertThat(refused.getMessage()).contains("data beyond column 256");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "<![CDATA[ x ]]>", "<!-- x -->", "<?pi x?>" })
	void cdataCommentsAndProcessingInstructionsInASheetAreRefused(String token) {
		Path file = LargeWorkbook.write(dir.resolve("token.xlsx"), List.of(), sheet -> {
			sheet.write(LargeWorkbook.row("dealer"));
			sheet.write("<row><c t=\"inlineStr\"><is><t>d1</t></is></c></row>" + token);
		});

		assertThatThrownBy(() -> read(file, 100)).isInstanceOfSatisfying(TabularFile.Unreadable.class,
				refused -> assertThat(refused.getMessage())
					.contains("the sheet's XML is not what a spreadsheet writes"));
	}

	@Test
	void elementsNestedDeeperThanASheetNeedsAreRefused() {
		Path file = LargeWorkbook.write(dir.resolve("deep.xlsx"), List.of(), sheet -> {
			sheet.write(LargeWorkbook.row("dealer"));
			sheet.write("<row><c t=\"inlineStr\"><is><t>d1</t></is></c>" + "<x>".repeat(100) + "</x>".repeat(100)
					+ "</row>");
		});

		assertThatThrownBy(() -> read(file, 100)).isInstanceOfSatisfying(TabularFile.Unreadable.class,
				refused -> assertThat(refused.getMessage()).contains("it nests elements more than 64 deep"));
	}

	@Test
	void aTokenOfMoreThanAMegabyteIsRefused() {
		Path file = LargeWorkbook.write(dir.resolve("attribute.xlsx"), List.of(), sheet -> {
			sheet.write(LargeWorkbook.row("dealer"));
			// random digits: a run of one digit would pack beyond the zip-bomb ratio
			java.util.Random random = new java.util.Random(16);
			StringBuilder spans = new StringBuilder();
			random.ints(XlsxLimits.MAX_TOKEN_BYTES, 0, 10).forEach(spans::append);
			sheet.write("<row spans=\"" + spans + "\"><c t=\"inlineStr\"><is><t>d1</t></is></c></row>");
		});

		assertThatThrownBy(() -> read(file, 100)).isInstanceOfSatisfying(TabularFile.Unreadable.class,
				refused -> assertThat(refused.getMessage()).contains("a tag or text of more than 1 MB"));
	}

	@Test
	void aPartReadWholeIsRefusedBeyondItsLimit() throws IOException {
		Path file = MarketFixtures.xlsx(dir, "styles.xlsx", "dealer\nd1\n");
		Path padded = dir.resolve("padded.xlsx");
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(padded))) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				byte[] part = in.readAllBytes();
				out.write(part);
				if (entry.getName().equals("xl/styles.xml")) {
					// 5 MB of varied white space after the root element: under the
					// zip-bomb ratio, over 4 MB
					writeVariedSpaces(out, 5 * 1024 * 1024);
				}
				out.closeEntry();
			}
		}

		assertThatThrownBy(() -> read(padded, 100)).isInstanceOfSatisfying(TabularFile.Unreadable.class,
				refused -> assertThat(refused.getMessage())
					.contains("the workbook's part xl/styles.xml unpacks to more than 4 MB"));
	}

	private static void writeVariedSpaces(OutputStream out, int bytes) throws IOException {
		java.util.Random random = new java.util.Random(16);
		byte[] space = { ' ', '\t', '\n', '\r' };
		for (int i = 0; i < bytes; i++) {
			out.write(space[random.nextInt(space.length)]);
		}
	}

	@Test
	void numbersAreReadPlainAndDatesAsTheirMonth() throws IOException {
		Path file = dir.resolve("values.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("data");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("month");
			header.createCell(1).setCellValue("amount");
			header.createCell(2).setCellValue("volume");
			header.createCell(3).setCellValue("carries_product");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			CellStyle grouped = workbook.createCellStyle();
			grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Row row = sheet.createRow(2);
			row.createCell(0).setCellValue(LocalDate.of(2026, 3, 15));
			row.getCell(0).setCellStyle(date);
			row.createCell(1).setCellValue(12_500_000.5);
			row.getCell(1).setCellStyle(grouped);
			row.createCell(2).setCellValue(1e20);
			row.createCell(3).setCellValue(true);
			workbook.write(out);
		}

		assertThat(read(file, 100)).containsExactly(
				new TabularFile.Line(1, List.of("month", "amount", "volume", "carries_product")),
				new TabularFile.Line(3, List.of("2026-03", "12500000.5", "100000000000000000000", "TRUE")));
	}

}
