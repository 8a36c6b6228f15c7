package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
		// plain predicates for the two large kinds (some 10^5 rows)
		Pattern storeId = Pattern.compile("S-\\d{6,}");
		Pattern number = Pattern.compile(NUMBER);
		assertThat(figures.records("stores")).as("stores not in the import format")
			.filteredOn(store -> !storeId.matcher(store.get("store")).matches()
					|| !Set.of("true", "false").contains(store.get("carries_product"))
					|| !number.matcher(store.get("category_sales")).matches())
			.isEmpty();
		Pattern month = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
		Pattern amount = Pattern.compile("\\d+\\.\\d{2}");
		Pattern volume = Pattern.compile("\\d+");
		assertThat(figures.records("sales")).as("sales not in the import format")
			.filteredOn(sale -> !month.matcher(sale.get("month")).matches()
					|| !amount.matcher(sale.get("amount")).matches() || !volume.matcher(sale.get("volume")).matches())
			.isEmpty();
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
		// plain predicates: the largest size has some 10^5 rows, too many for an
		// assertion per row
		assertThat(figures.records("adjacency")).as("adjacency naming unknown cities")
			.filteredOn(pair -> !cities.contains(pair.get("city")) || !cities.contains(pair.get("neighbour")))
			.isEmpty();
		assertThat(coverage).as("coverage of a city outside the dealer's region, or of an unknown channel")
			.filteredOn(row -> regionOfCity.get(row.get(1)) == null
					|| !regionOfCity.get(row.get(1)).equals(regionOfDealer.get(row.get(0)))
					|| !channels.contains(row.get(2)))
			.isEmpty();
		assertThat(figures.records("stores"))
			.as("stores with an unknown city or channel, or a dealer not covering them")
			.filteredOn(store -> !cities.contains(store.get("city")) || !channels.contains(store.get("channel"))
					|| (store.get("carries_product").equals("true")
							? !coverage.contains(List.of(store.get("dealer"), store.get("city"), store.get("channel")))
							: !store.get("dealer").isEmpty()))
			.isEmpty();
		Set<String> months = new HashSet<>();
		assertThat(figures.records("sales")).as("sales outside the dealers' coverage").filteredOn(sale -> {
			months.add(sale.get("month"));
			return !coverage.contains(List.of(sale.get("dealer"), sale.get("city"), sale.get("channel")));
		}).isEmpty();
		YearMonth first = size.lastMonth().minusMonths(size.months() - 1L);
		assertThat(months).hasSize(size.months())
			.allMatch(month -> !YearMonth.parse(month).isBefore(first)
					&& !YearMonth.parse(month).isAfter(size.lastMonth()));
		for (String kind : List.of("competitors", "headcount", "targets")) {
			assertThat(figures.records(kind)).as(kind + " of unknown cities")
				.filteredOn(row -> !cities.contains(row.get("city")))
				.isEmpty();
		}
		assertThat(figures.records("headcount")).as("headcount of unknown channels")
			.filteredOn(row -> !channels.contains(row.get("channel")))
			.isEmpty();
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
