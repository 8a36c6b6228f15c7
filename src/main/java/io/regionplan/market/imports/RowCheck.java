package io.regionplan.market.imports;

import java.math.BigDecimal;

/**
 * A rule across two cells of one row, by column name, declared with its kind in
 * {@link ImportKinds}: checked once every cell of the row is good on its own. An empty
 * optional cell keeps every rule.
 *
 * @param reason what the report says of a row that breaks it, in both languages
 */
record RowCheck(String column, Relation relation, String other, String reason) {

	enum Relation {

		/** A number not below the other column's. */
		NOT_BELOW,

		/** Not the same value as the other column's. */
		DIFFERENT_FROM

	}

	static RowCheck notBelow(String column, String other, String reason) {
		return new RowCheck(column, Relation.NOT_BELOW, other, reason);
	}

	static RowCheck differentFrom(String column, String other, String reason) {
		return new RowCheck(column, Relation.DIFFERENT_FROM, other, reason);
	}

	/**
	 * Whether a row of {@code kind} (its values in the kind's column order) keeps the
	 * rule.
	 */
	boolean holds(ImportKind kind, Object[] row) {
		Object value = kind.value(row, column);
		Object than = kind.value(row, other);
		if (value == null || than == null) {
			return true;
		}
		return switch (relation) {
			case NOT_BELOW -> ((BigDecimal) value).compareTo((BigDecimal) than) >= 0;
			case DIFFERENT_FROM -> !value.equals(than);
		};
	}

}
