package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.regionplan.market.demo.DemoMarket.Size;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deliberate cases f to i of {@link DemoMarket}, which make every path of the plan
 * visible on the demo east region: a store investment with ROI below 1, a new market with
 * one dealer and no rep, a city short of reps, borderline cities. Computed from the
 * generated rows with the definitions of DOMAIN.md ("Default policies, second set").
 */
class DeliberatePathsTests {

	/** Visits a store a month by channel (rules/team-sizing/parameters.properties). */
	private static final Map<String, Integer> VISITS = Map.of("KA", 8, "SUPERMARKET", 4, "CONVENIENCE", 2,
			"TRADITIONAL", 2, "CATERING", 2, "ECOMMERCE", 0);

	/** Visits a rep makes a month: 8 a day × 22 working days. */
	private static final int REP_VISITS = 8 * 22;

	static List<Size> sizes() {
		return MarketFigures.sizes().toList();
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void nanjingsFirstStoreInvestmentIsEastsOnlyOneWithRoiBelowOne(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		Set<String> east = figures.marketSizes("east").keySet();
		Map<String, Map<String, String>> stores = figures.records("stores")
			.stream()
			.collect(Collectors.toMap(store -> store.get("store"), store -> store));
		List<Map<String, String>> spend = figures.records("spend");

		assertThat(spend).isNotEmpty().allSatisfy(row -> {
			assertThat(row.get("month")).isEqualTo(size.lastMonth().getYear() + "-03");
			assertThat(stores.get(row.get("store"))).containsEntry("city", row.get("city"))
				.containsEntry("channel", "KA")
				.containsEntry("carries_product", "true");
		});
		// ROI = incremental gross profit ÷ spend
		assertThat(spend.stream().filter(row -> roi(row) < 1)).singleElement().satisfies(row -> {
			assertThat(row).containsEntry("city", DemoMarket.LOW_ROI_CITY)
				.containsEntry("amount", "80000.00")
				.containsEntry("incremental_profit", "52000.00");
			assertThat(roi(row)).isEqualTo(0.65);
		});
		assertThat(spend.stream().filter(row -> east.contains(row.get("city"))).map(row -> row.get("city")))
			.contains(DemoMarket.LOW_ROI_CITY, "shanghai", "nantong");
		assertThat(spend.stream().filter(row -> roi(row) >= 1))
			.allSatisfy(row -> assertThat(roi(row)).isBetween(1.19, 2.51));
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void zhenjiangIsANewMarketWithStoresOneDealerAndNoRep(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		String city = DemoMarket.NEW_MARKET_CITY;
		List<Map<String, String>> stores = figures.records("stores")
			.stream()
			.filter(store -> store.get("city").equals(city))
			.toList();

		assertThat(figures.records("cities")).filteredOn(row -> row.get("city").equals(city))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("region", "east").containsEntry("distance_km", "260"));
		assertThat(figures.records("sales")).noneMatch(sale -> sale.get("city").equals(city));
		assertThat(figures.records("dealer-coverage")
			.stream()
			.filter(row -> row.get("city").equals(city))
			.map(row -> row.get("dealer"))
			.distinct()).containsExactly(DemoMarket.NEW_MARKET_DEALER);
		assertThat(stores).isNotEmpty()
			.allSatisfy(store -> assertThat(store).containsEntry("carries_product", "false"));
		assertThat(stores).anyMatch(store -> Set.of("KA", "SUPERMARKET").contains(store.get("channel")));
		assertThat(headcount(figures).get(city)).isZero();
		assertThat(figures.records("adjacency"))
			.filteredOn(pair -> pair.get("city").equals(city) || pair.get("neighbour").equals(city))
			.hasSize(2);
	}

	@Test
	void zhenjiangIsEastsOnlyCityWithOneDealer() {
		MarketFigures figures = MarketFigures.of(Size.DEMO);
		Map<String, Set<String>> dealers = new HashMap<>();
		figures.records("dealer-coverage")
			.forEach(row -> dealers.computeIfAbsent(row.get("city"), key -> new java.util.HashSet<>())
				.add(row.get("dealer")));
		Set<String> east = figures.records("cities")
			.stream()
			.filter(row -> row.get("region").equals("east"))
			.map(row -> row.get("city"))
			.collect(Collectors.toSet());

		assertThat(east.stream().filter(city -> dealers.get(city).size() == 1))
			.containsExactly(DemoMarket.NEW_MARKET_CITY);
	}

	/**
	 * Nantong is THREE_POINTS_ATTACK_ONE (case d): +8 ND points in every channel, target
	 * stores = ⌈carrying + 0.08 × stores⌉. Every other old market of east has at least
	 * the reps that +10 points in every channel would need, more than any strategy asks.
	 */
	@ParameterizedTest
	@MethodSource("sizes")
	void nantongHasFewerRepsThanItsCoverageTargetsNeedAndNoOtherOldMarketOfEast(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		Map<String, Integer> headcount = headcount(figures);

		assertThat(headcount.get(DemoMarket.THIN_TEAM_CITY)).isEqualTo(1);
		assertThat(requiredReps(figures, DemoMarket.THIN_TEAM_CITY, 0.08))
			.isGreaterThan(headcount.get(DemoMarket.THIN_TEAM_CITY));
		figures.marketSizes("east")
			.keySet()
			.stream()
			.filter(city -> !city.equals(DemoMarket.THIN_TEAM_CITY) && !city.equals(DemoMarket.NEW_MARKET_CITY))
			.forEach(city -> assertThat(headcount.get(city)).as(city)
				.isGreaterThanOrEqualTo(requiredReps(figures, city, 0.10)));
	}

	/**
	 * East's market sizes are fixed: of the twelve real cities the median is (1.15 +
	 * 1.30) ÷ 2 = 1.225 bn, and Wuxi (1.15) and Nantong (1.30) lie within 10% of it
	 * (1.1025 to 1.3475), so they are BORDERLINE whatever the seed. Synthetic cities move
	 * the median but leave a real city within the band.
	 */
	@ParameterizedTest
	@MethodSource("sizes")
	void eastHasOldMarketsWithinTenPercentOfTheMedianMarketSize(Size size) {
		Map<String, Double> markets = MarketFigures.of(size).marketSizes("east");
		markets.remove(DemoMarket.NEW_MARKET_CITY);
		double median = MarketFigures.median(markets.values());
		Set<String> borderline = markets.keySet()
			.stream()
			.filter(city -> Math.abs(markets.get(city) - median) <= 0.10 * median)
			.collect(Collectors.toSet());

		assertThat(borderline).isNotEmpty();
		if (size.equals(Size.DEMO)) {
			assertThat(median).isEqualTo(1_225_000_000.0);
			assertThat(borderline).containsExactlyInAnyOrder("wuxi", "nantong");
		}
	}

	private static double roi(Map<String, String> spend) {
		return Double.parseDouble(spend.get("incremental_profit")) / Double.parseDouble(spend.get("amount"));
	}

	private static Map<String, Integer> headcount(MarketFigures figures) {
		Map<String, Integer> reps = new HashMap<>();
		figures.records("headcount")
			.forEach(row -> reps.merge(row.get("city"), Integer.parseInt(row.get("headcount")), Integer::sum));
		return reps;
	}

	/**
	 * ⌈Σ channels ⌈carrying + points × stores⌉ (at most the stores) × visits ÷ 176⌉, as
	 * coverage-targets and team-sizing compute it.
	 */
	private static int requiredReps(MarketFigures figures, String city, double points) {
		Map<String, int[]> channels = new HashMap<>();
		figures.records("stores").stream().filter(store -> store.get("city").equals(city)).forEach(store -> {
			int[] counts = channels.computeIfAbsent(store.get("channel"), key -> new int[2]);
			counts[0]++;
			counts[1] += store.get("carries_product").equals("true") ? 1 : 0;
		});
		long visits = 0;
		for (Map.Entry<String, int[]> channel : channels.entrySet()) {
			int stores = channel.getValue()[0];
			long target = Math.min(stores, (long) Math.ceil(channel.getValue()[1] + points * stores - 1e-9));
			visits += target * VISITS.get(channel.getKey());
		}
		return (int) Math.ceil(visits / (double) REP_VISITS);
	}

}
