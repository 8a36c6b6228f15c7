package io.regionplan.market.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One kind of market data as the strings of its CSV file (docs/data-formats.md): English
 * column names, ids, numbers with a '.' decimal point and no thousands separator, months
 * {@code YYYY-MM}, booleans {@code true}/{@code false}. The rows of big kinds (stores,
 * sales) are computed when read, so that a national data set is written without holding a
 * million rows in memory; iterate them once rather than calling {@code get} at random.
 *
 * @param kind the import kind, e.g. {@code cities}
 * @param columns the header row
 * @param rows the data rows, each with one value per column
 */
public record MarketTable(String kind, List<String> columns, List<List<String>> rows) {

	public MarketTable {
		columns = List.copyOf(columns);
		rows = (rows instanceof GeneratedRows) ? rows : List.copyOf(rows);
	}

	/** This table's rows, then another's of the same kind (both small). */
	MarketTable plus(MarketTable more) {
		List<List<String>> all = new ArrayList<>(rows);
		all.addAll(more.rows());
		return new MarketTable(kind, columns, all);
	}

	/** The index of a column, for reading rows by name. */
	public int column(String name) {
		int index = columns.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException(
					"表 " + kind + " 没有列 " + name + " / kind '" + kind + "' has no column '" + name + "'");
		}
		return index;
	}

}
