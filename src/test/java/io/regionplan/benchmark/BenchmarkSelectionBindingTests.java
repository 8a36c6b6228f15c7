package io.regionplan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.planning.PlanningCycles;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.BenchmarkCandidate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark-selection seam without an engine: the region's cities with their latest
 * strategy, dealers and stores in, the ranking for the director's form out. By hand from
 * DOMAIN.md (Benchmark market) and rules/benchmark-selection/parameters.properties: a
 * BASE_CAMP or BREAKTHROUGH city with at least 5 dealers and 100 stores, ranked by growth
 * opportunity = market size × (1 − share).
 */
class BenchmarkSelectionBindingTests {

	static final YearMonth LATEST = YearMonth.of(2026, 10);

	static final BigDecimal BILLION = new BigDecimal("1000000000");

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final PlanningCycles cycles = mock(PlanningCycles.class);

	private final BenchmarkSelectionBinding binding = new BenchmarkSelectionBinding(metrics, cycles);

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("benchmark-selection");
	}

	private static CityMetrics city(String id, String name, String billions, String share) {
		return new CityMetrics(id, "east", name, id, 2, 5_000_000, new BigDecimal(billions).multiply(BILLION),
				BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
				share == null ? null : new BigDecimal(share), BigDecimal.ZERO, null, null, List.of(), 12);
	}

	/** Dealers d-{from}..d-{to} serve {@code city}. */
	private static void serve(Map<String, List<String>> dealers, String city, int from, int to) {
		for (int i = from; i <= to; i++) {
			dealers.computeIfAbsent("d-%02d".formatted(i), k -> new ArrayList<>()).add(city);
		}
	}

	private void region() {
		when(cycles.latestStrategies("east")).thenReturn(Map.of("suzhou", "BASE_CAMP", "changzhou", "BREAKTHROUGH",
				"wuxi", "BASE_CAMP", "nantong", "MUSHROOM_PICKING", "taizhou", "BREAKTHROUGH"));
		Map<String, List<String>> dealers = new TreeMap<>();
		serve(dealers, "suzhou", 1, 5);
		// d-01 serves 常州 as well: 6 dealers there
		serve(dealers, "changzhou", 1, 1);
		serve(dealers, "changzhou", 6, 10);
		serve(dealers, "wuxi", 11, 14);
		serve(dealers, "nantong", 15, 24);
		serve(dealers, "taizhou", 25, 29);
		when(metrics.dealerCities("east")).thenReturn(dealers);
		when(metrics.channels("east")).thenReturn(List.of(stores("suzhou", "KA", 60),
				stores("suzhou", "TRADITIONAL", 50), stores("changzhou", "KA", 100), stores("wuxi", "KA", 500),
				stores("nantong", "KA", 1000), stores("taizhou", "KA", 99), stores("yancheng", "KA", 300)));
		when(metrics.latestMonth("east")).thenReturn(Optional.of(LATEST));
		when(metrics.cities("east", LATEST))
			.thenReturn(List.of(city("changzhou", "常州", "5", "0.10"), city("nantong", "南通", "1", "0.05"),
					city("suzhou", "苏州", "4", "0.30"), city("taizhou", "泰州", "2", "0.01"),
					city("wuxi", "无锡", "3", "0.25"), city("yancheng", "盐城", "6", null)));
	}

	private static ChannelMetrics stores(String city, String channel, long stores) {
		return new ChannelMetrics(city, channel, stores, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
	}

	private static FakeExecution benchmark() {
		return new FakeExecution("benchmark-1").with("region", "east");
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void eligibleCitiesAreRankedByGrowthOpportunityAndTheFirstIsProposed() {
		// given
		region();
		FakeExecution execution = benchmark();

		// when
		evaluate(execution);

		// then 常州 5 bn × (1 − 0.10) = 4.5 bn before 苏州 4 bn × (1 − 0.30) = 2.8 bn; 无锡
		// has 4 dealers, 泰州 99 stores, 南通 and 盐城 the wrong strategy
		assertThat(execution.written()).containsOnly(entry("benchmarkCandidates", 2),
				entry("benchmarkCity", "changzhou"), entry("benchmarkRanking", """
						1. changzhou — 可作标杆：BREAKTHROUGH，经销商 6 家，门店 100 家，增长机会 45 亿，排名第 1 \
						/ eligible: BREAKTHROUGH, 6 dealers, 100 stores, growth opportunity 4.5 bn, rank 1
						2. suzhou — 可作标杆：BASE_CAMP，经销商 5 家，门店 110 家，增长机会 28 亿，排名第 2 \
						/ eligible: BASE_CAMP, 5 dealers, 110 stores, growth opportunity 2.8 bn, rank 2"""));
	}

	@Test
	void everyCityIsACandidateWithItsDealersStoresAndStrategyOrNone() {
		region();

		assertThat(new ArrayList<Object>(binding.facts(benchmark().execution()))).containsExactly(
				new BenchmarkCandidate("changzhou", "常州", "BREAKTHROUGH", 6, 100, new BigDecimal("5").multiply(BILLION),
						new BigDecimal("0.10")),
				new BenchmarkCandidate("nantong", "南通", "MUSHROOM_PICKING", 10, 1000,
						new BigDecimal("1").multiply(BILLION), new BigDecimal("0.05")),
				new BenchmarkCandidate("suzhou", "苏州", "BASE_CAMP", 5, 110, new BigDecimal("4").multiply(BILLION),
						new BigDecimal("0.30")),
				new BenchmarkCandidate("taizhou", "泰州", "BREAKTHROUGH", 5, 99, new BigDecimal("2").multiply(BILLION),
						new BigDecimal("0.01")),
				new BenchmarkCandidate("wuxi", "无锡", "BASE_CAMP", 4, 500, new BigDecimal("3").multiply(BILLION),
						new BigDecimal("0.25")),
				// no strategy in the latest cycle, no dealer
				new BenchmarkCandidate("yancheng", "盐城", "NONE", 0, 300, new BigDecimal("6").multiply(BILLION), null));
	}

	@Test
	void withoutAnEligibleCityNoBenchmarkIsProposed() {
		region();
		when(cycles.latestStrategies("east")).thenReturn(Map.of("suzhou", "MAINTAIN"));
		FakeExecution execution = benchmark();

		evaluate(execution);

		assertThat(execution.written()).containsOnly(entry("benchmarkCandidates", 0), entry("benchmarkRanking", ""));
	}

	@Test
	void aRegionWithoutCityStrategiesIsRefused() {
		when(cycles.latestStrategies("east")).thenReturn(Map.of());

		assertThatThrownBy(() -> binding.facts(benchmark().execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("region 'east' has no city strategies yet");
	}

}
