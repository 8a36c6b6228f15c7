package io.regionplan.planning;

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
import java.util.TreeMap;

import io.regionplan.market.DealerCityVolumes;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quarterly-review seam without an engine: the quarter's volumes, the cycle's plan
 * and last quarter's bands in, the bands stored and counted. By hand from DOMAIN.md
 * (Quarterly review) and rules/quarterly-review/parameters.properties: achievement =
 * actual ÷ plan, below 0.85 OFF_TRACK, below 1.00 WATCH, else ON_TRACK; a dealer
 * OFF_TRACK two quarters running is re-classified. A dealer's plan is its share of each
 * of its cities' quarter plans by its volume there last year, rounded by largest
 * remainder, so that a city's dealers add up to the city's plan (issue 18: before, the
 * dealers' plans added up to 20% more than the cities').
 */
class QuarterlyReviewBindingTests {

	static final YearMonth APRIL = YearMonth.of(2027, 4);

	static final YearMonth JUNE = YearMonth.of(2027, 6);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final DealerCityVolumes dealerVolumes = mock(DealerCityVolumes.class);

	private final PlanVolumes plans = mock(PlanVolumes.class);

	private final CycleTables tables = new CycleTables("V3__cycle_results.sql", "V4__cycle_plan_and_reviews.sql");

