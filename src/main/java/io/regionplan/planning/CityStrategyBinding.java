package io.regionplan.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.regionplan.engine.VariableContract;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.BorderlineFlag;
import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.NewMarketVerdict;
import io.regionplan.rules.fact.RangeDrop;
import io.regionplan.rules.fact.RegionMedians;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code city-strategy} in a cycle: every city of the region with its share, potential,
 * distance, neighbours and (for a new market scored in the market-visits form) its 7C
 * total; plus the region's medians over its old markets. The strategies are stored with
 * their marks (a new market's 7C verdict, BORDERLINE), which their reasons name, and the
 * borderline cities are listed for the manager to confirm.
 */
@Component
class CityStrategyBinding implements RuleSetBinding {

	static final int OLD_MARKET_MONTHS = 12;

	private final MarketMetrics metrics;

	private final CycleResults results;

	private final ReviewChoices choices;

	CityStrategyBinding(MarketMetrics metrics, CycleResults results, ReviewChoices choices) {
		this.metrics = metrics;
		this.results = results;
		this.choices = choices;
	}

	@Override
	public String ruleSet() {
		return "city-strategy";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		List<CityMetrics> cities = metrics.cities(region, CycleContext.period(execution, metrics));
		Map<String, Integer> sevenC = sevenC(execution);
		List<Object> facts = new ArrayList<>();
		for (CityMetrics c : cities) {
			facts.add(new City(c.cityId(), c.regionId(), c.nameZh(), c.share(), c.marketSize(), c.distanceKm(),
					c.neighbours(), c.monthsWithSales(), sevenC.get(c.cityId())));
		}
		List<CityMetrics> old = cities.stream().filter(c -> c.monthsWithSales() >= OLD_MARKET_MONTHS).toList();
		facts.add(new RegionMedians(region,
				median(old.stream().map(CityMetrics::share).filter(Objects::nonNull).toList()),
				median(old.stream().map(CityMetrics::marketSize).toList())));
		return facts;
	}

	/** The middle value, or the mean of the two middle values; zero for no values. */
	static BigDecimal median(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return BigDecimal.ZERO;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
	}

	/**
	 * The 7C total of the new market scored in the market-visits form (seven 1-5 scores),
	 * if any.
	 */
	private static Map<String, Integer> sevenC(DelegateExecution execution) {
		Object city = execution.getVariable("newMarketCity");
		if (city == null || String.valueOf(city).isBlank()) {
			return Map.of();
		}
		int total = 0;
		for (String score : PlanningCompletionRules.SEVEN_C) {
			Object value = execution.getVariable(score);
			if (!(value instanceof Number number)) {
				throw new ProcessEngineException("7C 评分 " + score + " 缺失 / 7C score '" + score + "' is missing");
			}
			total += number.intValue();
		}
		return Map.of(String.valueOf(city).strip(), total);
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<CityStrategy> strategies = run.factsOf(CityStrategy.class);
		long cities = run.inputs().stream().filter(City.class::isInstance).count();
		if (strategies.size() != cities) {
			throw new ProcessEngineException("规则集 city-strategy 应为每个城市给出一个策略 / rule set 'city-strategy' must give "
					+ "every city one strategy: " + strategies.size() + " for " + cities + " cities");
		}
		List<String> dropped = run.factsOf(RangeDrop.class).stream().map(RangeDrop::cityId).toList();
		StrategyMarks marks = new StrategyMarks(run.factsOf(NewMarketVerdict.class), run.factsOf(BorderlineFlag.class));
		List<CityStrategy> marked = strategies.stream().map(marks::withReasons).toList();
		String cycle = CycleContext.cycleId(execution);
		results.saveStrategies(cycle, CycleContext.region(execution), marked, dropped, run.version());
		results.markStrategies(cycle, marks.verdicts(), marks.borderlineCities());
		execution.setVariable("cityStrategySummary",
				CycleSummaries.strategies(marked.stream()
					.map(s -> new CycleSummaries.StrategyLine(s.cityId(), s.cityName(), s.strategy(),
							dropped.contains(s.cityId()), s.reasonZh(), s.reasonEn()))
					.toList()));
		execution.setVariable("citiesRangeDropped", dropped.size());
		execution.setVariable("borderlineCities", marks.borderlineSummary(strategies));
		execution.setVariable("borderlineCityCount", marks.borderlineCities().size());
		choices.afterStrategies(execution);
	}

	@Override
	public Set<String> reads() {
		return VariableContract.union(Set.of("region", "newMarketCity"), PlanningCompletionRules.SEVEN_C);
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "cityStrategySummary", "citiesRangeDropped", "borderlineCities", "borderlineCityCount",
				"cityOptions");
	}

}
