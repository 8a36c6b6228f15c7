package io.regionplan.market.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.function.IntSupplier;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What keeps the memory of reading a workbook bounded where POI's streaming reader would
 * buffer whatever the file holds: a part POI reads whole, one XML token, one cell's text.
 */
final class XlsxLimits {

	/**
	 * A tag or a run of text: a cell of 32,767 characters written as character references
	 * is under 300 KB.
	 */
	static final int MAX_TOKEN_BYTES = 1024 * 1024;

	/**
	 * A sheet nests about 8 deep (worksheet, sheetData, row, c, is, r, rPr, b); the XML
	 * parser keeps the path.
	 */
	static final int MAX_DEPTH = 64;

	private XlsxLimits() {
	}

	/** A part that may unpack to at most {@code max} bytes, counted as it is read. */
	static final class Part extends FilterInputStream {

		private final String name;

		private final long max;

		private long count;

		Part(InputStream in, String name, long max) {
			super(in);
			this.name = name;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			count += n;
			if (count > max) {
				throw new TabularFile.Unreadable(1,
						"XLSX 文件中的 " + name + " 解压后超过 " + max / (1024 * 1024) + " MB，已拒绝 / the " + "workbook's part "
								+ name + " unpacks to more than " + max / (1024 * 1024) + " MB: refused");
			}
		}

	}

	/**
	 * A sheet's XML as a spreadsheet writes it: no token longer than
	 * {@link #MAX_TOKEN_BYTES} between two {@code <}, and no CDATA, comment, document
	 * type or processing instruction but the XML declaration at the start, each of which
	 * could hold any amount that the XML parser buffers whole.
	 */
	static final class Tokens extends FilterInputStream {

		private int sinceTag;

		private long position;

		private boolean afterLt;

		Tokens(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				check((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				check(buffer[offset + i]);
			}
			return n;
		}

		private void check(byte b) {
			position++;
			if (afterLt && (b == '!' || b == '?' && position > 8)) {
				throw refused(
						"含有 CDATA、注释、处理指令或 DOCTYPE / it holds CDATA, a comment, a processing instruction or a DOCTYPE");
			}
			afterLt = b == '<';
			sinceTag = afterLt ? 0 : sinceTag + 1;
			if (sinceTag > MAX_TOKEN_BYTES) {
				throw refused("有超过 1 MB 的标记或文本 / it holds a tag or text of more than 1 MB");
			}
		}

		static TabularFile.Unreadable refused(String why) {
			return new TabularFile.Unreadable(1, "工作表的 XML 不是电子表格软件写出的格式，" + why.substring(0, why.indexOf(" / "))
					+ " / the sheet's XML is not what a spreadsheet writes: " + why.substring(why.indexOf(" / ") + 3));
		}

	}

	/**
	 * Passes a sheet's events on to POI's handler and refuses a cell (a value, a formula,
	 * an inline string of several runs, a header or footer) of more text than Excel
	 * allows, before POI has gathered it, and elements nested deeper than
	 * {@link #MAX_DEPTH}.
	 */
	static final class CellText extends DefaultHandler {

		/**
		 * The elements whose text POI keeps: a value, an inline string's text, a formula,
		 * headers and footers.
		 */
		private static final Set<String> TEXT = Set.of("v", "t", "f", "oddHeader", "evenHeader", "firstHeader",
				"oddFooter", "evenFooter", "firstFooter");

		/**
		 * Where POI starts gathering anew: not at {@code t}, as the runs of an inline
		 * string make one value.
		 */
		private static final Set<String> ANEW = Set.of("c", "v", "f", "is", "oddHeader", "evenHeader", "firstHeader",
				"oddFooter", "evenFooter", "firstFooter");

		private final ContentHandler handler;

		private final IntSupplier row;

		private int chars;

		private boolean inText;

		private int depth;

		CellText(ContentHandler handler, IntSupplier row) {
			this.handler = handler;
			this.row = row;
		}

		static TabularFile.Unreadable tooLong(int row) {
			return new TabularFile.Unreadable(row,
					"单元格超过 " + XlsxSheet.MAX_CELL_CHARS + " 个字符（Excel 的上限）/ a cell holds " + "more than "
							+ XlsxSheet.MAX_CELL_CHARS + " characters (Excel's limit)");
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if (++depth > MAX_DEPTH) {
				throw Tokens.refused("元素嵌套超过 " + MAX_DEPTH + " 层 / it nests elements more than " + MAX_DEPTH + " deep");
			}
			if (ANEW.contains(localName)) {
				chars = 0;
			}
			inText = TEXT.contains(localName);
			handler.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			depth--;
			inText = false;
			handler.endElement(uri, localName, qName);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			chars += inText ? length : 0;
			if (chars > XlsxSheet.MAX_CELL_CHARS) {
				throw tooLong(row.getAsInt());
			}
			handler.characters(ch, start, length);
		}

	}

}
