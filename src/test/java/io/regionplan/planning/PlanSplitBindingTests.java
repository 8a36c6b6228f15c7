package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.CityPlan;
import io.regionplan.rules.fact.PlanCity;
import io.regionplan.rules.fact.PlanSource;
import io.regionplan.rules.fact.VolumePlan;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan-split seam without an engine: the approved plan, the cycle's strategies and
 * forecasts, last year's sales and the gap-closing sources in; every city × month stored
 * and the cities shown to the director. By hand from DOMAIN.md (second set, Plan split)
 * and rules/plan-split/parameters.properties: uplift BASE_CAMP 1.05, BREAKTHROUGH 1.15,
 * NEW_MARKET 1.00; region totals by uplifted forecast; largest remainder.
 */
class PlanSplitBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleResults results = mock(CycleResults.class);

	private final CycleTables tables = new CycleTables("V4__cycle_plan_and_reviews.sql");

	private final PlanVolumes plans = new PlanVolumes(tables.jdbc());

	private final PlanSplitBinding binding = new PlanSplitBinding(metrics, results, plans);

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("plan-split");
	}

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static CityMetrics city(String id, String name) {
		return new CityMetrics(id, "east", name, id, 2, 5_000_000, new BigDecimal("1000000000"), BigDecimal.TEN,
				BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.1"), BigDecimal.ZERO, null, null,
				List.of(), 12);
	}

	/** {@code volume} a month from {@code first} to the period. */
	private static Map<YearMonth, BigDecimal> sales(YearMonth first, int volume) {
		Map<YearMonth, BigDecimal> months = new TreeMap<>();
		for (YearMonth month = first; !month.isAfter(PERIOD); month = month.plusMonths(1)) {
			months.put(month, BigDecimal.valueOf(volume));
		}
		return months;
	}

	private void forecast(String city, String monthly) {
		for (int m = 1; m <= 12; m++) {
			tables.jdbc()
				.update("insert into cycle_city_plan (process_instance_id, city_id, plan_month, forecast_volume) "
						+ "values ('cycle-1', ?, ?, ?)", city, m, new BigDecimal(monthly));
		}
	}

	/**
	 * 苏州 BASE_CAMP, forecast 333.34 × 12 = 4,000.08 → 4,000, sold 100 every month of the
	 * last 12; 无锡 BREAKTHROUGH, forecast 166.67 × 12 = 2,000.04 → 2,000, sold from May
	 * only; 盐城 NEW_MARKET, no forecast, no sales.
	 */
	private void region() {
		when(results.strategies("cycle-1"))
			.thenReturn(Map.of("suzhou", "BASE_CAMP", "wuxi", "BREAKTHROUGH", "yancheng", "NEW_MARKET"));
		when(metrics.cities("east", PERIOD))
			.thenReturn(List.of(city("suzhou", "苏州"), city("wuxi", "无锡"), city("yancheng", "盐城")));
		when(metrics.cityMonthlyVolumes("east", YearMonth.of(2025, 11), PERIOD))
			.thenReturn(Map.of("suzhou", sales(YearMonth.of(2025, 11), 100), "wuxi", sales(YearMonth.of(2026, 5), 80)));
		forecast("suzhou", "333.34");
		forecast("wuxi", "166.67");
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east")
			.with("period", "2026-10")
			.with("plannedVolume", 7_000)
			.with("forecastVolume", 6_000L)
			.with("upliftVolume", 1_000L)
			.with("gapBand", "GAP_PLAN")
			.with("newDealersVolume", 600)
			.with("newStoresVolume", 400);
	}

	private Map<String, List<BigDecimal>> stored() {
		Map<String, List<BigDecimal>> months = new TreeMap<>();
		tables.jdbc()
			.query("select city_id, plan_volume from cycle_city_plan where process_instance_id = 'cycle-1' "
					+ "order by city_id, plan_month", rs -> {
						months.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
							.add(rs.getBigDecimal(2).stripTrailingZeros());
					});
		return months;
	}

	private static List<BigDecimal> months(int... volumes) {
		List<BigDecimal> months = new ArrayList<>();
		for (int volume : volumes) {
			months.add(BigDecimal.valueOf(volume));
		}
		return months;
	}

	@Test
	void everyCityAndMonthIsStoredAndTheDirectorSeesEachCitysPlan() {
		// given 300 of the 600 new-dealer cases given to 盐城 by the manager
		region();
		FakeExecution execution = cycle().with(PlanSources.BY_CITY, "{\"yancheng\": {\"newDealersVolume\": 300}}");

		// when
		execution.evaluate(rules, binding);

		// then weights 苏州 4,000 × 1.05 = 4,200, 无锡 2,000 × 1.15 = 2,300, 盐城 0: 6,500;
		// new dealers' other 300 by weight: 193.85 and 106.15 → 194 and 106; new stores
		// 400: 258.46 and 141.54 → 258 and 142; 盐城's 300. Weights 4,652, 2,548 and 300
		// of 7,500; the plan 7,000: 4,341.87, 2,378.13, 280 → the case left to 苏州
		Map<String, List<BigDecimal>> stored = stored();
		// 苏州 by its own flat year: 4,342 ÷ 12 = 361.83, January to October one more
		assertThat(stored.get("suzhou")).isEqualTo(months(362, 362, 362, 362, 362, 362, 362, 362, 362, 362, 361, 361));
		// 无锡 (6 months) and 盐城 (none) by the region's seasonality, 苏州's: flat
		// 2,378 ÷ 12 = 198.17; 280 ÷ 12 = 23.33
		assertThat(stored.get("wuxi")).isEqualTo(months(199, 199, 198, 198, 198, 198, 198, 198, 198, 198, 198, 198));
		assertThat(stored.get("yancheng")).isEqualTo(months(24, 24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23));
		assertThat(tables.jdbc()
			.queryForObject("select sum(forecast_volume) from cycle_city_plan where city_id = 'yancheng'",
					BigDecimal.class))
			.as("a city without forecast gets its rows")
			.isEqualByComparingTo("0");
		assertThat(plans.cityPlans("cycle-1", List.of(1, 2, 3))).containsExactly(
				entry("suzhou", new BigDecimal("1086.00")), entry("wuxi", new BigDecimal("596.00")),
				entry("yancheng", new BigDecimal("72.00")));
		assertThat(execution.written()).containsOnlyKeys("finalPlanVolume", "cityPlanSummary")
			.containsEntry("finalPlanVolume", 7_000L);
		assertThat((String) execution.written().get("cityPlanSummary")).isEqualTo(
				"""
						计划 / plan 0.7 万箱（7,000 箱 / cases）
						苏州：0.4 万箱（4,342 箱）— 预测 4,000 × 大本营上浮 1.05 = 4,200；来源 452；权重 4,652，占全区 62%：计划 4,342 \
						/ forecast 4,000 × BASE_CAMP uplift 1.05 = 4,200; sources 452; weight 4,652, 62% of the region: plan 4,342
						无锡：0.2 万箱（2,378 箱）— 预测 2,000 × 突破上浮 1.15 = 2,300；来源 248；权重 2,548，占全区 34%：计划 2,378 \
						/ forecast 2,000 × BREAKTHROUGH uplift 1.15 = 2,300; sources 248; weight 2,548, 34% of the region: plan 2,378
						盐城：0.0 万箱（280 箱）— 预测 0 × 新市场上浮 1.00 = 0；来源 300；权重 300，占全区 4%：计划 280 \
						/ forecast 0 × NEW_MARKET uplift 1.00 = 0; sources 300; weight 300, 4% of the region: plan 280""");
	}

	@Test
	void aSecondSplitReplacesTheFirst() {
		region();
		cycle().evaluate(rules, binding);

		cycle().with("plannedVolume", 6_000).with("gapBand", "ACCEPTED").evaluate(rules, binding);

		// accepted: no sources; weights 4,200 and 2,300 of 6,500 → 3,876.92 and 2,123.08
		Map<String, BigDecimal> year = plans.cityPlans("cycle-1", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
		assertThat(year).containsExactly(entry("suzhou", new BigDecimal("3877.00")),
				entry("wuxi", new BigDecimal("2123.00")), entry("yancheng", new BigDecimal("0.00")));
	}

	@Test
	void theFactsAreThePlanTheCitiesAndTheSources() {
		region();

		List<Object> facts = new ArrayList<>(binding.facts(cycle().execution()));

		List<BigDecimal> suzhou = Collections.nCopies(12, new BigDecimal("100"));
		List<BigDecimal> wuxi = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
		for (int m = 4; m < 10; m++) {
			wuxi.set(m, new BigDecimal("80"));
		}
		assertThat(facts).containsExactly(new VolumePlan("east", new BigDecimal("7000"), 0),
				new PlanCity("suzhou", "苏州", "BASE_CAMP", new BigDecimal("4000"), suzhou),
				new PlanCity("wuxi", "无锡", "BREAKTHROUGH", new BigDecimal("2000"), wuxi),
				new PlanCity("yancheng", "盐城", "NEW_MARKET", BigDecimal.ZERO, Collections.nCopies(12, BigDecimal.ZERO)),
				new PlanSource(null, "newDealersVolume", new BigDecimal("600")),
				new PlanSource(null, "newStoresVolume", new BigDecimal("400")));
	}

	@Test
	void aCycleWhoseGapTheOlderRulesDecidedSplitsThePlanWithItsSourcesOnTop() {
		region();
		// no uplift: 7,000 + 600 + 400 = 8,000
		FakeExecution execution = new FakeExecution("cycle-1").with("region", "east")
			.with("period", "2026-10")
			.with("plannedVolume", 7_000)
			.with("gapBand", "GAP_PLAN")
			.with("newDealersVolume", 600)
			.with("newStoresVolume", 400);

		assertThat(binding.facts(execution.execution())).first()
			.isEqualTo(new VolumePlan("east", new BigDecimal("8000"), 0));
	}

	@Test
	void sourcesByCityNameKnownCitiesAndSources() {
		region();

		assertThatThrownBy(() -> binding
			.facts(cycle().with(PlanSources.BY_CITY, "{\"hangzhou\": {\"newDealersVolume\": 300}}").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("names the city 'hangzhou', which is not in the region");
		assertThatThrownBy(() -> binding
			.facts(cycle().with(PlanSources.BY_CITY, Map.of("wuxi", Map.of("newShelvesVolume", 300))).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("wuxi.newShelvesVolume, not a known source");
		assertThatThrownBy(() -> binding.facts(cycle().with(PlanSources.BY_CITY, "[1, 2]").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("must be {city: {source: volume}}");
	}

	@Test
	void withoutStrategiesThereIsNothingToSplitBy() {
		when(results.strategies("cycle-1")).thenReturn(Map.of());

		assertThatThrownBy(() -> binding.facts(cycle().execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("needs this cycle's city strategies");
	}

	@Test
	void aSplitThatDoesNotAddUpIsNotStored() {
		// a deployed rule set whose cities add up to 6,999 of 7,000
		PlanCity suzhou = new PlanCity("suzhou", "苏州", "BASE_CAMP", new BigDecimal("4000"),
				Collections.nCopies(12, BigDecimal.ONE));
		List<BigDecimal> months = new ArrayList<>(Collections.nCopies(12, new BigDecimal("583")));
		months.set(0, new BigDecimal("586"));
		RuleRun run = new RuleRun(new RuleSetVersion("plan-split", "d", "h"), List.of(), List.of(),
				List.of(new VolumePlan("east", new BigDecimal("7000"), 0), suzhou,
						new CityPlan("suzhou", "苏州", new BigDecimal("6999"), months, "", "")));
		FakeExecution execution = cycle();

		assertThatThrownBy(() -> binding.apply(execution.execution(), run)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("the cities add up to 6999, the plan is 7000");
		assertThat(execution.written()).isEmpty();
		assertThat(new LinkedHashMap<>(stored())).isEmpty();
	}

}
