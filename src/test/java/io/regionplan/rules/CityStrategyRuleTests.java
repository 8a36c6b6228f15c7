package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.CityStrategy;
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
		assertThat(run.factsOf(RangeDrop.class).get(0).reasonEn()).startsWith("range: 301 km");
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
