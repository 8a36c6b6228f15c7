package io.regionplan.market.demo;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * Rows computed from their index on each read. Each row draws from its own random stream
 * derived from the seed and the index, so a row is the same whenever and however often it
 * is read.
 */
final class GeneratedRows extends AbstractList<List<String>> implements RandomAccess {

	private final int size;

	private final IntFunction<List<String>> row;

	GeneratedRows(int size, IntFunction<List<String>> row) {
		this.size = size;
		this.row = row;
	}

	@Override
	public List<String> get(int index) {
		if (index < 0 || index >= size) {
			throw new IndexOutOfBoundsException(index);
		}
		return row.apply(index);
	}

	@Override
	public int size() {
		return size;
	}

}
