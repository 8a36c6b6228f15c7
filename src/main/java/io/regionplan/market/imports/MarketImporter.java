package io.regionplan.market.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.regionplan.market.MarketSettings;
import io.regionplan.market.imports.ImportKind.Column;
import io.regionplan.system.RegionTenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a whole file first ({@link ImportCheck}) and writes it only when every row is
 * good, in one transaction: an upsert by the kind's key with JDBC batches, counting
 * inserted, updated and unchanged rows.
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

	record Outcome(int rows, int inserted, int updated, int unchanged, List<ImportReport.Move> moves) {
	}

	/** Progress callbacks: rows read and checked, then rows written. */
	interface Progress {

		void reading(int rowsDone, int rowsTotal);

		void writing(int rowsDone, int rowsTotal);

	}

	Outcome importFile(ImportKind kind, Path file, String fileName, Importer importer, Progress progress) {
		int estimate = TabularFile.estimateRows(file, fileName);
		ImportCheck check = new ImportCheck(kind, fileName, importer, new References(jdbc));
		check.done();
		try {
			TabularFile.read(file, fileName, settings.maxImportRows(), check::header, line -> {
				check.row(line);
				if (line.number() % 10_000 == 0) {
					progress.reading(line.number() - 1, estimate);
				}
			});
		}
		catch (TabularFile.Unreadable ex) {
			check.unreadable(ex);
		}
		check.done();
		Outcome outcome = transaction.execute(status -> write(kind, check.rows(), progress));
		return new Outcome(outcome.rows(), outcome.inserted(), outcome.updated(), outcome.unchanged(), check.moves());
	}

	private Outcome write(ImportKind kind, List<Object[]> rows, Progress progress) {
		List<Column> columns = kind.columns();
		List<Integer> keyIndexes = kind.keys()
			.stream()
			.map(k -> columns.indexOf(kind.column(k).orElseThrow()))
			.toList();
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
		for (Object[] row : rows) {
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
		String insert = "insert into " + kind.table() + " ("
				+ String.join(", ", columns.stream().map(Column::dbColumn).toList()) + ") values ("
				+ "?, ".repeat(columns.size() - 1) + "?)";
		for (int from = 0; from < inserts.size(); from += BATCH) {
			List<Object[]> batch = inserts.subList(from, Math.min(from + BATCH, inserts.size()));
			jdbc.batchUpdate(insert, batch);
			progress.writing(done += batch.size(), total);
		}
		if (!updates.isEmpty()) {
			String update = "update " + kind.table() + " set "
					+ String.join(", ", valueIndexes.stream().map(i -> columns.get(i).dbColumn() + " = ?").toList())
					+ " where "
					+ String.join(" and ", keyIndexes.stream().map(i -> columns.get(i).dbColumn() + " = ?").toList());
			for (int from = 0; from < updates.size(); from += BATCH) {
				List<Object[]> batch = updates.subList(from, Math.min(from + BATCH, updates.size()));
				jdbc.batchUpdate(update, batch);
				progress.writing(done += batch.size(), total);
			}
		}
		if (kind.name().equals("regions")) {
			for (Object[] row : rows) {
				tenants.ensure((String) kind.value(row, "region"),
						kind.value(row, "name_zh") + " / " + kind.value(row, "name_en"));
			}
		}
		return new Outcome(rows.size(), inserts.size(), updates.size(), unchanged, List.of());
	}

	private Map<String, String> existing(ImportKind kind, List<Integer> keyIndexes, List<Integer> valueIndexes) {
		List<Column> columns = kind.columns();
		String select = "select " + String.join(", ", columns.stream().map(Column::dbColumn).toList()) + " from "
				+ kind.table();
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
			joined.add(ImportCheck.canonical(row[i]));
		}
		return joined.toString();
	}

}
