package io.regionplan.market;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.regionplan.market.ImportKind.Column;
import io.regionplan.system.RegionTenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a whole file first and writes it only when every row is good, in one transaction: an upsert
 * by the kind's key with JDBC batches, counting inserted, updated and unchanged rows.
 */
@Component
class MarketImporter {

	private static final int BATCH = 2000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final RegionTenants tenants;

	private final MarketSettings settings;

	MarketImporter(JdbcTemplate jdbc, TransactionTemplate transaction, RegionTenants tenants, MarketSettings settings) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.tenants = tenants;
		this.settings = settings;
	}

	record Outcome(int rows, int inserted, int updated, int unchanged) {
	}

	/** Progress callbacks: rows read and checked, then rows written. */
	interface Progress {

		void reading(int rowsDone, int rowsTotal);

		void writing(int rowsDone, int rowsTotal);

	}

	Outcome importFile(ImportKind kind, Path file, String fileName, Importer importer, Progress progress) {
		int estimate = TabularFile.estimateRows(file, fileName);
		Checked checked = check(kind, file, fileName, importer, rows -> progress.reading(rows, estimate));
		return transaction.execute(status -> write(kind, checked, progress));
	}

	private record Checked(List<Column> columns, List<Object[]> rows) {
	}

	private Checked check(ImportKind kind, Path file, String fileName, Importer importer, IntConsumer reading) {
		References references = new References(jdbc, kind);
		List<ImportReport.RowError> errors = new ArrayList<>();
		AtomicInteger errorCount = new AtomicInteger();
		List<Object[]> rows = new ArrayList<>();
		Map<String, Integer> keys = new HashMap<>();
		Column[][] layout = new Column[1][];
		ErrorSink sink = (row, column, value, reason) -> {
			if (errorCount.getAndIncrement() < ImportReport.MAX_LISTED_ERRORS) {
				errors.add(new ImportReport.RowError(fileName, row, column, value, reason));
			}
		};
		try {
			TabularFile.read(file, fileName, settings.maxImportRows(), headerCells -> layout[0] = layout(kind, headerCells, sink), line -> {
				if (layout[0] == null) {
					return;
				}
				Object[] values = checkRow(kind, layout[0], line, references, importer, sink);
				if (values != null) {
					String key = key(kind, layout[0], values);
					Integer first = keys.putIfAbsent(key, line.number());
					if (first != null) {
						sink.add(line.number(), String.join("+", kind.keys()), key.replace('\u0001', '+'),
								"键重复，与第 " + first + " 行相同 / duplicate key, same as row " + first);
					}
					else {
						rows.add(values);
					}
				}
				if (line.number() % 10_000 == 0) {
					reading.accept(line.number() - 1);
				}
			});
		}
		catch (TabularFile.Unreadable ex) {
			sink.add(ex.row, "", "", ex.getMessage());
			throw new ImportRejected(errors, errorCount.get());
		}
		if (errorCount.get() > 0) {
			throw new ImportRejected(errors, errorCount.get());
		}
		return new Checked(List.of(layout[0]), rows);
	}

	@FunctionalInterface
	interface ErrorSink {

		void add(int row, String column, String value, String reason);

	}

	/** Maps header cells to columns; null (with errors) when the header is wrong. */
	private static Column[] layout(ImportKind kind, List<String> header, ErrorSink errors) {
		Column[] layout = new Column[header.size()];
		Set<String> seen = new HashSet<>();
		boolean ok = true;
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			if (name.isEmpty()) {
				continue;
			}
			Column column = kind.column(name).orElse(null);
			if (column == null) {
				errors.add(1, name, name, "未知列（" + kind.name() + " 的列为 " + columnNames(kind) + "）/ unknown column; "
						+ kind.name() + " has " + columnNames(kind));
				ok = false;
			}
			else if (!seen.add(column.name())) {
				errors.add(1, name, name, "列重复 / column given twice");
				ok = false;
			}
			layout[i] = column;
		}
		for (Column column : kind.columns()) {
			if (column.required() && !seen.contains(column.name())) {
				errors.add(1, column.name(), "", "缺少必填列 " + column.name() + " / " + column.nameZh()
						+ " / missing required column");
				ok = false;
			}
		}
		return ok ? layout : null;
	}

	private static String columnNames(ImportKind kind) {
		StringJoiner names = new StringJoiner(", ");
		kind.columns().forEach(c -> names.add(c.name()));
		return names.toString();
	}

	/** The row's values in the kind's column order, or null when a cell is wrong (errors added). */
	private static Object[] checkRow(ImportKind kind, Column[] layout, TabularFile.Line line, References references,
			Importer importer, ErrorSink errors) {
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
			errors.add(line.number(), "", String.join(",", line.cells()), "列数多于表头 / more cells than header columns");
			return null;
		}
		boolean ok = true;
		for (int c = 0; c < columns.size(); c++) {
			Column column = columns.get(c);
			String text = texts[c] == null ? "" : texts[c];
			if (text.isEmpty()) {
				if (column.required()) {
					errors.add(line.number(), column.name(), "", "必填 / required");
					ok = false;
				}
				continue;
			}
			String reason = null;
			Object value = column.type().parse(text);
			if (value instanceof ValueType.Invalid invalid) {
				reason = invalid.reason();
			}
			else if (value instanceof Number) {
				reason = range(column, new BigDecimal(value.toString()));
			}
			if (reason == null && column.references() != null && !references.exists(column.references(), text)) {
				reason = "未知" + ImportKinds.ALL.get(column.references()).nameZh() + " / unknown "
						+ ImportKinds.noun(column.references());
			}
			if (reason != null) {
				errors.add(line.number(), column.name(), text, reason);
				ok = false;
			}
			values[c] = value;
		}
		if (!ok) {
			return null;
		}
		String rule = rowRule(kind, values);
		if (rule != null) {
			errors.add(line.number(), "", String.join(",", line.cells()), rule);
			return null;
		}
		if (kind.scope() != null) {
			String region = references.regionOf(kind.scope(), (String) values[kind.columns().indexOf(
					kind.column(kind.scope()).orElseThrow())]);
			if (!importer.mayImport(region)) {
				errors.add(line.number(), kind.scope(), String.valueOf(region),
						"不属于你的区域 / not one of your regions");
				return null;
			}
		}
		return values;
	}

	private static String range(Column column, BigDecimal number) {
		if (column.min() != null && number.compareTo(column.min()) < 0) {
			return column.min().signum() == 0 ? "不能为负数 / must not be negative"
					: "不能小于 " + column.min() + " / must be at least " + column.min();
		}
		if (column.max() != null && number.compareTo(column.max()) > 0) {
			return "不能大于 " + column.max() + " / must be at most " + column.max();
		}
		if (column.type() == ValueType.DECIMAL && Math.max(number.stripTrailingZeros().scale(), 0) > column.scale()) {
			return "小数位最多 " + column.scale() + " 位 / at most " + column.scale() + " decimals";
		}
		return null;
	}

	/** Rules across the cells of one row. */
	private static String rowRule(ImportKind kind, Object[] values) {
		if (kind.name().equals("price-tiers") && ((BigDecimal) values[4]).compareTo((BigDecimal) values[3]) < 0) {
			return "最高价低于最低价 / max_price is below min_price";
		}
		if (kind.name().equals("adjacency") && values[0].equals(values[1])) {
			return "城市不能与自己相邻 / a city cannot border itself";
		}
		return null;
	}

	private static String key(ImportKind kind, Column[] layout, Object[] values) {
		StringJoiner key = new StringJoiner("\u0001");
		for (String name : kind.keys()) {
			key.add(canonical(values[kind.columns().indexOf(kind.column(name).orElseThrow())]));
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

	private Outcome write(ImportKind kind, Checked checked, Progress progress) {
		List<Column> columns = kind.columns();
		List<Integer> keyIndexes = kind.keys().stream().map(k -> columns.indexOf(kind.column(k).orElseThrow())).toList();
		List<Integer> valueIndexes = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			if (!keyIndexes.contains(i)) {
				valueIndexes.add(i);
			}
		}
		Map<String, String> existing = existing(kind, keyIndexes, valueIndexes);
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		int unchanged = 0;
		for (Object[] row : checked.rows()) {
			String key = join(row, keyIndexes);
			String known = existing.get(key);
			if (known == null) {
				inserts.add(row);
			}
			else if (!known.equals(join(row, valueIndexes))) {
				Object[] update = new Object[columns.size()];
				int p = 0;
				for (int i : valueIndexes) {
					update[p++] = row[i];
				}
				for (int i : keyIndexes) {
					update[p++] = row[i];
				}
				updates.add(update);
			}
			else {
				unchanged++;
			}
		}
		int total = inserts.size() + updates.size();
		int done = 0;
		String insert = "insert into " + kind.table() + " (" + String.join(", ", columns.stream().map(Column::dbColumn).toList())
				+ ") values (" + "?, ".repeat(columns.size() - 1) + "?)";
		for (int from = 0; from < inserts.size(); from += BATCH) {
			List<Object[]> batch = inserts.subList(from, Math.min(from + BATCH, inserts.size()));
			jdbc.batchUpdate(insert, batch);
			progress.writing(done += batch.size(), total);
		}
		if (!updates.isEmpty()) {
			String update = "update " + kind.table() + " set "
					+ String.join(", ", valueIndexes.stream().map(i -> columns.get(i).dbColumn() + " = ?").toList())
					+ " where " + String.join(" and ", keyIndexes.stream().map(i -> columns.get(i).dbColumn() + " = ?").toList());
			for (int from = 0; from < updates.size(); from += BATCH) {
				List<Object[]> batch = updates.subList(from, Math.min(from + BATCH, updates.size()));
				jdbc.batchUpdate(update, batch);
				progress.writing(done += batch.size(), total);
			}
		}
		if (kind.name().equals("regions")) {
			for (Object[] row : checked.rows()) {
				tenants.ensure((String) row[0], row[1] + " / " + row[2]);
			}
		}
		return new Outcome(checked.rows().size(), inserts.size(), updates.size(), unchanged);
	}

	private Map<String, String> existing(ImportKind kind, List<Integer> keyIndexes, List<Integer> valueIndexes) {
		List<Column> columns = kind.columns();
		String select = "select " + String.join(", ", columns.stream().map(Column::dbColumn).toList()) + " from " + kind.table();
		Map<String, String> existing = new HashMap<>();
		jdbc.query(select, rs -> {
			Object[] row = new Object[columns.size()];
			for (int i = 0; i < row.length; i++) {
				row[i] = rs.getObject(i + 1);
			}
			existing.put(join(row, keyIndexes), join(row, valueIndexes));
		});
		return existing;
	}

	private static String join(Object[] row, List<Integer> indexes) {
		StringJoiner joined = new StringJoiner("\u0001");
		for (int i : indexes) {
			joined.add(canonical(row[i]));
		}
		return joined.toString();
	}

}
