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
 * OFF_TRACK two quarters running is re-classified. A dealer's plan is its volume in the
 * same quarter last year × the cycle's plan ÷ last year's volume of all dealers.
 */
class QuarterlyReviewBindingTests {

	static final YearMonth APRIL = YearMonth.of(2027, 4);

	static final YearMonth JUNE = YearMonth.of(2027, 6);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final PlanVolumes plans = mock(PlanVolumes.class);

	private final CycleTables tables = new CycleTables("V3__cycle_results.sql", "V4__cycle_plan_and_reviews.sql");

	private final QuarterlyReviewBinding binding = new QuarterlyReviewBinding(metrics, plans, tables.jdbc());

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

	private static FakeExecution quarter(int year, int quarter, Object finalPlan) {
		return new FakeExecution("cycle-1").with("region", "east")
			.with("year", year)
			.with("quarter", quarter)
			.with("finalPlanVolume", finalPlan);
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
		// last year 1,200 + 600 + 300 + 420 = 2,520; the plan 3,024 ÷ 2,520 = 1.2
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2026, 1), YearMonth.of(2026, 12))).thenReturn(Map.of(
				"d-01", months(YearMonth.of(2026, 1), 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100),
				"d-02", months(YearMonth.of(2026, 1), 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50), "d-03",
				months(YearMonth.of(2026, 1), 100, 100, 100), "d-05", months(YearMonth.of(2026, 4), 420)));
		when(metrics.dealerMonthlyVolumes("east", APRIL, JUNE)).thenReturn(Map.of(
				// plan 300 × 1.2 = 360: 400 ÷ 360 = 1.11, ON_TRACK
				"d-01", months(APRIL, 100, 150, 150),
				// plan 150 × 1.2 = 180: 120 ÷ 180 = 0.67, OFF_TRACK, as last quarter
				"d-02", months(APRIL, 40, 40, 40),
				// nothing in last year's second quarter: plan 0, NO_PLAN
				"d-03", months(APRIL, 10),
				// plan 420 × 1.2 = 504: 100 ÷ 504 = 0.20, OFF_TRACK, but not last quarter
				"d-05", months(APRIL, 100),
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
		FakeExecution execution = quarter(2027, 2, 3024);

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
				List.of("dealer", "d-01", "400.00", "360.00", "ON_TRACK"),
				List.of("dealer", "d-02", "120.00", "180.00", "OFF_TRACK"),
				List.of("dealer", "d-03", "10.00", "0.00", "NO_PLAN"),
				List.of("dealer", "d-05", "100.00", "504.00", "OFF_TRACK"));
		assertThat(storedBands(1)).hasSize(2);
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
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2026, 1), YearMonth.of(2026, 12)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2026, 4), 100), "d-02", months(YearMonth.of(2026, 4), 100)));

		// when the second quarter is reviewed (no volumes: 0; plan 200 ÷ 200 = scale 1)
		List<Object> facts = new ArrayList<>(binding.facts(quarter(2027, 2, 200).execution()));

		// then only this cycle's first quarter counts
		assertThat(facts).containsExactlyInAnyOrder(
				new Review("city", "suzhou", BigDecimal.ZERO, new BigDecimal("300.00"), "WATCH"),
				new Review("dealer", "d-01", BigDecimal.ZERO, new BigDecimal("100.00"), "OFF_TRACK"),
				new Review("dealer", "d-02", BigDecimal.ZERO, new BigDecimal("100.00"), null));
	}

	@Test
	void aDealersPlanIsRoundedToTwoDecimals() {
		// last year 1,800 in all, 300 in the second quarter; the plan 1,000: 300 × 1,000
		// ÷
		// 1,800 = 166.666… → 166.67
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2026, 1), YearMonth.of(2026, 12))).thenReturn(Map
			.of("d-01", months(YearMonth.of(2026, 1), 150, 150, 150, 100, 100, 100, 150, 150, 150, 200, 200, 200)));

		assertThat(new ArrayList<Object>(binding.facts(quarter(2027, 2, 1000L).execution())))
			.containsExactly(new Review("dealer", "d-01", BigDecimal.ZERO, new BigDecimal("166.67"), null));
	}

	@Test
	void withoutACyclePlanADealersPlanIsLastYearsQuarter() {
		// no final plan (a cycle stopped before it): scale 1, the fourth quarter of 2026
		// is 200 + 200 + 300 = 700
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2026, 1), YearMonth.of(2026, 12)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2026, 10), 200, 200, 300)));
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2027, 10), YearMonth.of(2027, 12)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2027, 10), 250, 250, 250)));
		when(plans.cityPlans("cycle-1", List.of(10, 11, 12))).thenReturn(Map.of("suzhou", new BigDecimal("900.00")));
		when(metrics.cityMonthlyVolumes("east", YearMonth.of(2027, 10), YearMonth.of(2027, 12)))
			.thenReturn(Map.of("suzhou", months(YearMonth.of(2027, 10), 300, 300, 300)));

		assertThat(new ArrayList<Object>(binding.facts(quarter(2027, 4, null).execution()))).containsExactlyInAnyOrder(
				new Review("city", "suzhou", new BigDecimal("900"), new BigDecimal("900.00"), null),
				new Review("dealer", "d-01", new BigDecimal("750"), new BigDecimal("700.00"), null));
	}

	@Test
	void withoutLastYearsVolumesNoDealerIsReviewed() {
		when(metrics.dealerMonthlyVolumes("east", APRIL, JUNE)).thenReturn(Map.of("d-04", months(APRIL, 500)));

		assertThat(binding.facts(quarter(2027, 2, 3024).execution())).isEmpty();
	}

	@Test
	void theFirstQuarterIsJanuaryToMarchWithoutAPreviousBand() {
		// last year 100 + 100 + 100 = 300, all in the first quarter; the plan 300: scale
		// 1
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2026, 1), YearMonth.of(2026, 12)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2026, 1), 100, 100, 100)));
		when(metrics.dealerMonthlyVolumes("east", YearMonth.of(2027, 1), YearMonth.of(2027, 3)))
			.thenReturn(Map.of("d-01", months(YearMonth.of(2027, 1), 10, 10, 10)));

		assertThat(new ArrayList<Object>(binding.facts(quarter(2027, 1, 300).execution())))
			.containsExactly(new Review("dealer", "d-01", new BigDecimal("30"), new BigDecimal("300.00"), null));
	}

	@Test
	void aReviewWithoutYearOrQuarterIsRefused() {
		assertThatThrownBy(() -> binding.facts(quarter(2027, 2, 3024).with("quarter", "2").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("variable 'quarter' is missing");
		assertThatThrownBy(
				() -> binding.facts(new FakeExecution("cycle-1").with("region", "east").with("quarter", 2).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("variable 'year' is missing");
	}

}
