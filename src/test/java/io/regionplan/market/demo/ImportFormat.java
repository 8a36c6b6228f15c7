package io.regionplan.market.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.market.imports.MarketImports;

/**
 * Columns and key columns per kind, from the importer itself, so that the tests hold the
 * generator to it.
 */
final class ImportFormat {

	static final Map<String, List<String>> COLUMNS = MarketImports.formats()
		.entrySet()
		.stream()
		.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().columns()));

	static final Map<String, List<String>> KEYS = MarketImports.formats()
		.entrySet()
		.stream()
		.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().keys()));

	private ImportFormat() {
	}

}
