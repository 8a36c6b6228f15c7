package io.regionplan.market.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One kind of market data that can be imported: its table, its columns and its key.
 *
 * @param name the kind's name in the API ({@code cities})
 * @param table the table it is stored in
 * @param keys the names of the key columns (an upsert matches rows by them)
 * @param scope the column that tells which region a row belongs to ({@code region},
 * {@code city} or {@code dealer}), or {@code null} for reference data every region shares
 * (channels, price tiers)
 * @param rowChecks the rules across the cells of a row
 */
record ImportKind(String name, String nameZh, String table, List<Column> columns, List<String> keys, String scope,
		List<RowCheck> rowChecks) {

	/** A kind whose rows have no rule across their cells. */
	ImportKind(String name, String nameZh, String table, List<Column> columns, List<String> keys, String scope) {
		this(name, nameZh, table, columns, keys, scope, List.of());
	}

	/**
	 * @param min the smallest number allowed, or {@code null}
	 * @param max the largest number allowed: the business's limit or what the table's
	 * column holds, whichever is smaller ({@code null} for a column that is no number)
	 * @param references the kind whose ids the value must be one of, or {@code null}
	 * @param scale the most decimals a number may have (what the table keeps)
	 */
	record Column(String name, String nameZh, String dbColumn, ValueType type, boolean required, BigDecimal min,
			BigDecimal max, int scale, String references) {

		static Column id(String name, String zh, String db) {
			return new Column(name, zh, db, ValueType.ID, true, null, null, 0, null);
		}

		static Column ref(String name, String zh, String db, String kind) {
			return new Column(name, zh, db, ValueType.ID, true, null, null, 0, kind);
		}

		static Column optionalRef(String name, String zh, String db, String kind) {
			return new Column(name, zh, db, ValueType.ID, false, null, null, 0, kind);
		}

		static Column text(String name, String zh, String db) {
			return new Column(name, zh, db, ValueType.TEXT, true, null, null, 0, null);
		}

		/**
		 * A whole number stored in an {@code integer} column (at most 2,147,483,647), or
		 * up to {@code max}.
		 */
		static Column integer(String name, String zh, String db, long min, Long max) {
			return new Column(name, zh, db, ValueType.INTEGER, true, BigDecimal.valueOf(min),
					BigDecimal.valueOf(max == null ? Integer.MAX_VALUE : max), 0, null);
		}

		/** A whole number stored in a {@code bigint} column. */
		static Column bigint(String name, String zh, String db, long min) {
			return new Column(name, zh, db, ValueType.INTEGER, true, BigDecimal.valueOf(min),
					BigDecimal.valueOf(Long.MAX_VALUE), 0, null);
		}

		/**
		 * A number stored in a {@code numeric(precision, scale)} column, up to
		 * {@code max} or what the column holds (99999999999999999.99 for
		 * {@code numeric(19, 2)}).
		 */
		static Column decimal(String name, String zh, String db, String min, String max, int precision, int scale) {
			BigDecimal holds = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
			return new Column(name, zh, db, ValueType.DECIMAL, true, new BigDecimal(min),
					max == null ? holds : new BigDecimal(max).min(holds), scale, null);
		}

		Column optional() {
			return new Column(name, nameZh, dbColumn, type, false, min, max, scale, references);
		}

		static Column of(String name, String zh, String db, ValueType type) {
			return new Column(name, zh, db, type, true, null, null, 0, null);
		}

	}

	Optional<Column> column(String headerName) {
		String wanted = headerName.strip().toLowerCase(java.util.Locale.ROOT);
		return columns.stream()
			.filter(c -> c.name().equals(wanted) || c.nameZh().equals(headerName.strip()))
			.findFirst();
	}

	/**
	 * The value of a named column in a row of this kind (its values in the kind's column
	 * order).
	 */
	Object value(Object[] row, String column) {
		return row[columns.indexOf(column(column).orElseThrow())];
	}

	/** The column that holds this kind's own id, for kinds keyed by one id column. */
	String idColumn() {
		return columns.stream().filter(c -> c.name().equals(keys.get(0))).findFirst().orElseThrow().dbColumn();
	}

}
