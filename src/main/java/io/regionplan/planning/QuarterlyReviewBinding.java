package io.regionplan.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.DealerCityVolumes;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Reclassification;
import io.regionplan.rules.fact.Review;
import io.regionplan.rules.fact.ReviewBand;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code quarterly-review} after each quarter: per city the quarter's sales volume
 * against the cycle's plan; per dealer against its share of its cities' plans for the
 * quarter, by last year's volume ({@link DealerQuarterPlans}), so that a city's dealers
 * add up to the city's plan. Last quarter's band comes along, for re-classification.
 */
@Component
class QuarterlyReviewBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	private final DealerCityVolumes dealerVolumes;

	private final PlanVolumes plans;

	private final JdbcTemplate jdbc;

	QuarterlyReviewBinding(MarketMetrics metrics, DealerCityVolumes dealerVolumes, PlanVolumes plans,
			JdbcTemplate jdbc) {
		this.metrics = metrics;
		this.dealerVolumes = dealerVolumes;
		this.plans = plans;
		this.jdbc = jdbc;
	}

	@Override
	public String ruleSet() {
		return "quarterly-review";
	}

	static int number(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		if (value instanceof Number number) {
			return number.intValue();
		}
		throw new ProcessEngineException("变量 " + name + " 缺失 / variable '" + name + "' is missing");
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		String cycle = CycleContext.cycleId(execution);
		int year = number(execution, "year");
		int quarter = number(execution, "quarter");
		YearMonth first = YearMonth.of(year, 3 * quarter - 2);
		YearMonth last = first.plusMonths(2);
		Map<String, String> previous = previousBands(cycle, quarter);
		List<Object> facts = new ArrayList<>();
		Map<String, Map<YearMonth, BigDecimal>> cityActuals = metrics.cityMonthlyVolumes(region, first, last);
		Map<String, BigDecimal> cityPlans = plans.cityPlans(cycle,
				List.of(first.getMonthValue(), first.getMonthValue() + 1, last.getMonthValue()));
		cityPlans.forEach((city, plan) -> facts
			.add(new Review("city", city, sum(cityActuals.get(city)), plan, previous.get("city/" + city))));
		Map<String, BigDecimal> dealerPlans = DealerQuarterPlans.split(cityPlans,
				dealerVolumes.of(region, YearMonth.of(year - 1, 1), YearMonth.of(year - 1, 12)));
		Map<String, Map<YearMonth, BigDecimal>> dealerActuals = metrics.dealerMonthlyVolumes(region, first, last);
		dealerPlans.forEach((dealer, plan) -> facts
			.add(new Review("dealer", dealer, sum(dealerActuals.get(dealer)), plan, previous.get("dealer/" + dealer))));
		return facts;
	}

	private static BigDecimal sum(Map<YearMonth, BigDecimal> months) {
		return months == null ? BigDecimal.ZERO : months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private Map<String, String> previousBands(String cycle, int quarter) {
		Map<String, String> bands = new HashMap<>();
		jdbc.query(
				"select subject_type, subject_id, band from cycle_review where process_instance_id = ? and quarter = ?",
				rs -> {
					bands.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
				}, cycle, quarter - 1);
		return bands;
	}

	/**
	 * Per city: a quarter of the year's allocation against the quarter's actual spending.
	 */
	private String spendAgainstAllocation(DelegateExecution execution, String cycle, int quarter) {
		int year = number(execution, "year");
		YearMonth first = YearMonth.of(year, 3 * quarter - 2);
		Map<String, BigDecimal> spent = metrics.citySpend(CycleContext.region(execution), first, first.plusMonths(2));
		StringBuilder text = new StringBuilder();
		jdbc.query(
				"select subject_id, amount from cycle_allocation where process_instance_id = ? and resource = 'money' "
						+ "and subject_type = 'city' order by subject_id",
				rs -> {
					BigDecimal allocated = rs.getBigDecimal(2)
						.divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.HALF_UP);
					BigDecimal actual = spent.getOrDefault(rs.getString(1), BigDecimal.ZERO);
					text.append(rs.getString(1))
						.append("：分配 / allocated ")
						.append(allocated.toPlainString())
						.append("，实际 / spent ")
						.append(actual.toPlainString())
						.append('\n');
				}, cycle);
		return text.toString().strip();
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		String cycle = CycleContext.cycleId(execution);
		int quarter = number(execution, "quarter");
		Map<String, Review> reviews = new HashMap<>();
		run.factsOf(Review.class).forEach(r -> reviews.put(r.subjectType() + "/" + r.subjectId(), r));
		jdbc.update("delete from cycle_review where process_instance_id = ? and quarter = ?", cycle, quarter);
		List<Object[]> rows = new ArrayList<>();
		for (ReviewBand band : run.factsOf(ReviewBand.class)) {
			Review review = reviews.get(band.subjectType() + "/" + band.subjectId());
			rows.add(new Object[] { cycle, quarter, band.subjectType(), band.subjectId(), review.actual(),
					review.plan(), band.band(), band.reasonZh(), band.reasonEn() });
		}
		jdbc.batchUpdate(
				"insert into cycle_review (process_instance_id, quarter, subject_type, subject_id, actual, plan, band, "
						+ "reason_zh, reason_en) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		long offTrack = run.factsOf(ReviewBand.class)
			.stream()
			.filter(b -> b.subjectType().equals("city") && b.band().equals(ReviewBand.OFF_TRACK))
			.count();
		execution.setVariable("offTrackCityCount", (int) offTrack);
		execution.setVariable("spendSummary", spendAgainstAllocation(execution, cycle, quarter));
		execution.setVariable("reclassifyCount", run.factsOf(Reclassification.class).size());
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "year", "quarter");
	}

	@Override
	public Set<String> writes() {
		return Set.of("offTrackCityCount", "spendSummary", "reclassifyCount");
	}

}
