package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.AllocationDealer;
import io.regionplan.rules.fact.Allocations;
import io.regionplan.rules.fact.Amounts;
import io.regionplan.rules.fact.Budget;
import io.regionplan.rules.fact.RoiFlag;
import io.regionplan.rules.fact.StoreInvestment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code resource-allocation} in a cycle: the budget of the start form (and a headcount
 * budget when given) over the cycle's city strategies and dealer tiers, which the earlier
 * rule tasks stored.
 */
@Component
class ResourceAllocationBinding implements RuleSetBinding {

	static final String BUDGET = "budget";

	static final String HEADCOUNT_BUDGET = "headcountBudget";

	private final MarketMetrics metrics;

	private final CycleResults results;

	ResourceAllocationBinding(MarketMetrics metrics, CycleResults results) {
		this.metrics = metrics;
		this.results = results;
	}

	@Override
	public String ruleSet() {
		return "resource-allocation";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		String cycle = CycleContext.cycleId(execution);
		Map<String, String> strategies = results.strategies(cycle);
		Map<String, String> tiers = results.tiers(cycle);
		if (strategies.isEmpty() || tiers.isEmpty()) {
			throw new ProcessEngineException("资源分配需要本周期的城市策略和经销商分级 / resource allocation needs this cycle's city "
					+ "strategies and dealer tiers: run city-strategy and dealer-classification first");
		}
		List<Object> facts = new ArrayList<>();
		facts.add(new Budget(region, "money", number(execution, BUDGET, true), 2));
		BigDecimal headcount = number(execution, HEADCOUNT_BUDGET, false);
		if (headcount != null) {
			facts.add(new Budget(region, "headcount", headcount, 0));
		}
		for (CityMetrics city : metrics.cities(region, CycleContext.period(execution, metrics))) {
			String strategy = strategies.get(city.cityId());
			if (strategy != null) {
				facts.add(new AllocationCity(city.cityId(), city.nameZh(), strategy, city.marketSize()));
			}
		}
		// ROI of last year's store investments: renewing one below the threshold needs
		// the director
		Object year = execution.getVariable("year");
		if (year instanceof Number number) {
			for (MarketMetrics.StoreSpend store : metrics.storeInvestments(region, number.intValue() - 1)) {
				facts.add(
						new StoreInvestment(store.storeId(), store.cityId(), store.spend(), store.incrementalProfit()));
			}
		}
		metrics.dealerCities(region).forEach((dealer, cities) -> {
			String tier = tiers.get(dealer);
			if (tier != null) {
				cities.stream()
					.filter(strategies::containsKey)
					.forEach(city -> facts.add(new AllocationDealer(dealer, city, tier)));
			}
		});
		return facts;
	}

	private static BigDecimal number(DelegateExecution execution, String name, boolean required) {
		Object value = execution.getVariable(name);
		if (value == null && !required) {
			return null;
		}
		if (value instanceof Number number && new BigDecimal(number.toString()).signum() >= 0) {
			return new BigDecimal(number.toString());
		}
		throw new ProcessEngineException(
				"变量 " + name + " 须为非负数 / variable '" + name + "' must be a number ≥ 0, got: " + value);
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<Allocation> allocations = run.factsOf(Allocation.class);
		results.saveAllocations(CycleContext.cycleId(execution), allocations, run.version());
		Allocation reserve = allocations.stream()
			.filter(a -> a.resource().equals("money") && a.subjectType().equals("reserve"))
			.findFirst()
			.orElseThrow(() -> new ProcessEngineException("规则集 resource-allocation 没有给出预留 / no reserve was allocated"));
		execution.setVariable("allocationReserve", reserve.amount().doubleValue());
		List<Allocation> money = allocations.stream().filter(a -> a.resource().equals("money")).toList();
		// dealers, not rows: a dealer serving three cities has three rows
		long dealers = money.stream()
			.filter(a -> a.subjectType().equals("dealer") && a.amount().signum() > 0)
			.map(Allocation::subjectId)
			.distinct()
			.count();
		execution.setVariable("allocationDealerCount", (int) dealers);
		execution.setVariable("allocationSummary", summary(money, reserve, dealers));
		execution.setVariable("roiFlagCount", run.factsOf(RoiFlag.class).size());
		execution.setVariable("roiFlags",
				String.join("\n",
						run.factsOf(RoiFlag.class)
							.stream()
							.map(flag -> flag.storeId() + " — " + flag.reasonZh() + " / " + flag.reasonEn())
							.toList()));
	}

	/**
	 * The money as the review shows it, in 万元: the reserve, what the dealers get, and
	 * what stays with a city whose dealers could not take it.
	 */
	private static String summary(List<Allocation> money, Allocation reserve, long dealers) {
		BigDecimal toDealers = total(money, "dealer");
		StringBuilder text = new StringBuilder().append("预留 / reserve ")
			.append(Amounts.wan(reserve.amount()))
			.append("\n经销商 / dealers: ")
			.append(dealers)
			.append(" 家 / dealers, ")
			.append(Amounts.wan(toDealers));
		List<Allocation> pools = money.stream()
			.filter(a -> a.subjectType().equals(Allocations.POOL) && a.amount().signum() > 0)
			.toList();
		if (!pools.isEmpty()) {
			text.append("\n城市统筹（经销商无法承接，由经理安排）/ city pools (no dealer could take it, for the manager to place): ")
				.append(Amounts.wan(total(money, Allocations.POOL)));
			pools.forEach(pool -> text.append("\n  ")
				.append(pool.subjectId())
				.append(' ')
				.append(Amounts.wan(pool.amount()))
				.append(" — ")
				.append(pool.reasonZh())
				.append(" / ")
				.append(pool.reasonEn()));
		}
		return text.toString();
	}

	private static BigDecimal total(List<Allocation> allocations, String subjectType) {
		return allocations.stream()
			.filter(a -> a.subjectType().equals(subjectType))
			.map(Allocation::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "budget", "headcountBudget", "year");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "allocationReserve", "allocationDealerCount", "allocationSummary", "roiFlagCount",
				"roiFlags");
	}

}
