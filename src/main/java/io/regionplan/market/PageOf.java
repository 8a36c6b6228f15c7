package io.regionplan.market;

import java.util.List;

/** One page of a list: {@code page} counts from 0. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements, long totalPages) {

	static <T> PageOf<T> of(List<T> content, int page, int size, long totalElements) {
		return new PageOf<>(content, page, size, totalElements, size == 0 ? 0 : (totalElements + size - 1) / size);
	}

}
