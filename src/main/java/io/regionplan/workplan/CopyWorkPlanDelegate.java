package io.regionplan.workplan;

import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.TriggeringUser;
import io.regionplan.engine.VariableContract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A rollout: the follower city (the multi-instance's {@code city}) gets its own copy of
 * the benchmark's OGSPM plan, kept as plan {@code <process instance>:<city>}.
 */
@ExpressionBean
@Component("copyWorkPlanDelegate")
class CopyWorkPlanDelegate implements JavaDelegate, TaskListener, VariableContract {

	private final WorkPlans plans;

	CopyWorkPlanDelegate(WorkPlans plans) {
		this.plans = plans;
	}

	/** As the rollout task is created: the follower starts from the benchmark's plan. */
	@Override
	public void notify(DelegateTask task) {
		execute(task.getExecution());
	}

	@Override
	public void execute(DelegateExecution execution) {
		String city = (String) execution.getVariable("city");
		Object adjustments = execution.getVariable("localAdjustments");
		plans.copy(execution.getProcessInstanceId(), execution.getProcessInstanceId() + ":" + city,
				(String) execution.getVariable("region"),
				"推广到 / rolled out to " + city + (adjustments == null ? "" : "：" + adjustments),
				TriggeringUser.of(execution));
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "city", "localAdjustments");
	}

}
