package io.regionplan.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.regionplan.engine.VariableContract;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.CityPlan;
import io.regionplan.rules.fact.PlanCity;
import io.regionplan.rules.fact.PlanSource;
import io.regionplan.rules.fact.PlanSplits;
import io.regionplan.rules.fact.SourceShare;
import io.regionplan.rules.fact.VolumePlan;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code plan-split} in a cycle, once the volume plan is approved: the plan, every city
 * of the region with its strategy after overrides, its forecast and last year's monthly
 * sales, and the gap-closing sources ({@link PlanSources}). The plan of every city and
 * month is stored for the cycle (the quarterly reviews compare against it) after checking
 * that it adds up exactly; the approval form shows each city's plan.
 */
@Component
class PlanSplitBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	private final CycleResults results;

	private final PlanVolumes plans;

	PlanSplitBinding(MarketMetrics metrics, CycleResults results, PlanVolumes plans) {
		this.metrics = metrics;
		this.results = results;
		this.plans = plans;
	}

	@Override
	public String ruleSet() {
		return "plan-split";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		String cycle = CycleContext.cycleId(execution);
		YearMonth period = CycleContext.period(execution, metrics);
		Map<String, String> strategies = results.strategies(cycle);
		if (strategies.isEmpty()) {
			throw new ProcessEngineException(
					"计划分解需要本周期的城市策略 / the plan split needs this cycle's city strategies: " + "run city-strategy first");
		}
		Map<String, BigDecimal> forecasts = plans.cityForecasts(cycle);
		Map<String, Map<YearMonth, BigDecimal>> lastYear = metrics.cityMonthlyVolumes(region, period.minusMonths(11),
				period);
		List<Object> facts = new ArrayList<>();
		facts.add(VolumePlan.of(region, DistributePlanDelegate.finalPlan(execution)));
		Set<String> cities = new TreeSet<>();
		for (CityMetrics city : metrics.cities(region, period)) {
			cities.add(city.cityId());
			facts.add(new PlanCity(city.cityId(), city.nameZh(), strategies.get(city.cityId()),
					forecasts.getOrDefault(city.cityId(), BigDecimal.ZERO),
					byCalendarMonth(lastYear.getOrDefault(city.cityId(), Map.of()), period)));
		}
		facts.addAll(PlanSources.of(execution, cities));
		return facts;
	}

	/** The 12 months up to the period, January first. */
	static List<BigDecimal> byCalendarMonth(Map<YearMonth, BigDecimal> volumes, YearMonth period) {
		BigDecimal[] months = new BigDecimal[12];
		for (int i = 0; i < 12; i++) {
			YearMonth month = period.minusMonths(i);
			months[month.getMonthValue() - 1] = volumes.getOrDefault(month, BigDecimal.ZERO);
		}
		return Arrays.asList(months);
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		VolumePlan plan = run.factsOf(VolumePlan.class).get(0);
		List<CityPlan> cityPlans = run.factsOf(CityPlan.class);
		check(plan, cityPlans, run);
		Map<String, List<BigDecimal>> months = new LinkedHashMap<>();
		cityPlans.forEach(city -> months.put(city.cityId(), city.months()));
		plans.savePlan(CycleContext.cycleId(execution), months);
		execution.setVariable("finalPlanVolume", plan.plan().longValue());
		execution.setVariable("cityPlanSummary", summary(plan, cityPlans));
	}

	/**
	 * What is stored must add up, whatever a deployed rule set decided: one plan per
	 * city, months that add up to it, cities that add up to the plan, every source
	 * placed.
	 */
	private static void check(VolumePlan plan, List<CityPlan> cityPlans, RuleRun run) {
		List<String> problems = new ArrayList<>();
		long cities = run.factsOf(PlanCity.class).size();
		if (cityPlans.size() != cities || cityPlans.stream().map(CityPlan::cityId).distinct().count() != cities) {
			problems.add(cityPlans.size() + " city plans for " + cities + " cities");
		}
		cityPlans.forEach(city -> {
			if (city.months().size() != 12 || city.months().stream().anyMatch(m -> m.signum() < 0)
					|| sum(city.months()).compareTo(city.plan()) != 0) {
				problems.add(city.cityId() + ": months " + city.months() + " do not add up to " + city.plan());
			}
		});
		BigDecimal total = sum(cityPlans.stream().map(CityPlan::plan).toList());
		if (cities > 0 && total.compareTo(plan.plan()) != 0) {
			problems
				.add("the cities add up to " + total.toPlainString() + ", the plan is " + plan.plan().toPlainString());
		}
		BigDecimal sources = sum(run.factsOf(PlanSource.class).stream().map(PlanSource::volume).toList());
		BigDecimal placed = sum(run.factsOf(SourceShare.class).stream().map(SourceShare::volume).toList());
		if (cities > 0 && placed.compareTo(sources) != 0) {
			problems.add("sources of " + sources.toPlainString() + ", " + placed.toPlainString() + " placed");
		}
		if (cities == 0 && plan.plan().signum() > 0) {
			problems.add("the region has no city");
		}
		if (!problems.isEmpty()) {
			throw new ProcessEngineException(
					"规则集 plan-split 的分解不成立 / the split of rule set 'plan-split' does not add up: "
							+ String.join("; ", problems));
		}
	}

	/**
	 * The plan, then each city's share, largest first, in 万箱 and cases, with how its
	 * weight came about.
	 */
	static String summary(VolumePlan plan, List<CityPlan> cityPlans) {
		StringBuilder text = new StringBuilder("计划 / plan ").append(PlanSplits.wanCases(plan.plan()))
			.append("（")
			.append(PlanSplits.cases(plan.plan()))
			.append(" 箱 / cases）");
		cityPlans.stream()
			.sorted(Comparator.comparing(CityPlan::plan).reversed().thenComparing(CityPlan::cityId))
			.forEach(city -> text.append('\n')
				.append(city.name())
				.append("：")
				.append(PlanSplits.wanCases(city.plan()))
				.append("（")
				.append(PlanSplits.cases(city.plan()))
				.append(" 箱）— ")
				.append(city.reasonZh())
				.append(" / ")
				.append(city.reasonEn()));
		return text.toString();
	}

	private static BigDecimal sum(List<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Override
	public Set<String> reads() {
		return VariableContract.union(
				Set.of("region", "plannedVolume", "forecastVolume", "upliftVolume", "gapBand", PlanSources.BY_CITY),
				Arrays.asList(DistributePlanDelegate.GAP_SOURCES));
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "finalPlanVolume", "cityPlanSummary");
	}

}
