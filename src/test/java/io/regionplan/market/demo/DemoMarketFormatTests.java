package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.regionplan.market.demo.DemoMarket.Size;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated rows would import cleanly: documented columns, unique keys, valid values and
 * references.
 */
class DemoMarketFormatTests {

	private static final String ID = "[A-Za-z0-9._-]{1,64}";

	private static final String NUMBER = "\\d+(\\.\\d+)?";

	static List<Size> sizes() {
		return MarketFigures.sizes().toList();
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void columnsAndKeysAreThoseOfTheImportFormat(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		for (String kind : MarketDataset.IMPORT_ORDER) {
			assertThat(figures.records(kind)).as(kind).isNotEmpty();
			Set<List<String>> keys = new HashSet<>();
			for (Map<String, String> record : figures.records(kind)) {
				assertThat(record.keySet()).as(kind)
					.containsExactlyInAnyOrderElementsOf(ImportFormat.COLUMNS.get(kind));
				List<String> key = ImportFormat.KEYS.get(kind).stream().map(record::get).toList();
				assertThat(keys.add(key)).as("%s key %s is unique", kind, key).isTrue();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void valuesAreInTheImportFormat(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		assertThat(figures.records("cities")).allSatisfy(city -> {
			assertThat(city.get("city")).matches(ID);
			assertThat(city.get("tier")).matches("[1-5]");
			assertThat(List.of(city.get("population"), city.get("market_size"), city.get("distance_km")))
				.allMatch(value -> value.matches(NUMBER));
		});
		assertThat(figures.records("dealers")).allSatisfy(dealer -> {
			assertThat(dealer.get("dealer")).matches("D-[A-Z0-9]+-\\d{3,}");
			assertThat(Double.parseDouble(dealer.get("compliance_score"))).isBetween(60.0, 100.0);
			assertThat(List.of(dealer.get("receivables"), dealer.get("overdue_days"), dealer.get("target_stores")))
				.allMatch(value -> value.matches(NUMBER));
		});
		assertThat(figures.records("stores")).allSatisfy(store -> {
			assertThat(store.get("store")).matches("S-\\d{6,}");
			assertThat(store.get("carries_product")).isIn("true", "false");
			assertThat(store.get("category_sales")).matches(NUMBER);
		});
		assertThat(figures.records("sales")).allSatisfy(sale -> {
			assertThat(sale.get("month")).matches("\\d{4}-(0[1-9]|1[0-2])");
			assertThat(sale.get("amount")).matches("\\d+\\.\\d{2}");
			assertThat(sale.get("volume")).matches("\\d+");
		});
		assertThat(figures.records("competitors")).allSatisfy(competitor -> {
			assertThat(Double.parseDouble(competitor.get("share"))).isBetween(0.05, 0.35);
			assertThat(Double.parseDouble(competitor.get("price_index"))).isBetween(0.8, 1.3);
		});
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void everyReferenceIsValid(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		Set<String> channels = ids(figures, "channels", "channel");
		Set<String> cities = ids(figures, "cities", "city");
		Map<String, String> regionOfCity = regionOf(figures, "cities", "city");
		Map<String, String> regionOfDealer = regionOf(figures, "dealers", "dealer");
		Set<List<String>> coverage = figures.records("dealer-coverage")
			.stream()
			.map(row -> List.of(row.get("dealer"), row.get("city"), row.get("channel")))
			.collect(Collectors.toSet());

		assertThat(ids(figures, "regions", "region")).containsAll(regionOfCity.values())
			.containsAll(regionOfDealer.values());
		assertThat(figures.records("adjacency"))
			.allSatisfy(pair -> assertThat(cities).contains(pair.get("city"), pair.get("neighbour")));
		assertThat(coverage).allSatisfy(row -> {
			assertThat(regionOfCity.get(row.get(1))).as("a dealer serves cities of its region")
				.isNotNull()
				.isEqualTo(regionOfDealer.get(row.get(0)));
			assertThat(channels).contains(row.get(2));
		});
		assertThat(figures.records("stores")).allSatisfy(store -> {
			assertThat(cities).contains(store.get("city"));
			assertThat(channels).contains(store.get("channel"));
			if (store.get("carries_product").equals("true")) {
				assertThat(coverage).contains(List.of(store.get("dealer"), store.get("city"), store.get("channel")));
			}
			else {
				assertThat(store.get("dealer")).isEmpty();
			}
		});
		Set<String> months = new HashSet<>();
		assertThat(figures.records("sales")).allSatisfy(sale -> {
			assertThat(coverage).contains(List.of(sale.get("dealer"), sale.get("city"), sale.get("channel")));
			months.add(sale.get("month"));
		});
		YearMonth first = size.lastMonth().minusMonths(size.months() - 1L);
		assertThat(months).hasSize(size.months())
			.allMatch(month -> !YearMonth.parse(month).isBefore(first)
					&& !YearMonth.parse(month).isAfter(size.lastMonth()));
		for (String kind : List.of("competitors", "headcount", "targets")) {
			assertThat(figures.records(kind)).as(kind).allSatisfy(row -> assertThat(cities).contains(row.get("city")));
		}
		assertThat(figures.records("headcount")).allSatisfy(row -> assertThat(channels).contains(row.get("channel")));
		assertThat(figures.records("targets")).extracting(row -> row.get("period")).containsOnly("2026", "2027");
	}

	private static Set<String> ids(MarketFigures figures, String kind, String column) {
		return figures.records(kind).stream().map(row -> row.get(column)).collect(Collectors.toSet());
	}

	private static Map<String, String> regionOf(MarketFigures figures, String kind, String column) {
		return figures.records(kind)
			.stream()
			.collect(Collectors.toMap(row -> row.get(column), row -> row.get("region")));
	}

}
