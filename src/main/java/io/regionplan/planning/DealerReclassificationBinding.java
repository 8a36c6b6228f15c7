package io.regionplan.planning;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.DealerTier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code dealer-classification} during the year (binding {@code dealer-reclassification}
 * of the quarterly review): the region's dealers on the latest 12 months of sales, not
 * the window frozen when the cycle began. The tiers are proposals (cycle_tier_proposal)
 * for the manager's review; the cycle's tiers change only when the manager confirms
 * ({@code applyReclassificationDelegate}).
 */
@Component
class DealerReclassificationBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	private final Reclassifications proposals;

	DealerReclassificationBinding(MarketMetrics metrics, Reclassifications proposals) {
		this.metrics = metrics;
		this.proposals = proposals;
	}

	@Override
	public String ruleSet() {
		return "dealer-classification";
	}

	@Override
	public String name() {
		return "dealer-reclassification";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		YearMonth latest = metrics.latestMonth(region)
			.orElseThrow(() -> new ProcessEngineException(
					"区域 " + region + " 没有销售数据 / region '" + region + "' has no sales data"));
		execution.setVariable("reclassificationPeriod", latest.minusMonths(11) + " … " + latest);
		execution.setVariable("reclassificationLatestMonth", latest.toString());
		return DealerClassificationBinding.dealers(metrics, region, latest);
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<DealerTier> tiers = DealerClassificationBinding.tiers(run);
		Map<String, List<String>> flags = DealerClassificationBinding.flags(run);
		String cycle = CycleContext.cycleId(execution);
		int quarter = quarter(execution);
		Map<String, String> names = new HashMap<>();
		run.inputs()
			.stream()
			.filter(Dealer.class::isInstance)
			.map(Dealer.class::cast)
			.forEach(dealer -> names.put(dealer.dealerId(), dealer.name()));
		proposals.save(cycle, quarter, CycleContext.region(execution), tiers, flags, run.version(), names);
		proposals.summarize(execution, cycle, quarter);
	}

	static int quarter(DelegateExecution execution) {
		Object quarter = execution.getVariable("quarter");
		if (!(quarter instanceof Number number)) {
			throw new ProcessEngineException("变量 quarter 缺失 / the review has no 'quarter' variable");
		}
		return number.intValue();
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "quarter");
	}

	@Override
	public Set<String> writes() {
		return Set.of("reclassificationPeriod", "reclassificationLatestMonth", "reclassificationSummary",
				"reclassificationMoves", "dealerOptions");
	}

}
