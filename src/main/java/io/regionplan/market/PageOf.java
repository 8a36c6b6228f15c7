package io.regionplan.market;

import java.util.List;

/** One page of a list: {@code page} counts from 0. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements) {

	public long totalPages() {
		return size == 0 ? 0 : (totalElements + size - 1) / size;
	}

}
