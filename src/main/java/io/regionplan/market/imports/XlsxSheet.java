package io.regionplan.market.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook as a stream with POI's event API
 * ({@link XSSFReader} and {@link XSSFSheetXMLHandler}), never as a workbook in memory:
 * what it holds at once is bounded whatever the file, by the limits below and the row
 * limit of the {@link TabularFile.Sink}.
 */
final class XlsxSheet {

	/** The most one part of a workbook may unpack to. */
	static final long MAX_PART_BYTES = 256L * 1024 * 1024;

	/** The shared strings are held in memory while the sheet is read. */
	static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

	/**
	 * Every other part POI parses whole (content types, relationships, workbook, styles).
	 */
	static final long MAX_SMALL_PART_BYTES = 4L * 1024 * 1024;

	/** Excel's own limit of a cell. */
	static final int MAX_CELL_CHARS = 32_767;

	/** Columns A to IV; no kind has more than a few. */
	static final int MAX_COLUMNS = 256;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	static {
		// A part that unpacks to more than 100 times its packed size is a zip bomb: POI
		// stops reading it early.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
	}

	private final TabularFile.Sink sink;

	private int row = 1;

	private List<String> cells = new ArrayList<>();

	private XlsxSheet(TabularFile.Sink sink) {
		this.sink = sink;
	}

	static void read(Path file, TabularFile.Sink sink) throws IOException {
		checkSmallParts(file);
		OPCPackage workbook;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (Exception ex) {
			throw unreadable(ex, 1);
		}
		XlsxSheet sheet = new XlsxSheet(sink);
		try {
			XSSFReader reader = new XSSFReader(workbook);
			SharedStrings strings = sharedStrings(reader);
			StylesTable styles = styles(reader);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			if (!sheets.hasNext()) {
				throw new TabularFile.Unreadable(1, "工作簿没有工作表 / the workbook has no sheet");
			}
			try (InputStream xml = new XlsxLimits.Tokens(sheets.next())) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XlsxLimits.CellText(
						new XSSFSheetXMLHandler(styles, strings, sheet.new Rows(), new PlainNumbersAndMonths(), false),
						() -> sheet.row));
				parser.parse(new InputSource(xml));
			}
		}
		catch (Exception ex) {
			throw unreadable(ex, sheet.row);
		}
		finally {
			workbook.revert();
		}
		if (!sink.headerSeen()) {
			throw new TabularFile.Unreadable(1, "第一个工作表为空 / the first sheet is empty");
		}
	}

	/**
	 * The parts POI reads whole, checked by what they really unpack to before POI opens
	 * the file.
	 */
	private static void checkSmallParts(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				boolean parsedWhole = name.endsWith(".xml") || name.endsWith(".rels");
				if (parsedWhole && !name.startsWith("xl/worksheets/") && !name.endsWith("sharedStrings.xml")) {
					try (InputStream in = new XlsxLimits.Part(zip.getInputStream(entry), name, MAX_SMALL_PART_BYTES)) {
						in.transferTo(java.io.OutputStream.nullOutputStream());
					}
				}
			}
		}
		catch (TabularFile.Unreadable ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new TabularFile.Unreadable(1, "不是有效的 XLSX 文件 / not a valid XLSX file: " + ex.getMessage());
		}
	}

	private static SharedStrings sharedStrings(XSSFReader reader) throws Exception {
		InputStream data = reader.getSharedStringsData();
		if (data == null) {
			return null;
		}
		try (InputStream in = new XlsxLimits.Part(data, "xl/sharedStrings.xml", MAX_SHARED_STRINGS_BYTES)) {
			return new ReadOnlySharedStringsTable(in, false);
		}
	}

	private static StylesTable styles(XSSFReader reader) throws Exception {
		InputStream data = reader.getStylesData();
		if (data == null) {
			return null;
		}
		try (InputStream in = new XlsxLimits.Part(data, "xl/styles.xml", MAX_SMALL_PART_BYTES)) {
			return new StylesTable(in);
		}
	}

	/**
	 * Our own refusal as it is; a zip bomb named as one; anything else as a file that is
	 * no workbook.
	 */
	private static TabularFile.Unreadable unreadable(Exception ex, int row) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TabularFile.Unreadable unreadable) {
				return unreadable;
			}
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Zip bomb") || message.contains("max entry size")) {
				return new TabularFile.Unreadable(row,
						"XLSX 文件解压后过大（疑似 zip 炸弹），已拒绝 / the XLSX file unpacks to far more "
								+ "than its size (a zip bomb?): refused without unpacking it");
			}
		}
		return new TabularFile.Unreadable(row, "不是有效的 XLSX 文件 / not a valid XLSX file: " + ex.getMessage());
	}

	/**
	 * The sheet's rows as the {@link TabularFile.Sink} takes them; the row limit applies
	 * before a row's cells.
	 */
	private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		@Override
		public void startRow(int rowNum) {
			row = rowNum + 1;
			sink.starting(row);
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			sink.accept(row, cells, cells.stream().allMatch(String::isEmpty));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			String text = value == null ? "" : value.strip();
			int column = reference == null ? cells.size() : new CellReference(reference).getCol();
			if (column >= MAX_COLUMNS || column < 0) {
				if (!text.isEmpty()) {
					throw new TabularFile.Unreadable(row,
							"第 " + MAX_COLUMNS + " 列之后还有数据 / data beyond column " + MAX_COLUMNS + " (IV)");
				}
				return;
			}
			if (text.length() > MAX_CELL_CHARS) {
				throw XlsxLimits.CellText.tooLong(row);
			}
			while (cells.size() <= column) {
				cells.add("");
			}
			cells.set(column, text);
		}

	}

	/**
	 * Numbers as plain decimals (no exponent, no grouping) and date cells as their month
	 * {@code YYYY-MM}, whatever format the cell shows them in.
	 */
	private static final class PlainNumbersAndMonths extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904).format(MONTH);
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

}
