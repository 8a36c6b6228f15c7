package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.engine.JsonVariables;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.MarketNames;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.AllocationDealer;
import io.regionplan.rules.fact.Budget;
import io.regionplan.rules.fact.CityMoney;
import io.regionplan.rules.fact.CityStaffing;
import io.regionplan.rules.fact.StoreInvestment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code resource-allocation} in a cycle: the budget of the start form (and a headcount
 * budget when given) over the cycle's city strategies (with the cities the range rule
 * dropped), its dealer tiers and, for the people, the reps each city requires and has,
 * all of which the earlier rule tasks stored. The money is stored by city and purpose
 * too, and shown in 万元 with the cities' Chinese names.
 */
@Component
class ResourceAllocationBinding implements RuleSetBinding {

	static final String BUDGET = "budget";

	static final String HEADCOUNT_BUDGET = "headcountBudget";

	/** How many dealers the approvals name, the most money first. */
	static final int TOP_DEALERS = 10;

	private final MarketMetrics metrics;

	private final CycleResults results;

	private final StoreRenewals renewals;

	private final MarketNames names;

	ResourceAllocationBinding(MarketMetrics metrics, CycleResults results, StoreRenewals renewals, MarketNames names) {
		this.metrics = metrics;
		this.results = results;
		this.renewals = renewals;
		this.names = names;
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
		Set<String> beyondRange = results.rangeDropped(cycle);
		Map<String, int[]> teams = results.teamSizes(cycle);
		for (CityMetrics city : metrics.cities(region, CycleContext.period(execution, metrics))) {
			String strategy = strategies.get(city.cityId());
			if (strategy != null) {
				facts.add(new AllocationCity(city.cityId(), city.nameZh(), strategy, city.marketSize(),
						beyondRange.contains(city.cityId())));
			}
			int[] team = teams.get(city.cityId());
			if (headcount != null && team != null) {
				facts.add(new CityStaffing(city.cityId(), city.nameZh(), team[0], team[1], city.marketSize()));
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
		List<CityMoney> purposes = run.factsOf(CityMoney.class);
		results.saveAllocations(CycleContext.cycleId(execution), allocations, run.version());
		results.saveCityMoney(CycleContext.cycleId(execution), purposes, run.version());
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
		Map<String, String> cityNames = new HashMap<>();
		Map<String, String> tiers = new HashMap<>();
		run.inputs().forEach(fact -> {
			if (fact instanceof AllocationCity city) {
				cityNames.put(city.cityId(), city.name());
			}
			else if (fact instanceof CityStaffing city) {
				cityNames.put(city.cityId(), city.name());
			}
			else if (fact instanceof AllocationDealer dealer) {
				tiers.put(dealer.dealerId(), dealer.tier());
			}
		});
		AllocationTexts texts = new AllocationTexts(cityNames);
		execution.setVariable("allocationDealerCount", (int) dealers);
		execution.setVariable("allocationSummary", texts.summary(money, reserve, dealers));
		execution.setVariable("moneyByCityAndPurpose", texts.moneyByCityAndPurpose(money, purposes));
		execution.setVariable("topDealers",
				texts.topDealers(money, names.dealers(CycleContext.region(execution)), tiers, TOP_DEALERS));
		execution.setVariable("peopleByCity",
				texts.peopleByCity(allocations.stream().filter(a -> a.resource().equals("headcount")).toList()));
		// the flagged investments the director answers when approving the plan, offered
		// by
		// name with their numbers
		List<StoreRenewals.Flagged> flagged = StoreRenewals.flagged(run);
		renewals.replace(CycleContext.cycleId(execution), flagged);
		StoreRenewals.StoreLabels labels = renewals.labels(CycleContext.region(execution));
		execution.setVariable(StoreRenewalCheck.OPTIONS, JsonVariables
			.of(flagged.stream().map(f -> new ReviewChoices.Option(labels.option(f), f.storeId())).toList()));
		execution.setVariable("roiFlagCount", flagged.size());
		// what the manager reads of them: by name and city, as the director is offered
		// them
		execution.setVariable("roiFlags", String.join("\n", flagged.stream().map(labels::option).toList()));
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "budget", "headcountBudget", "year");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "allocationReserve", "allocationDealerCount", "allocationSummary",
				"moneyByCityAndPurpose", "topDealers", "peopleByCity", "roiFlagCount", "roiFlags",
				StoreRenewalCheck.OPTIONS);
	}

}
