package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.BorderlineFlag;
import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.NewMarketVerdict;
import io.regionplan.rules.fact.RangeDrop;
import io.regionplan.rules.fact.RegionMedians;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quadrant against medians share 2% and market size 1 bn; edges at the medians and
 * one step off.
 */
class CityStrategyRuleTests {

	static final RegionMedians MEDIANS = new RegionMedians("east", new BigDecimal("0.02"),
			new BigDecimal("1000000000"));

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("city-strategy");
	}

	private static City city(String id, String share, String marketSize, int distanceKm, List<String> neighbours) {
		return new City(id, "east", id, share == null ? null : new BigDecimal(share), new BigDecimal(marketSize),
				BigDecimal.valueOf(distanceKm), neighbours, 12, null);
	}

	private static RuleRun decide(List<Object> facts) {
		List<Object> all = new ArrayList<>(facts);
		all.add(MEDIANS);
		return RuleSets.run(rules, all);
	}

	private static Map<String, String> strategies(RuleRun run) {
		return run.factsOf(CityStrategy.class)
			.stream()
			.collect(Collectors.toMap(CityStrategy::cityId, CityStrategy::strategy));
	}

	@ParameterizedTest(name = "share {0}, market size {1} -> {2}")
	@CsvSource(nullValues = "none",
			value = { "0.02,   1000000000, BASE_CAMP", "0.0201, 1000000001, BASE_CAMP", "0.02,    999999999, MAINTAIN",
					"0.0199, 1000000000, BREAKTHROUGH", "0.0199,  999999999, MUSHROOM_PICKING",
					"none,   1000000000, BREAKTHROUGH", "none,            0, MUSHROOM_PICKING" })
	void quadrantAtTheMedians(String share, String marketSize, String strategy) {
		RuleRun run = decide(List.of(city("x", share, marketSize, 50, List.of())));

		assertThat(strategies(run)).containsExactly(Map.entry("x", strategy));
	}

	@Test
	void lowShareHighPotentialCityBesideTwoBaseCampsIsThreePointsAttackOne() {
		City shanghai = city("shanghai", "0.05", "5000000000", 0, List.of("nantong", "suzhou"));
		City suzhou = city("suzhou", "0.04", "2000000000", 100, List.of("nantong", "shanghai"));
		City nantong = city("nantong", "0.005", "1500000000", 110, List.of("shanghai", "suzhou"));

		RuleRun run = decide(List.of(shanghai, suzhou, nantong));

		assertThat(strategies(run)).containsEntry("shanghai", "BASE_CAMP")
			.containsEntry("suzhou", "BASE_CAMP")
			.containsEntry("nantong", "THREE_POINTS_ATTACK_ONE");
		CityStrategy three = run.factsOf(CityStrategy.class)
			.stream()
			.filter(s -> s.cityId().equals("nantong"))
			.findFirst()
			.orElseThrow();
		assertThat(three.reasonEn()).contains("2 adjacent base camps").contains("shanghai").contains("suzhou");
		assertThat(run.firedRules()).containsSubsequence("Strategy_BaseCamp", "Strategy_ThreePointsAttackOne");
	}

	@Test
	void withOnlyOneAdjacentBaseCampItIsBreakthrough() {
		City shanghai = city("shanghai", "0.05", "5000000000", 0, List.of("nantong"));
		City nantong = city("nantong", "0.005", "1500000000", 110, List.of("shanghai", "yangzhou"));
		City yangzhou = city("yangzhou", "0.005", "500000000", 250, List.of("nantong"));

		assertThat(strategies(decide(List.of(shanghai, nantong, yangzhou)))).containsEntry("nantong", "BREAKTHROUGH");
	}

	@Test
	void farCityWithoutAdjacentBaseCampDropsOneLevel() {
		City near = city("near", "0.05", "5000000000", 300, List.of());
		City far = city("far", "0.05", "5000000000", 301, List.of());
		City farBesideBase = city("farbase", "0.001", "10", 460, List.of("near"));

		RuleRun run = decide(List.of(near, far, farBesideBase));

		assertThat(run.factsOf(RangeDrop.class)).extracting(RangeDrop::cityId).containsExactly("far");
		assertThat(run.factsOf(RangeDrop.class).get(0).reasonEn())
			.isEqualTo("range: 301 km from the distribution centre > 300 and no adjacent base camp: one level lower, "
					+ "a lower money weight");
	}

	@Test
	void newMarketsRankByTheirSevenCScore() {
		City low = new City("low", "east", "low", null, BigDecimal.TEN, BigDecimal.TEN, List.of(), 3, 20);
		City high = new City("high", "east", "high", null, BigDecimal.TEN, BigDecimal.TEN, List.of(), 0, 31);
		City unscored = new City("unscored", "east", "unscored", null, BigDecimal.TEN, BigDecimal.TEN, List.of(), 11,
				null);

		RuleRun run = decide(List.of(low, high, unscored));

		assertThat(strategies(run)).containsEntry("low", "NEW_MARKET")
			.containsEntry("high", "NEW_MARKET")
			.containsEntry("unscored", "NEW_MARKET");
		Map<String, String> reasons = run.factsOf(CityStrategy.class)
			.stream()
			.collect(Collectors.toMap(CityStrategy::cityId, CityStrategy::reasonEn));
		assertThat(reasons.get("high")).contains("7C score 31/35, rank 1");
		assertThat(reasons.get("low")).contains("7C score 20/35, rank 2");
		assertThat(reasons.get("unscored")).contains("no 7C score yet");
		assertThat(run.firedRules()).doesNotContain("Strategy_BaseCamp", "Strategy_MushroomPicking");
	}

	/**
	 * 7C (DOMAIN.md, second set): total ≥ 28 ENTER, 21–27 WATCH, < 21 HOLD; the reason
	 * names the score and the band.
	 */
	@ParameterizedTest(name = "7C {0} -> {1}")
	@CsvSource({ "7, HOLD, 7C score 7 < 21: HOLD", "20, HOLD, 7C score 20 < 21: HOLD",
			"21, WATCH, 7C score 21 within 21–27: WATCH", "27, WATCH, 7C score 27 within 21–27: WATCH",
			"28, ENTER, 7C score 28 >= 28: ENTER", "35, ENTER, 7C score 35 >= 28: ENTER" })
	void aNewMarketsSevenCTotalDecidesWhetherToEnter(int score, String verdict, String reason) {
		City market = new City("x", "east", "x", null, BigDecimal.TEN, BigDecimal.TEN, List.of(), 3, score);

		RuleRun run = decide(List.of(market));

		assertThat(run.factsOf(NewMarketVerdict.class)).singleElement().satisfies(v -> {
			assertThat(v.cityId()).isEqualTo("x");
			assertThat(v.verdict()).isEqualTo(verdict);
			assertThat(v.reasonEn()).isEqualTo(reason);
		});
		assertThat(strategies(run)).containsExactly(Map.entry("x", "NEW_MARKET"));
	}

	@Test
	void aNewMarketWithoutAScoreAndAnOldMarketGetNoVerdict() {
		City unscored = new City("unscored", "east", "unscored", null, BigDecimal.TEN, BigDecimal.TEN, List.of(), 11,
				null);
		City old = new City("old", "east", "old", new BigDecimal("0.05"), new BigDecimal("5000000000"), BigDecimal.TEN,
				List.of(), 12, 30);

		assertThat(decide(List.of(unscored, old)).factsOf(NewMarketVerdict.class)).isEmpty();
	}

	/**
	 * Borderline: within 10% of the median, relative to it. Medians share 2% and market
	 * size 1 bn: share 1.8%–2.2%, market size 0.9–1.1 bn; the other axis far from its
	 * median.
	 */
	@ParameterizedTest(name = "share {0}, market size {1} -> {2}")
	@CsvSource(nullValues = "none",
			value = { "0.022,   5000000000, share", "0.018,   5000000000, share", "0.02201, 5000000000, none",
					"0.01799, 5000000000, none", "0.05,    1100000000, marketSize", "0.05,     900000000, marketSize",
					"0.05,    1100000001, none", "0.05,     899999999, none", "none,    5000000000, none" })
	void aCityWithinTenPercentOfAMedianIsBorderline(String share, String marketSize, String median) {
		RuleRun run = decide(List.of(city("x", share, marketSize, 50, List.of())));

		if (median == null) {
			assertThat(run.factsOf(BorderlineFlag.class)).isEmpty();
		}
		else {
			assertThat(run.factsOf(BorderlineFlag.class)).singleElement()
				.extracting(BorderlineFlag::cityId, BorderlineFlag::median, BorderlineFlag::value)
				.containsExactly("x", median, "BORDERLINE");
		}
	}

	@Test
	void theReasonNamesTheMedianAndTheDistance() {
		// share 2.1% against the median 2%: 0.1 ÷ 2 = 5% off; market size 1.05 bn against
		// 1 bn: 5% off; both flagged
		RuleRun run = decide(List.of(city("hangzhou", "0.021", "1050000000", 175, List.of())));

		assertThat(run.factsOf(BorderlineFlag.class)).extracting(BorderlineFlag::reasonEn)
			.containsExactlyInAnyOrder(
					"borderline: share 2.1% is 5% from the median 2% (within 10%): the manager confirms",
					"borderline: market size 1.05 bn is 5% from the median 1 bn (within 10%): the manager confirms");
		assertThat(run.factsOf(BorderlineFlag.class)).extracting(BorderlineFlag::reasonZh)
			.contains("象限临界：份额 2.1% 与中位数 2% 相差 5%（不超过 10%），请经理确认");
		assertThat(strategies(run)).containsExactly(Map.entry("hangzhou", "BASE_CAMP"));
	}

	@Test
	void aNewMarketIsNeverBorderline() {
		City market = new City("x", "east", "x", new BigDecimal("0.02"), new BigDecimal("1000000000"), BigDecimal.TEN,
				List.of(), 11, 25);

		assertThat(decide(List.of(market)).factsOf(BorderlineFlag.class)).isEmpty();
	}

	@Test
	void everyCityGetsExactlyOneStrategy() {
		List<Object> cities = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			cities.add(city("c" + i, String.valueOf(i * 0.001), String.valueOf(100_000_000L * (i % 20)), i * 10,
					List.of("c" + (i + 1) % 40, "c" + (i + 39) % 40)));
		}

		RuleRun run = decide(cities);

		assertThat(run.factsOf(CityStrategy.class)).hasSize(40);
		assertThat(strategies(run)).hasSize(40);
	}

}
