package io.regionplan.market;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an uploaded CSV (UTF-8, with or without BOM) or XLSX (first sheet) file row by row, with the
 * row numbers a person sees (the header is row 1). Commons CSV and Apache POI do the parsing.
 */
final class TabularFile {

	/** A data row: its number in the file and its cells as trimmed text ("" for an empty cell). */
	record Line(int number, List<String> cells) {
	}

	/** The file cannot be read at all, or stops being readable at a row. */
	static final class Unreadable extends RuntimeException {

		final int row;

		Unreadable(int row, String reason) {
			super(reason);
			this.row = row;
		}

	}

	/** The most one part of a workbook may unpack to; a workbook is read into memory whole. */
	static final long MAX_XLSX_ENTRY_BYTES = 256L * 1024 * 1024;

	static {
		// A part that unpacks to more than 100 times its packed size is a zip bomb: POI stops reading it early.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_XLSX_ENTRY_BYTES);
	}

	private TabularFile() {
	}

	static boolean isXlsx(Path file, String fileName) throws IOException {
		if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
			return true;
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	/** About how many data rows a CSV file has (lines − header), for progress; -1 for a workbook. */
	static int estimateRows(Path file, String fileName) {
		try {
			if (isXlsx(file, fileName)) {
				return -1;
			}
			long lines = 0;
			int last = '\n';
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
				byte[] buffer = new byte[1 << 16];
				int n;
				while ((n = in.read(buffer)) > 0) {
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
					last = buffer[n - 1];
				}
			}
			return (int) Math.max(0, lines + (last == '\n' ? 0 : 1) - 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Hands the header row to {@code header}, then every non-blank data row to {@code rows}. */
	static void read(Path file, String fileName, Consumer<List<String>> header, Consumer<Line> rows) {
		try {
			if (isXlsx(file, fileName)) {
				readXlsx(file, header, rows);
			}
			else {
				readCsv(file, header, rows);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void readCsv(Path file, Consumer<List<String>> headerSink, Consumer<Line> rows) throws IOException {
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
			raw.mark(4);
			byte[] start = raw.readNBytes(3);
			boolean utf8Bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
					&& (start[2] & 0xFF) == 0xBF;
			if (start.length >= 2 && ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE
					|| (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF)) {
				throw new Unreadable(1, "文件是 UTF-16 编码，请另存为 UTF-8 / the file is UTF-16: save it as UTF-8 (CSV UTF-8)");
			}
			if (!utf8Bom) {
				raw.reset();
			}
			Reader reader = new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT));
			CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				Iterator<CSVRecord> records = parser.iterator();
				List<String> header = null;
				int number = 0;
				while (true) {
					CSVRecord record;
					try {
						if (!records.hasNext()) {
							break;
						}
						record = records.next();
					}
					catch (UncheckedIOException ex) {
						if (ex.getCause() instanceof CharacterCodingException) {
							throw new Unreadable(firstLineNotUtf8(file),
									"文件不是 UTF-8 编码（例如 GBK），请另存为 UTF-8 / the file is not UTF-8 (e.g. GBK): save it as CSV UTF-8");
						}
						throw new Unreadable(number + 1, "CSV 格式错误 / malformed CSV: " + ex.getMessage());
					}
					catch (NoSuchElementException | IllegalStateException ex) {
						throw new Unreadable(number + 1, "CSV 格式错误 / malformed CSV: " + ex.getMessage());
					}
					number++;
					List<String> cells = new ArrayList<>(record.size());
					record.forEach(cell -> cells.add(cell.strip()));
					if (header == null) {
						header = cells;
						headerSink.accept(cells);
					}
					else if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
						rows.accept(new Line(number, cells));
					}
				}
				if (header == null) {
					throw new Unreadable(1, "文件为空 / the file is empty");
				}
			}
		}
	}

	/** The decoder reads ahead, so the failing row is found again line by line in the raw bytes. */
	private static int firstLineNotUtf8(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
			int number = 1;
			int b;
			while ((b = in.read()) != -1) {
				if (b == '\n') {
					if (!isUtf8(line.toByteArray())) {
						return number;
					}
					line.reset();
					number++;
				}
				else {
					line.write(b);
				}
			}
			return number;
		}
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static void readXlsx(Path file, Consumer<List<String>> headerSink, Consumer<Line> rows) throws IOException {
		Workbook workbook;
		try {
			workbook = WorkbookFactory.create(file.toFile(), null, true);
		}
		catch (IOException | RuntimeException ex) {
			if (String.valueOf(ex.getMessage()).contains("Zip bomb") || String.valueOf(ex.getMessage()).contains("max entry size")) {
				throw new Unreadable(1, "XLSX 文件解压后过大（疑似 zip 炸弹），已拒绝 / the XLSX file unpacks to far more than its size "
						+ "(a zip bomb?): refused without unpacking it");
			}
			throw new Unreadable(1, "不是有效的 XLSX 文件 / not a valid XLSX file: " + ex.getMessage());
		}
		try (workbook) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new Unreadable(1, "工作簿没有工作表 / the workbook has no sheet");
			}
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = null;
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
					cells.add(text(row.getCell(i)));
				}
				boolean blank = cells.stream().allMatch(String::isEmpty);
				if (header == null) {
					header = cells;
					headerSink.accept(cells);
				}
				else if (!blank) {
					rows.accept(new Line(row.getRowNum() + 1, cells));
				}
			}
			if (header == null) {
				throw new Unreadable(1, "第一个工作表为空 / the first sheet is empty");
			}
		}
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? new SimpleDateFormat("yyyy-MM").format(cell.getDateCellValue())
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
			case STRING -> cell.getStringCellValue().strip();
			default -> "";
		};
	}

}
