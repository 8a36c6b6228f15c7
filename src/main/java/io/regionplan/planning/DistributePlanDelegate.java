package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.VariableContract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The plan's spread of cycles whose process version predates the {@code plan-split} rule
 * task (their deployment has no such rule set): the region's plan, as the manager planned
 * it, spread over cities and months in proportion to the forecast; the quarterly reviews
 * compare against it. (The gap-closing sources explain the plan's part above the
 * forecast; they are not added to it.) Today's cycles split the plan with
 * {@link PlanSplitBinding}.
 */
@ExpressionBean
@Component("distributePlanDelegate")
class DistributePlanDelegate implements JavaDelegate, VariableContract {

	static final String[] GAP_SOURCES = { "newDealersVolume", "newStoresVolume", "newSkusVolume",
			"pricePromotionVolume" };

	private final PlanVolumes plans;

	DistributePlanDelegate(PlanVolumes plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal plan = finalPlan(execution);
		plans.spreadPlan(CycleContext.cycleId(execution), plan);
		execution.setVariable("finalPlanVolume", plan.longValue());
	}

	/**
	 * The plan the cycle commits to: the plan the manager typed (the forecast when there
	 * is none), with the gap-closing sources on top only in a cycle whose gap the rules
	 * before 2026-11-28 decided.
	 */
	static BigDecimal finalPlan(DelegateExecution execution) {
		Object typed = execution.getVariable("plannedVolume");
		BigDecimal plan = number(typed != null ? typed : execution.getVariable("forecastVolume"));
		if (olderGapRules(execution)) {
			// (no uplift): its sources closed the gap from the plan to the target and
			// were committed on top of it
			for (String source : GAP_SOURCES) {
				plan = plan.add(number(execution.getVariable(source)));
			}
		}
		return plan;
	}

	/** Whether the rules before 2026-11-28 decided the cycle's gap, not accepting it. */
	static boolean olderGapRules(DelegateExecution execution) {
		return execution.getVariable("upliftVolume") == null && execution.getVariable("gapBand") != null
				&& !"ACCEPTED".equals(execution.getVariable("gapBand"));
	}

	static BigDecimal number(Object value) {
		return value instanceof Number number ? new BigDecimal(number.toString()) : BigDecimal.ZERO;
	}

	@Override
	public Set<String> reads() {
		return VariableContract.union(Set.of("plannedVolume", "forecastVolume", "upliftVolume", "gapBand"),
				Arrays.asList(GAP_SOURCES));
	}

	@Override
	public Set<String> writes() {
		return Set.of("finalPlanVolume");
	}

}
