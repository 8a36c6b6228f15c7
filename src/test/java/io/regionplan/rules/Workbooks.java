package io.regionplan.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Decision tables for tests, written cell by cell. */
final class Workbooks {

	private Workbooks() {
	}

	/**
	 * Pairs of (first column, second column); a '|' in the second splits it over further
	 * columns.
	 */
	static byte[] workbook(String... cells) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("rules");
			for (int i = 0; i < cells.length; i += 2) {
				var row = sheet.createRow(i / 2);
				if (!cells[i].isEmpty()) {
					row.createCell(0).setCellValue(cells[i]);
				}
				String[] rest = cells[i + 1].split("\\|", -1);
				for (int c = 0; c < rest.length; c++) {
					if (!rest[c].isEmpty()) {
						row.createCell(1 + c).setCellValue(rest[c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
