package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.RegionMedians;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The city-strategy seam without an engine: the region's city metrics and a new market's
 * 7C scores in, the strategies stored and summarised. By hand from DOMAIN.md (City
 * strategy) and rules/city-strategy/parameters.properties: old markets have 12 months of
 * sales; high share = share ≥ the old markets' median, high potential = market size ≥
 * theirs; three points attack one from 2 adjacent base camps; beyond 300 km without an
 * adjacent base camp one level lower.
 */
class CityStrategyBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static final BigDecimal BILLION = new BigDecimal("1000000000");

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleResults results = mock(CycleResults.class);

	private final ReviewChoices choices = mock(ReviewChoices.class);

	private final CityStrategyBinding binding = new CityStrategyBinding(metrics, results, choices);

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("city-strategy");
	}

	private static CityMetrics city(String id, String name, String share, String billions, int distanceKm, int months,
			String... neighbours) {
		return new CityMetrics(id, "east", name, id, 2, 5_000_000, new BigDecimal(billions).multiply(BILLION),
				BigDecimal.valueOf(distanceKm), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
				share == null ? null : new BigDecimal(share), BigDecimal.ZERO, null, null, List.of(neighbours), months);
	}

	/**
	 * Old markets' shares 0.05, 0.10, 0.20, 0.25, 0.30: median 0.20; sizes 1, 2, 3, 4, 5
	 * bn: median 3 bn. The two new markets (fewer than 12 months) do not count.
	 */
	private static List<CityMetrics> region() {
		return List.of(
				// 0.30 ≥ 0.20, 4 bn ≥ 3 bn: BASE_CAMP
				city("suzhou", "苏州", "0.30", "4", 100, 12, "wuxi", "changzhou", "yangzhou"),
				// 0.25 ≥ 0.20, 3 bn ≥ 3 bn (the median itself): BASE_CAMP
				city("wuxi", "无锡", "0.25", "3", 150, 12, "suzhou", "changzhou"),
				// 0.10 < 0.20, 5 bn ≥ 3 bn, beside 苏州 and 无锡: THREE_POINTS_ATTACK_ONE
				city("changzhou", "常州", "0.10", "5", 180, 12, "suzhou", "wuxi"),
				// 0.05 < 0.20, 1 bn < 3 bn: MUSHROOM_PICKING; 350 km > 300, no neighbour:
				// one level lower
				city("nantong", "南通", "0.05", "1", 350, 12),
				// 0.20 ≥ 0.20, 2 bn < 3 bn: MAINTAIN; 320 km > 300 but beside 苏州: kept
				city("yangzhou", "扬州", "0.20", "2", 320, 12, "suzhou"),
				// 6 months: a new market, scored in the market-visits form
				city("taizhou", "泰州", "0.01", "0.5", 200, 6),
				// 11 months, no market size so no share, not scored
				city("yancheng", "盐城", null, "0", 250, 11));
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east")
			.with("period", "2026-10")
			.with("newMarketCity", "taizhou")
			// 4 + 3 + 5 + 4 + 3 + 2 + 4 = 25
			.with("scoreAdministrative", 4)
			.with("scoreCategory", 3)
			.with("scoreConsumer", 5)
			.with("scoreChannel", 4)
			.with("scoreCustomer", 3)
			.with("scoreCompetitor", 2)
			.with("scoreOwnCompany", 4L);
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void strategiesAreStoredAndSummarisedByStrategyThenCity() {
		// given
		when(metrics.cities("east", PERIOD)).thenReturn(region());
		FakeExecution execution = cycle();

		// when
		evaluate(execution);

		// then
		// borderline, within 10% of a median: 扬州's share 0.20 is the median share, 无锡's 3
		// bn the median size (the band 0.18–0.22 and 2.7–3.3 bn holds no other old
		// market); 泰州's 7C 25 is WATCH (21–27)
		assertThat(execution.written())
			.containsOnlyKeys("cityStrategySummary", "citiesRangeDropped", "borderlineCities", "borderlineCityCount")
			.contains(entry("citiesRangeDropped", 1), entry("borderlineCityCount", 2),
					entry("borderlineCities", "wuxi 无锡 BASE_CAMP — 象限临界：市场容量 30 亿 与中位数 30 亿 相差 0%（不超过 10%），请经理确认"
							+ " / borderline: market size 3 bn is 0% from the median 3 bn (within 10%): the manager "
							+ "confirms\nyangzhou 扬州 MAINTAIN — 象限临界：份额 20% 与中位数 20% 相差 0%（不超过 10%），请经理确认"
							+ " / borderline: share 20% is 0% from the median 20% (within 10%): the manager confirms"));
		verify(results).markStrategies("cycle-1", java.util.Map.of("taizhou", "WATCH"), List.of("wuxi", "yangzhou"));
		String[] lines = ((String) execution.written().get("cityStrategySummary")).split("\n");
		assertThat(lines[0]).isEqualTo("BASE_CAMP: 苏州、无锡; MAINTAIN: 扬州; MUSHROOM_PICKING: 南通; "
				+ "NEW_MARKET: 泰州、盐城; THREE_POINTS_ATTACK_ONE: 常州");
		assertThat(lines).hasSize(8);
		assertThat(List.of(lines).subList(1, 8)).satisfiesExactly(
				line -> assertThat(line).startsWith("changzhou 常州 — 三点攻一点").doesNotContain("射程降一级"),
				line -> assertThat(line).startsWith("nantong 南通 — 采蘑菇").endsWith("（射程降一级 / one level lower by range）"),
				line -> assertThat(line).startsWith("suzhou 苏州 — 大本营").doesNotContain("射程降一级"),
				line -> assertThat(line).startsWith("taizhou 泰州 — 新市场：7C 总分 25/35")
					.contains("；7C 总分 25 在 21–27 之间：观察 / new market: 7C score 25/35")
					.endsWith("; 7C score 25 within 21–27: WATCH"),
				line -> assertThat(line).startsWith("wuxi 无锡 — 大本营").contains("；象限临界：市场容量 30 亿"),
				line -> assertThat(line).startsWith("yancheng 盐城 — 新市场").contains("no 7C score yet"),
				line -> assertThat(line).startsWith("yangzhou 扬州 — 稳固")
					.contains("；象限临界：份额 20%")
					.doesNotContain("射程降一级"));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<CityStrategy>> strategies = ArgumentCaptor.forClass(List.class);
		verify(results).saveStrategies(eq("cycle-1"), eq("east"), strategies.capture(), eq(List.of("nantong")), any());
		assertThat(strategies.getValue()).extracting(CityStrategy::cityId, CityStrategy::strategy)
			.containsExactlyInAnyOrder(tuple("suzhou", "BASE_CAMP"), tuple("wuxi", "BASE_CAMP"),
					tuple("changzhou", "THREE_POINTS_ATTACK_ONE"), tuple("nantong", "MUSHROOM_PICKING"),
					tuple("yangzhou", "MAINTAIN"), tuple("taizhou", "NEW_MARKET"), tuple("yancheng", "NEW_MARKET"));
	}

	@Test
	void mediansAreOverOldMarketsOnly() {
		when(metrics.cities("east", PERIOD)).thenReturn(region());

		// five old markets: the third of 0.05, 0.10, 0.20, 0.25, 0.30 and of 1, 2, 3, 4,
		// 5 bn
		assertThat(binding.facts(cycle().execution())).filteredOn(RegionMedians.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(RegionMedians.class, medians -> {
				assertThat(medians.regionId()).isEqualTo("east");
				assertThat(medians.share()).isEqualByComparingTo("0.20");
				assertThat(medians.marketSize()).isEqualByComparingTo("3000000000");
			});
	}

	@Test
	void anEvenNumberOfOldMarketsTakesTheMeanOfTheMiddleTwoAndSkipsAMissingShare() {
		when(metrics.cities("east", PERIOD)).thenReturn(List.of(city("a", "甲", "0.10", "1", 10, 12),
				city("b", "乙", "0.40", "4", 10, 12), city("c", "丙", "0.20", "2", 10, 12),
				city("d", "丁", "0.30", "3", 10, 12), city("e", "戊", null, "0", 10, 12)));

		// shares 0.10, 0.20, 0.30, 0.40 (戊 has none): (0.20 + 0.30) ÷ 2 = 0.25; sizes 0,
		// 1, 2, 3, 4 bn: 2 bn
		assertThat(binding.facts(cycle().execution())).filteredOn(RegionMedians.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(RegionMedians.class, medians -> {
				assertThat(medians.share()).isEqualByComparingTo("0.25");
				assertThat(medians.marketSize()).isEqualByComparingTo("2000000000");
			});
	}

	@Test
	void aRegionWithoutOldMarketsHasZeroMedians() {
		when(metrics.cities("east", PERIOD)).thenReturn(List.of(city("taizhou", "泰州", "0.01", "0.5", 200, 6)));

		assertThat(binding.facts(cycle().execution())).filteredOn(RegionMedians.class::isInstance)
			.singleElement()
			.isEqualTo(new RegionMedians("east", BigDecimal.ZERO, BigDecimal.ZERO));
	}

	@Test
	void sevenCTotalGoesToTheNamedNewMarketOnly() {
		when(metrics.cities("east", PERIOD)).thenReturn(region());

		// the form's city id with spaces around it still names 泰州
		List<City> cities = cities(cycle().with("newMarketCity", " taizhou ").execution());

		assertThat(cities).extracting(City::cityId, City::name, City::sevenCScore)
			.contains(tuple("taizhou", "泰州", 25), tuple("yancheng", "盐城", null), tuple("suzhou", "苏州", null));
		assertThat(cities).filteredOn(city -> city.cityId().equals("suzhou"))
			.singleElement()
			.isEqualTo(new City("suzhou", "east", "苏州", new BigDecimal("0.30"), new BigDecimal("4").multiply(BILLION),
					BigDecimal.valueOf(100), List.of("wuxi", "changzhou", "yangzhou"), 12, null));
	}

	@Test
	void withoutANewMarketTheScoresAreNotRead() {
		when(metrics.cities("east", PERIOD)).thenReturn(region());
		FakeExecution execution = new FakeExecution("cycle-1").with("region", "east")
			.with("period", "2026-10")
			.with("newMarketCity", "  ");

		assertThat(cities(execution.execution())).extracting(City::sevenCScore).containsOnlyNulls();
	}

	@Test
	void aNewMarketWithAMissingScoreIsRefusedByName() {
		when(metrics.cities("east", PERIOD)).thenReturn(region());
		FakeExecution execution = new FakeExecution("cycle-1").with("region", "east")
			.with("period", "2026-10")
			.with("newMarketCity", "taizhou")
			.with("scoreAdministrative", 4)
			.with("scoreCategory", 3);

		assertThatThrownBy(() -> binding.facts(execution.execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("7C score 'scoreConsumer' is missing");
	}

	@Test
	void aCityLeftWithoutAStrategyStoresAndWritesNothing() {
		when(metrics.cities("east", PERIOD)).thenReturn(region().subList(0, 2));
		FakeExecution execution = cycle();
		List<Object> facts = new ArrayList<>(binding.facts(execution.execution()));
		RuleRun run = new RuleRun(new RuleSetVersion("city-strategy", "test", rules.contentHash()), facts, List.of(),
				List.of(facts.get(0), facts.get(1),
						new CityStrategy("suzhou", "苏州", "BASE_CAMP", 1, "大本营", "base camp")));

		assertThatThrownBy(() -> binding.apply(execution.execution(), run)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("must give every city one strategy: 1 for 2 cities");
		verify(results, never()).saveStrategies(anyString(), anyString(), anyList(), anyList(), any());
		assertThat(execution.written()).isEmpty();
	}

	private List<City> cities(DelegateExecution execution) {
		return binding.facts(execution).stream().filter(City.class::isInstance).map(City.class::cast).toList();
	}

}