	private final QuarterlyReviewBinding binding = new QuarterlyReviewBinding(metrics, dealerVolumes, plans,
			tables.jdbc());

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("quarterly-review");
	}

	@AfterEach
	void dropTables() {
		tables.close();
	}

	/** Volumes by month from {@code first}, one number a month. */
	private static Map<YearMonth, BigDecimal> months(YearMonth first, int... volumes) {
		Map<YearMonth, BigDecimal> months = new TreeMap<>();
		for (int i = 0; i < volumes.length; i++) {
			months.put(first.plusMonths(i), BigDecimal.valueOf(volumes[i]));
		}
		return months;
	}

	private static FakeExecution quarter(int year, int quarter) {
		return new FakeExecution("cycle-1").with("region", "east").with("year", year).with("quarter", quarter);
	}

	/** Last year's volumes: city → dealer → volume, given as city, dealer, volume, … */
	private void lastYear(int year, Object... cityDealerVolume) {
		Map<String, Map<String, BigDecimal>> volumes = new TreeMap<>();
		for (int i = 0; i < cityDealerVolume.length; i += 3) {
			volumes.computeIfAbsent((String) cityDealerVolume[i], c -> new TreeMap<>())
				.put((String) cityDealerVolume[i + 1], BigDecimal.valueOf((Integer) cityDealerVolume[i + 2]));
		}
		when(dealerVolumes.of("east", YearMonth.of(year, 1), YearMonth.of(year, 12))).thenReturn(volumes);
	}

	private void band(String cycle, int quarter, String type, String subject, String band) {
		tables.jdbc()
			.update("insert into cycle_review (process_instance_id, quarter, subject_type, subject_id, actual, plan, "
					+ "band, reason_zh, reason_en) values (?, ?, ?, ?, 0, 0, ?, '', '')", cycle, quarter, type, subject,
					band);
	}

	private void allocated(String cycle, String resource, String type, String subject, String amount) {
		tables.jdbc()
			.update("insert into cycle_allocation (process_instance_id, resource, subject_type, subject_id, city_id, "
					+ "amount, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, '', '', 'v')", cycle,
					resource, type, subject, subject, new BigDecimal(amount));
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	private List<List<Object>> storedBands(int quarter) {
		return tables.jdbc()
			.query("select subject_type, subject_id, actual, plan, band from cycle_review "
					+ "where process_instance_id = 'cycle-1' and quarter = ? order by subject_type, subject_id",
					(rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).toPlainString(),
							rs.getBigDecimal(4).toPlainString(), rs.getString(5)),
					quarter);
	}

	@Test
	void citiesAndDealersAreBandedStoredAndCounted() {
		// given the second quarter of 2027: April to June
		when(plans.cityPlans("cycle-1", List.of(4, 5, 6)))
			.thenReturn(Map.of("suzhou", new BigDecimal("300.00"), "wuxi", new BigDecimal("250.00"), "changzhou",
					new BigDecimal("200.00"), "nantong", new BigDecimal("100.00"), "yancheng", new BigDecimal("0.00")));
		when(metrics.cityMonthlyVolumes("east", APRIL, JUNE)).thenReturn(Map.of(
				// 80 + 90 + 100 = 270 ÷ 300 = 0.90: WATCH
				"suzhou", months(APRIL, 80, 90, 100),
				// 300 ÷ 250 = 1.20: ON_TRACK
				"wuxi", months(APRIL, 100, 100, 100),
				// 50 + 60, nothing in June = 110 ÷ 200 = 0.55: OFF_TRACK
				"changzhou", months(APRIL, 50, 60)));
		// 南通 sold nothing: 0 ÷ 100 = 0, OFF_TRACK; 盐城 has no plan: NO_PLAN
		// the dealers' plans: each city's plan by last year's volume in the city
		lastYear(2026,
				// 苏州 300: d-01 1,200 and d-02 600 of 1,800 → 200 and 100
				"suzhou", "d-01", 1200, "suzhou", "d-02", 600,
				// 无锡 250: d-01 300, d-03 300, d-05 400 of 1,000 → 75, 75, 100
				"wuxi", "d-01", 300, "wuxi", "d-03", 300, "wuxi", "d-05", 400,
				// 常州 200: d-05 alone (d-02 sold nothing there) → 200
				"changzhou", "d-05", 700, "changzhou", "d-02", 0,
				// 南通 100 over three equal dealers: 33.33 each, the case left to d-06
				"nantong", "d-06", 1, "nantong", "d-07", 1, "nantong", "d-08", 1,
				// 盐城 has no plan: its dealer's plan is 0
				"yancheng", "d-09", 500);
		when(metrics.dealerMonthlyVolumes("east", APRIL, JUNE)).thenReturn(Map.of(
				// plan 200 + 75 = 275: 400 ÷ 275 = 1.45, ON_TRACK
				"d-01", months(APRIL, 100, 150, 150),
				// plan 100: 60 ÷ 100 = 0.60, OFF_TRACK, as last quarter
				"d-02", months(APRIL, 20, 20, 20),
				// plan 75: 10 ÷ 75 = 0.13, OFF_TRACK
				"d-03", months(APRIL, 10),
				// plan 100 + 200 = 300: 100 ÷ 300 = 0.33, OFF_TRACK, but not last quarter
				"d-05", months(APRIL, 100),
				// 34 ÷ 34 ON_TRACK; d-07 sold nothing, OFF_TRACK; 30 ÷ 33 = 0.91 WATCH
				"d-06", months(APRIL, 34), "d-08", months(APRIL, 30),
				// plan 0: NO_PLAN
				"d-09", months(APRIL, 50),
				// no volume last year: no plan to review against
				"d-04", months(APRIL, 500)));
		band("cycle-1", 1, "dealer", "d-02", "OFF_TRACK");
		band("cycle-1", 1, "city", "changzhou", "OFF_TRACK");
		band("cycle-2", 1, "dealer", "d-05", "OFF_TRACK");
		band("cycle-1", 2, "dealer", "d-05", "OFF_TRACK");
		// a quarter of the year's money for each city: 360,000 ÷ 4 = 90,000.00;
		// 100,000.01
		// ÷ 4 = 25,000.0025 → 25,000.00; 100,000.02 ÷ 4 = 25,000.005 → 25,000.01
		allocated("cycle-1", "money", "city", "suzhou", "360000.00");
		allocated("cycle-1", "money", "city", "wuxi", "100000.01");
		allocated("cycle-1", "money", "city", "changzhou", "100000.02");
		allocated("cycle-1", "money", "dealer", "d-01", "50000.00");
		allocated("cycle-1", "money", "reserve", "east", "40000.00");
		allocated("cycle-1", "headcount", "city", "suzhou", "3");
		allocated("cycle-2", "money", "city", "nantong", "80000.00");
		when(metrics.citySpend("east", APRIL, JUNE))
			.thenReturn(Map.of("suzhou", new BigDecimal("95000.5"), "changzhou", new BigDecimal("30000")));
		FakeExecution execution = quarter(2027, 2);

		// when
		evaluate(execution);

		// then
		assertThat(execution.written()).containsOnly(entry("offTrackCityCount", 2), entry("reclassifyCount", 1),
				entry("spendSummary", """
						changzhou：分配 / allocated 25000.01，实际 / spent 30000
						suzhou：分配 / allocated 90000.00，实际 / spent 95000.5
						wuxi：分配 / allocated 25000.00，实际 / spent 0"""));
		assertThat(storedBands(2)).containsExactly(List.of("city", "changzhou", "110.00", "200.00", "OFF_TRACK"),
				List.of("city", "nantong", "0.00", "100.00", "OFF_TRACK"),
				List.of("city", "suzhou", "270.00", "300.00", "WATCH"),
				List.of("city", "wuxi", "300.00", "250.00", "ON_TRACK"),
				List.of("city", "yancheng", "0.00", "0.00", "NO_PLAN"),
				List.of("dealer", "d-01", "400.00", "275.00", "ON_TRACK"),
				List.of("dealer", "d-02", "60.00", "100.00", "OFF_TRACK"),
				List.of("dealer", "d-03", "10.00", "75.00", "OFF_TRACK"),
				List.of("dealer", "d-05", "100.00", "300.00", "OFF_TRACK"),
				List.of("dealer", "d-06", "34.00", "34.00", "ON_TRACK"),
				List.of("dealer", "d-07", "0.00", "33.00", "OFF_TRACK"),
				List.of("dealer", "d-08", "30.00", "33.00", "WATCH"),
				List.of("dealer", "d-09", "50.00", "0.00", "NO_PLAN"));
		assertThat(storedBands(1)).hasSize(2);
		// the dealers add up to the cities: 275 + 100 + 75 + 300 + 34 + 33 + 33 + 0 = 850
		// = 300 + 250 + 200 + 100 + 0
		assertThat(tables.jdbc()
			.queryForList("select subject_type, sum(plan) from cycle_review where process_instance_id = 'cycle-1' "
					+ "and quarter = 2 group by subject_type order by 1")
			.stream()
			.map(row -> new BigDecimal(row.values().toArray()[1].toString()).toPlainString())
			.toList()).containsExactly("850.00", "850.00");
	}

	@Test
	void lastQuartersBandOfThisCycleComesAlong() {
		// given bands of the first quarter, of this quarter's earlier evaluation and of
		// another cycle
		band("cycle-1", 1, "dealer", "d-01", "OFF_TRACK");
		band("cycle-1", 1, "city", "suzhou", "WATCH");
		band("cycle-1", 2, "dealer", "d-02", "OFF_TRACK");
		band("cycle-2", 1, "dealer", "d-02", "OFF_TRACK");
		when(plans.cityPlans("cycle-1", List.of(4, 5, 6))).thenReturn(Map.of("suzhou", new BigDecimal("300.00")));
		lastYear(2026, "suzhou", "d-01", 100, "suzhou", "d-02", 100);

		// when the second quarter is reviewed (no volumes: 0; 苏州's 300 half each)
		List<Object> facts = new ArrayList<>(binding.facts(quarter(2027, 2).execution()));

		// then only this cycle's first quarter counts
		assertThat(facts).containsExactlyInAnyOrder(
				new Review("city", "suzhou", BigDecimal.ZERO, new BigDecimal("300.00"), "WATCH"),
				new Review("dealer", "d-01", BigDecimal.ZERO, new BigDecimal("150"), "OFF_TRACK"),
				new Review("dealer", "d-02", BigDecimal.ZERO, new BigDecimal("150"), null));
	}

	@Test
	void aCitysDealersAddUpToItsPlanInThePlansUnit() {
		// 苏州's 100 cases over three equal dealers: 33.33 each, the case left to the
		// first; 无锡's 100.01 (a plan spread before 2026-11-28, in hundredths): 33.3366…
		// each, floors 99.99, the two hundredths left to the first two
		when(plans.cityPlans("cycle-1", List.of(4, 5, 6)))
			.thenReturn(Map.of("suzhou", new BigDecimal("100.00"), "wuxi", new BigDecimal("100.01")));
		lastYear(2026, "suzhou", "d-01", 50, "suzhou", "d-02", 50, "suzhou", "d-03", 50, "wuxi", "d-11", 7, "wuxi",
				"d-12", 7, "wuxi", "d-13", 7);

		assertThat(new ArrayList<Object>(binding.facts(quarter(2027, 2).execution())))
			.filteredOn(review -> ((Review) review).subjectType().equals("dealer"))
			.containsExactly(new Review("dealer", "d-01", BigDecimal.ZERO, new BigDecimal("34"), null),
					new Review("dealer", "d-02", BigDecimal.ZERO, new BigDecimal("33"), null),
					new Review("dealer", "d-03", BigDecimal.ZERO, new BigDecimal("33"), null),
					new Review("dealer", "d-11", BigDecimal.ZERO, new BigDecimal("33.34"), null),
					new Review("dealer", "d-12", BigDecimal.ZERO, new BigDecimal("33.34"), null),
					new Review("dealer", "d-13", BigDecimal.ZERO, new BigDecimal("33.33"), null));
	}

	@Test
	void withoutACityPlanNoDealerIsReviewed() {
		// a cycle without a plan for the quarter's months: no city, so no dealer share
		lastYear(2026, "suzhou", "d-01", 700);
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2027, 10), YearMonth.of(2027, 12)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2027, 10), 250, 250, 250)));

		assertThat(binding.facts(quarter(2027, 4).execution())).isEmpty();
	}

	@Test
	void withoutLastYearsVolumesNoDealerIsReviewed() {
		when(metrics.dealerMonthlyVolumes("east", APRIL, JUNE)).thenReturn(Map.of("d-04", months(APRIL, 500)));

		assertThat(binding.facts(quarter(2027, 2).execution())).isEmpty();
	}

	@Test
	void theFirstQuarterIsJanuaryToMarchWithoutAPreviousBand() {
		// 苏州's first quarter plan is 300, all d-01's
		when(plans.cityPlans("cycle-1", List.of(1, 2, 3))).thenReturn(Map.of("suzhou", new BigDecimal("300.00")));
		lastYear(2026, "suzhou", "d-01", 300);
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2027, 1), YearMonth.of(2027, 3)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2027, 1), 10, 10, 10)));

		assertThat(new ArrayList<Object>(binding.facts(quarter(2027, 1).execution()))).containsExactly(
				new Review("city", "suzhou", BigDecimal.ZERO, new BigDecimal("300.00"), null),
				new Review("dealer", "d-01", new BigDecimal("30"), new BigDecimal("300"), null));
	}

	@Test
	void aReviewWithoutYearOrQuarterIsRefused() {
		assertThatThrownBy(() -> binding.facts(quarter(2027, 2).with("quarter", "2").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("variable 'quarter' is missing");
		assertThatThrownBy(
				() -> binding.facts(new FakeExecution("cycle-1").with("region", "east").with("quarter", 2).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("variable 'year' is missing");
	}

}
