package io.regionplan.market.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.regionplan.market.demo.DemoMarket.Size;

/**
 * The metrics of docs/data-formats.md computed straight from generated rows, so that
 * tests check the deliberate cases the way the application will see them, not the way the
 * generator meant them.
 */
final class MarketFigures {

	private static final Map<Size, MarketFigures> GENERATED = new ConcurrentHashMap<>();

	private final MarketDataset dataset;

	private final YearMonth lastMonth;

	MarketFigures(MarketDataset dataset, YearMonth lastMonth) {
		this.dataset = dataset;
		this.lastMonth = lastMonth;
	}

	/**
	 * The figures of the default seed's data set of a size, generated once per test run.
	 */
	static MarketFigures of(Size size) {
		return GENERATED.computeIfAbsent(size,
				key -> new MarketFigures(DemoMarket.generate(key, DemoMarket.DEFAULT_SEED), key.lastMonth()));
	}

	/**
	 * The demo size and two scaled ones: east with synthetic cities, and five regions.
	 */
	static Stream<Size> sizes() {
		YearMonth last = Size.DEMO.lastMonth();
		return Stream.of(Size.DEMO, Size.ofTotalCities(30, 400, 20_000, 24, last),
				Size.ofTotalCities(60, 1_000, 10_000, 24, last));
	}

	/** The rows of a kind as column → value maps. */
	List<Map<String, String>> records(String kind) {
		MarketTable table = dataset.table(kind);
		List<Map<String, String>> records = new ArrayList<>();
		for (List<String> row : table.rows()) {
			Map<String, String> record = new HashMap<>();
			for (int i = 0; i < table.columns().size(); i++) {
				record.put(table.columns().get(i), row.get(i));
			}
			records.add(record);
		}
		return records;
	}

	/**
	 * Σ amount per value of {@code column} over the 12 months ending {@code yearsBack}
	 * years before the last one.
	 */
	Map<String, Double> trailingSales(String column, int yearsBack) {
		YearMonth end = lastMonth.minusYears(yearsBack);
		YearMonth start = end.minusMonths(11);
		Map<String, Double> sales = new HashMap<>();
		MarketTable table = dataset.table("sales");
		int key = table.column(column);
		int month = table.column("month");
		int amount = table.column("amount");
		for (List<String> row : table.rows()) {
			YearMonth when = YearMonth.parse(row.get(month));
			if (!when.isBefore(start) && !when.isAfter(end)) {
				sales.merge(row.get(key), Double.parseDouble(row.get(amount)), Double::sum);
			}
		}
		return sales;
	}

	double growth(String dealer) {
		return trailingSales("dealer", 0).get(dealer) / trailingSales("dealer", 1).get(dealer) - 1;
	}

	Map<String, String> dealer(String id) {
		return records("dealers").stream().filter(dealer -> dealer.get("dealer").equals(id)).findFirst().orElseThrow();
	}

	List<Map<String, String>> dealersOf(String region) {
		return records("dealers").stream().filter(dealer -> dealer.get("region").equals(region)).toList();
	}

	/** Market size of each city of a region. */
	Map<String, Double> marketSizes(String region) {
		Map<String, Double> sizes = new HashMap<>();
		records("cities").stream()
			.filter(city -> city.get("region").equals(region))
			.forEach(city -> sizes.put(city.get("city"), Double.parseDouble(city.get("market_size"))));
		return sizes;
	}

	/** Share = trailing-12-month sales ÷ market size, for each city of a region. */
	Map<String, Double> shares(String region) {
		Map<String, Double> sales = trailingSales("city", 0);
		Map<String, Double> shares = new HashMap<>();
		marketSizes(region).forEach((city, size) -> shares.put(city, sales.getOrDefault(city, 0.0) / size));
		return shares;
	}

	static double median(Iterable<Double> values) {
		List<Double> sorted = new ArrayList<>();
		values.forEach(sorted::add);
		sorted.sort(null);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
