package io.regionplan.market.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX workbooks written part by part, as large as a test needs, without a workbook in
 * memory: the rows of a dealers sheet that repeat their cells, so that the sheet packs
 * about 58 to 1 like the workbook of issue 16 (4 MB packed, 240 MB unpacked at 1,350,000
 * rows), inside POI's zip-bomb ratio of 100.
 */
final class LargeWorkbook {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	/** What goes inside {@code <sheetData>}. */
	@FunctionalInterface
	interface SheetData {

		void write(Writer sheet) throws IOException;

	}

	private LargeWorkbook() {
	}

	/**
	 * {@code rows} dealers of {@code region}, ids {@code <region>-big-<n>}, after the
	 * header row.
	 */
	static Path dealers(Path file, String region, int rows) {
		return write(file, List.of(region, "甲城恒达商贸"), sheet -> {
			sheet.write(row("dealer", "region", "name", "receivables", "overdue_days", "cross_region_incidents",
					"compliance_score", "target_stores"));
			for (int i = 1; i <= rows; i++) {
				sheet.write("<row><c t=\"inlineStr\"><is><t>" + region + "-big-" + i
						+ "</t></is></c><c t=\"s\"><v>0</v></c>"
						+ "<c t=\"s\"><v>1</v></c><c><v>100</v></c><c><v>0</v></c><c><v>0</v></c><c><v>90</v></c>"
						+ "<c><v>10</v></c></row>");
			}
		});
	}

	/** A row of inline strings, as the header. */
	static String row(String... cells) {
		StringBuilder row = new StringBuilder("<row>");
		for (String cell : cells) {
			row.append("<c t=\"inlineStr\"><is><t>").append(cell).append("</t></is></c>");
		}
		return row.append("</row>").toString();
	}

	/** A workbook of one sheet with these shared strings and rows. */
	static Path write(Path file, List<String> sharedStrings, SheetData rows) {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			part(zip, "[Content_Types].xml",
					"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
							+ ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
							+ "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\""
							+ "/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml"
							+ ".sharedStrings+xml\"/></Types>");
			part(zip, "_rels/.rels", "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\""
					+ OFFICE + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE + "\"><sheets>"
					+ "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			part(zip, "xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"" + RELATIONSHIPS + "\">" + "<Relationship Id=\"rId1\" Type=\"" + OFFICE
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
							+ OFFICE + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" + "</Relationships>");
			StringBuilder strings = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
			sharedStrings.forEach(s -> strings.append("<si><t>").append(s).append("</t></si>"));
			part(zip, "xl/sharedStrings.xml", strings.append("</sst>").toString());
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			// flushed, not closed: closing would close the zip
			Writer sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
			sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + MAIN
					+ "\"><sheetData>");
			rows.write(sheet);
			sheet.write("</sheetData></worksheet>");
			sheet.flush();
			zip.closeEntry();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml)
			.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
