package io.regionplan.market.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV (UTF-8, with or without BOM) or XLSX (first sheet) file row by
 * row, with the row numbers a person sees (the header is row 1), and refuses a file of
 * more data rows than the limit. Commons CSV and Apache POI's streaming reader
 * ({@link XlsxSheet}) do the parsing.
 */
final class TabularFile {

	/**
	 * A data row: its number in the file and its cells as trimmed text ("" for an empty
	 * cell).
	 */
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

	/**
	 * About how many data rows a CSV file has (lines − header), for progress; -1 for a
	 * workbook.
	 */
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

	/**
	 * Hands the header row to {@code header}, then every non-blank data row to
	 * {@code rows}; a file with a row beyond {@code maxRows} data rows stops there as
	 * {@link Unreadable}.
	 */
	static void read(Path file, String fileName, int maxRows, Consumer<List<String>> header, Consumer<Line> rows) {
		Sink sink = new Sink(maxRows, header, rows);
		try {
			if (isXlsx(file, fileName)) {
				XlsxSheet.read(file, sink);
			}
			else {
				readCsv(file, sink);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where both readers put their rows: the header first, then the data rows, within the
	 * row limit.
	 */
	static final class Sink {

		private final int maxRows;

		private final Consumer<List<String>> header;

		private final Consumer<Line> rows;

		private boolean headerSeen;

		Sink(int maxRows, Consumer<List<String>> header, Consumer<Line> rows) {
			this.maxRows = maxRows;
			this.header = header;
			this.rows = rows;
		}

		/** Refuses a row past the limit before its cells are read. */
		void starting(int number) {
			if (number - 1 > maxRows) {
				throw new Unreadable(number, "文件超过 " + maxRows + " 行数据，请拆分后分批导入 / the file has more than " + maxRows
						+ " data rows: split it and import the parts one after another");
			}
		}

		/**
		 * @param blank a row with nothing in it, skipped
		 */
		void accept(int number, List<String> cells, boolean blank) {
			starting(number);
			if (!headerSeen) {
				headerSeen = true;
				header.accept(cells);
			}
			else if (!blank) {
				rows.accept(new Line(number, cells));
			}
		}

		boolean headerSeen() {
			return headerSeen;
		}

	}

	private static void readCsv(Path file, Sink sink) throws IOException {
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
			Reader reader = new InputStreamReader(raw,
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT));
			CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				Iterator<CSVRecord> records = parser.iterator();
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
					sink.accept(number, cells, cells.size() == 1 && cells.get(0).isEmpty());
				}
				if (!sink.headerSeen()) {
					throw new Unreadable(1, "文件为空 / the file is empty");
				}
			}
		}
	}

	/**
	 * The decoder reads ahead, so the failing row is found again line by line in the raw
	 * bytes.
	 */
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

}
