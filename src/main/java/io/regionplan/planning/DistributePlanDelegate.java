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
 * Once the volume plan is accepted: the region's plan, as the manager planned it, spread
 * over cities and months; the quarterly reviews compare against it. (The gap-closing
 * sources explain the plan's part above the forecast; they are not added to it.)
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
		BigDecimal plan = number(execution.getVariable("plannedVolume"));
		if (execution.getVariable("upliftVolume") == null && execution.getVariable("gapBand") != null
				&& !"ACCEPTED".equals(execution.getVariable("gapBand"))) {
			// a cycle whose gap the rules before 2026-11-28 decided (no uplift): its
			// sources
			// closed the gap from the plan to the target and were committed on top of it
			for (String source : GAP_SOURCES) {
				plan = plan.add(number(execution.getVariable(source)));
			}
		}
		plans.spreadPlan(CycleContext.cycleId(execution), plan);
		execution.setVariable("finalPlanVolume", plan.longValue());
	}

	static BigDecimal number(Object value) {
		return value instanceof Number number ? new BigDecimal(number.toString()) : BigDecimal.ZERO;
	}

	@Override
	public Set<String> reads() {
		return VariableContract.union(Set.of("plannedVolume", "upliftVolume", "gapBand"), Arrays.asList(GAP_SOURCES));
	}

	@Override
	public Set<String> writes() {
		return Set.of("finalPlanVolume");
	}

}
