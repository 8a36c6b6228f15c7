package io.regionplan.planning;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.DealerMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.DealerFlag;
import io.regionplan.rules.fact.DealerTier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code dealer-classification} in a cycle: every dealer of the region with its
 * trailing-12-month metrics; stores each dealer's tier and flags for the cycle and the
 * counts per tier for the forms.
 */
@Component
class DealerClassificationBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	private final CycleResults results;

	private final ReviewChoices choices;

	DealerClassificationBinding(MarketMetrics metrics, CycleResults results, ReviewChoices choices) {
		this.metrics = metrics;
		this.results = results;
		this.choices = choices;
	}

	@Override
	public String ruleSet() {
		return "dealer-classification";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		return dealers(metrics, CycleContext.region(execution), CycleContext.period(execution, metrics));
	}

	/**
	 * The region's dealers with their metrics over the 12 months up to {@code period}.
	 */
	static List<Dealer> dealers(MarketMetrics metrics, String region, YearMonth period) {
		List<Dealer> dealers = new ArrayList<>();
		for (DealerMetrics d : metrics.dealers(region, period)) {
			dealers.add(new Dealer(d.dealerId(), d.regionId(), d.name(), d.sales(), d.growth(), d.percentile(),
					d.coverage(), d.overdueDays(), d.crossRegionIncidents()));
		}
		return dealers;
	}

	/** The rules' tiers, one per dealer, or the failure naming the counts. */
	static List<DealerTier> tiers(RuleRun run) {
		List<DealerTier> tiers = run.factsOf(DealerTier.class);
		if (tiers.size() != run.inputs().size()) {
			throw new ProcessEngineException("规则集 dealer-classification 应为每个经销商给出一个等级 / rule set "
					+ "'dealer-classification' must give every dealer one tier: " + tiers.size() + " tiers for "
					+ run.inputs().size() + " dealers");
		}
		return tiers;
	}

	/** Each dealer's flags, dealer id → flags. */
	static Map<String, List<String>> flags(RuleRun run) {
		Map<String, List<String>> flags = new HashMap<>();
		for (DealerFlag flag : run.factsOf(DealerFlag.class)) {
			flags.computeIfAbsent(flag.dealerId(), k -> new ArrayList<>()).add(flag.flag());
		}
		return flags;
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<DealerTier> tiers = tiers(run);
		Map<String, List<String>> flags = flags(run);
		results.saveTiers(CycleContext.cycleId(execution), CycleContext.region(execution), tiers, flags, run.version());
		List<CycleSummaries.TierLine> lines = tiers.stream()
			.map(t -> new CycleSummaries.TierLine(t.dealerId(), t.tier(), flags.containsKey(t.dealerId()), t.reasonZh(),
					t.reasonEn()))
			.toList();
		CycleSummaries.tierCounts(lines).forEach((tier, count) -> execution.setVariable("dealersTier" + tier, count));
		execution.setVariable("dealersFlagged", flags.size());
		execution.setVariable("dealerTierSummary", CycleSummaries.tiers(lines));
		choices.afterTiers(execution);
	}

	@Override
	public Set<String> reads() {
		return Set.of("region");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "dealersTierA", "dealersTierB", "dealersTierC", "dealersTierD", "dealersFlagged",
				"dealerTierSummary", "dealerOptions", "tierMoves");
	}

}
