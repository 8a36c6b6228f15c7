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
 * Once the volume plan is accepted: the region's plan (the manager's plan plus the
 * gap-closing sources the manager committed to) spread over cities and months; the
 * quarterly reviews compare against it.
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
		if (!"ACCEPTED".equals(execution.getVariable("gapBand"))) {
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
		return VariableContract.union(Set.of("plannedVolume", "gapBand"), Arrays.asList(GAP_SOURCES));
	}

	@Override
	public Set<String> writes() {
		return Set.of("finalPlanVolume");
	}

}
