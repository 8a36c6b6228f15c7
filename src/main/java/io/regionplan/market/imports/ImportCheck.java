package io.regionplan.market.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import io.regionplan.market.imports.ImportKind.Column;

/**
 * Checks the rows of one file against its kind: the header, every cell, the rules across
 * a row, duplicate keys, and whose region a row is. Keeps the good rows and reports every
 * bad one; the file is written only when there is none.
 */
final class ImportCheck {

	/** The longest value or column name a row error repeats from the file. */
	static final int MAX_ERROR_TEXT = 200;

	private final ImportKind kind;

	private final String fileName;

	private final References references;

	private final List<ImportReport.RowError> errors = new ArrayList<>();

	private int errorCount;

	private Column[] layout;

	private final Map<String, Integer> keys = new HashMap<>();

	private final List<Object[]> rows = new ArrayList<>();

	private final RowRegions regions;

	ImportCheck(ImportKind kind, String fileName, Importer importer, References references) {
		this.kind = kind;
		this.fileName = fileName;
		this.references = references;
		this.regions = new RowRegions(kind, importer, references, this::error);
		if (kind.scope() == null && !importer.privileged()) {
			error(1, "", kind.name(), ImportAccess.sharedByEveryRegion(kind.name()));
		}
	}

	/** Rows good so far, in the kind's column order. */
	List<Object[]> rows() {
		return rows;
	}

	List<ImportReport.Move> moves() {
		return regions.moves();
	}

	/** Refuses the file when anything was wrong. */
	void done() {
		if (errorCount > 0) {
			throw new ImportRejected(errors, errorCount);
		}
	}

	void unreadable(TabularFile.Unreadable ex) {
		error(ex.row, "", "", ex.getMessage());
		throw new ImportRejected(errors, errorCount);
	}

	void error(int row, String column, String value, String reason) {
		if (errorCount++ < ImportReport.MAX_LISTED_ERRORS) {
			errors.add(new ImportReport.RowError(fileName, row, shorten(column), shorten(value), reason));
		}
	}

	private static String shorten(String text) {
		return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
	}

	/**
	 * Maps header cells to columns; a wrong header leaves no layout, and no row is
	 * checked.
	 */
	void header(List<String> header) {
		Column[] columns = new Column[header.size()];
		Set<String> seen = new HashSet<>();
		boolean ok = errorCount == 0;
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			if (name.isEmpty()) {
				continue;
			}
			Column column = kind.column(name).orElse(null);
			if (column == null) {
				error(1, name, name, "未知列（" + kind.name() + " 的列为 " + columnNames() + "）/ unknown column; "
						+ kind.name() + " has " + columnNames());
				ok = false;
			}
			else if (!seen.add(column.name())) {
				error(1, name, name, "列重复 / column given twice");
				ok = false;
			}
			columns[i] = column;
		}
		for (Column column : kind.columns()) {
			if (column.required() && !seen.contains(column.name())) {
				error(1, column.name(), "",
						"缺少必填列 " + column.name() + " / " + column.nameZh() + " / missing required column");
				ok = false;
			}
		}
		layout = ok ? columns : null;
	}

	private String columnNames() {
		StringJoiner names = new StringJoiner(", ");
		kind.columns().forEach(c -> names.add(c.name()));
		return names.toString();
	}

	void row(TabularFile.Line line) {
		if (layout == null) {
			return;
		}
		Object[] values = values(line);
		if (values == null || !regions.allow(line.number(), values)) {
			return;
		}
		String key = key(values);
		Integer first = keys.putIfAbsent(key, line.number());
		if (first != null) {
			error(line.number(), String.join("+", kind.keys()), key.replace('\u0001', '+'),
					"键重复，与第 " + first + " 行相同 / duplicate key, same as row " + first);
		}
		else {
			rows.add(values);
		}
	}

	/**
	 * The row's values in the kind's column order, or null when a cell is wrong (errors
	 * added).
	 */
	private Object[] values(TabularFile.Line line) {
		List<Column> columns = kind.columns();
		Object[] values = new Object[columns.size()];
		String[] texts = new String[columns.size()];
		for (int i = 0; i < layout.length && i < line.cells().size(); i++) {
			if (layout[i] != null) {
				texts[columns.indexOf(layout[i])] = line.cells().get(i);
			}
		}
		if (line.cells().size() > layout.length
				&& line.cells().subList(layout.length, line.cells().size()).stream().anyMatch(c -> !c.isEmpty())) {
			error(line.number(), "", String.join(",", line.cells()), "列数多于表头 / more cells than header columns");
			return null;
		}
		boolean ok = true;
		for (int c = 0; c < columns.size(); c++) {
			Column column = columns.get(c);
			String text = texts[c] == null ? "" : texts[c];
			if (text.isEmpty()) {
				if (column.required()) {
					error(line.number(), column.name(), "", "必填 / required");
					ok = false;
				}
				continue;
			}
			Object value = column.type().parse(text);
			String reason = null;
			if (value instanceof ValueType.Invalid invalid) {
				reason = invalid.reason();
			}
			else if (value instanceof BigDecimal number) {
				reason = range(column, number);
				value = column.type() == ValueType.INTEGER ? (Object) number.longValue() : number;
			}
			if (reason == null && column.references() != null && !references.exists(column.references(), text)) {
				reason = "未知" + ImportKinds.ALL.get(column.references()).nameZh() + " / unknown "
						+ ImportKinds.noun(column.references());
			}
			if (reason != null) {
				error(line.number(), column.name(), text, reason);
				ok = false;
			}
			values[c] = value;
		}
		if (!ok) {
			return null;
		}
		for (RowCheck check : kind.rowChecks()) {
			if (!check.holds(kind, values)) {
				error(line.number(), "", String.join(",", line.cells()), check.reason());
				return null;
			}
		}
		return values;
	}

	/** Within the column's limits, which are also what its table holds. */
	private static String range(Column column, BigDecimal number) {
		if (column.min() != null && number.compareTo(column.min()) < 0) {
			return column.min().signum() == 0 ? "不能为负数 / must not be negative"
					: "不能小于 " + column.min() + " / must be at least " + column.min();
		}
		if (column.max() != null && number.compareTo(column.max()) > 0) {
			return "不能大于 " + column.max().toPlainString() + " / must be at most " + column.max().toPlainString();
		}
		if (column.type() == ValueType.DECIMAL && Math.max(number.stripTrailingZeros().scale(), 0) > column.scale()) {
			return "小数位最多 " + column.scale() + " 位 / at most " + column.scale() + " decimals";
		}
		return null;
	}

	private String key(Object[] values) {
		StringJoiner key = new StringJoiner("\u0001");
		for (String name : kind.keys()) {
			key.add(canonical(kind.value(values, name)));
		}
		return key.toString();
	}

	static String canonical(Object value) {
		if (value == null) {
			return "\u0000";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Number number) {
			return canonical(new BigDecimal(number.toString()));
		}
		return value.toString().strip();
	}

}
