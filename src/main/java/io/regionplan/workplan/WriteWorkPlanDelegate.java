package io.regionplan.workplan;

import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.TriggeringUser;
import io.regionplan.engine.VariableContract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * After the OGSPM form: the cycle's work plan and one kanban card per action.
 */
@ExpressionBean
@Component("writeWorkPlanDelegate")
class WriteWorkPlanDelegate implements JavaDelegate, VariableContract {

	private final WorkPlans plans;

	WriteWorkPlanDelegate(WorkPlans plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
		plans.write(root != null ? root : execution.getProcessInstanceId(), (String) execution.getVariable("region"),
				text(execution, "ogspmObjective"), text(execution, "ogspmGoals"), text(execution, "ogspmStrategies"),
				text(execution, "ogspmPlans"), text(execution, "ogspmMeasures"), TriggeringUser.of(execution));
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? "" : value.toString();
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "ogspmObjective", "ogspmGoals", "ogspmStrategies", "ogspmPlans", "ogspmMeasures");
	}

}
