package io.regionplan.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.regionplan.engine.JsonVariables;
import io.regionplan.market.MarketNames;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the strategy and tier reviews show and offer, from what the cycle holds now: the
 * summaries after overrides, and the cities and dealers to choose from for a new override
 * (Chinese names, with today's strategy or tier). After a rule task of either kind, the
 * cycle's kept overrides are put back over its results first.
 */
@Component
class ReviewChoices {

	private final CycleResults results;

	private final CycleOverrides kept;

	private final MarketNames market;

	private final PlanningCycles cycles;

	ReviewChoices(CycleResults results, CycleOverrides kept, MarketNames market, PlanningCycles cycles) {
		this.cycles = cycles;
		this.results = results;
		this.kept = kept;
		this.market = market;
	}

	/**
	 * After the strategy rules: the cycle's kept overrides over the new results, the
	 * summary as the cycle now holds it, and the cities the review offers.
	 */
	void afterStrategies(DelegateExecution execution) {
		kept.reapply(CycleContext.cycleId(execution), CycleOverrides.STRATEGY, "cycle_city_strategy", "strategy",
				"city_id");
		summarizeStrategies(execution);
	}

	/** After the tier rules: the kept overrides, the summary and the dealers offered. */
	void afterTiers(DelegateExecution execution) {
		kept.reapply(CycleContext.cycleId(execution), CycleOverrides.TIER, "cycle_dealer_tier", "tier", "dealer_id");
		summarizeTiers(execution);
	}

	/**
	 * The strategy review's summary again from what the cycle holds now, so that the
	 * manager and the director read the overridden strategies; the cities to choose from.
	 */
	void summarizeStrategies(DelegateExecution execution) {
		Map<String, String> names = market.citiesZh(CycleContext.region(execution));
		List<CycleSummaries.StrategyLine> lines = results.strategyLines(CycleContext.cycleId(execution), names);
		execution.setVariable("cityStrategySummary", CycleSummaries.strategies(lines));
		List<Option> options = new ArrayList<>();
		lines.forEach(line -> options
			.add(new Option(line.cityName() + "（" + CycleSummaries.strategyZh(line.strategy()) + "）", line.cityId())));
		execution.setVariable("cityOptions", JsonVariables.of(options));
	}

	/** The tier review's counts and summary again from what the cycle holds now. */
	void summarizeTiers(DelegateExecution execution) {
		List<CycleSummaries.TierLine> lines = results.tierLines(CycleContext.cycleId(execution));
		CycleSummaries.tierCounts(lines).forEach((tier, count) -> execution.setVariable("dealersTier" + tier, count));
		execution.setVariable("dealersFlagged", (int) lines.stream().filter(CycleSummaries.TierLine::flagged).count());
		execution.setVariable("dealerTierSummary", CycleSummaries.tiers(lines));
		Map<String, String> names = market.dealers(CycleContext.region(execution));
		List<Option> options = new ArrayList<>();
		lines.forEach(line -> options.add(new Option(names.getOrDefault(line.dealerId(), line.dealerId()) + "（"
				+ line.dealerId() + "，" + line.tier() + " 级）", line.dealerId())));
		execution.setVariable("dealerOptions", JsonVariables.of(options));
		String cycle = CycleContext.cycleId(execution);
		Map<String, String> now = new HashMap<>();
		lines.forEach(line -> now.put(line.dealerId(), line.tier()));
		Map<String, String> before = lastTiers(CycleContext.region(execution), cycle);
		execution.setVariable("tierMoves",
				before.isEmpty() ? "本区域没有更早的分级可比 / the region has no earlier cycle with tiers to compare with"
						: CycleSummaries.tierMoves(before, now, names));
	}

	/**
	 * The tiers of the region's last cycle before {@code cycle} that classified its
	 * dealers.
	 */
	private Map<String, String> lastTiers(String region, String cycle) {
		List<String> newestFirst = cycles.cycles(region);
		for (int i = newestFirst.indexOf(cycle) + 1; i > 0 && i < newestFirst.size(); i++) {
			Map<String, String> tiers = cycles.tiers(newestFirst.get(i));
			if (!tiers.isEmpty()) {
				return tiers;
			}
		}
		return Map.of();
	}

	/** One choice of a select: what the person reads, and the id it stands for. */
	record Option(String label, String value) {
	}

}
