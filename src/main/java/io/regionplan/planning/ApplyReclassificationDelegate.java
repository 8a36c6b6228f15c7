package io.regionplan.planning;

import java.util.List;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.VariableContract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Once the manager has reviewed a re-classification during the year: the proposed tiers
 * become the cycle's, the overrides kept from planning (or an earlier quarter) go back
 * over them, and the manager's new overrides of this review ({@code tierOverrides}) are
 * applied, recorded and kept in turn.
 */
@ExpressionBean
@Component("applyReclassificationDelegate")
class ApplyReclassificationDelegate implements JavaDelegate, VariableContract {

	private final Reclassifications proposals;

	private final CycleOverrides kept;

	private final OverrideDelegates overrides;

	private final ReviewChoices choices;

	ApplyReclassificationDelegate(Reclassifications proposals, CycleOverrides kept, OverrideDelegates overrides,
			ReviewChoices choices) {
		this.proposals = proposals;
		this.kept = kept;
		this.overrides = overrides;
		this.choices = choices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String cycle = CycleContext.cycleId(execution);
		proposals.putInForce(cycle, DealerReclassificationBinding.quarter(execution));
		kept.reapply(cycle, CycleOverrides.TIER, "cycle_dealer_tier", "tier", "dealer_id");
		List<CycleOverrides.Override> rows = overrides.rows(execution, OverrideDelegates.TIER_LIST,
				OverrideDelegates.TIER_ROW, OverrideDelegates.TIER);
		for (CycleOverrides.Override row : rows) {
			overrides.apply(execution, "dealer-classification", "dealer", CycleOverrides.TIER, row, "tier",
					"cycle_dealer_tier", "dealer_id");
		}
		choices.summarizeTiers(execution);
	}

	@Override
	public Set<String> reads() {
		return Set.of("quarter", "region", "period", "overridesApplied", OverrideDelegates.TIER_LIST);
	}

	@Override
	public Set<String> writes() {
		return Set.of("overridesApplied", "period", "dealersTierA", "dealersTierB", "dealersTierC", "dealersTierD",
				"dealersFlagged", "dealerTierSummary", "dealerOptions", "tierMoves");
	}

}
