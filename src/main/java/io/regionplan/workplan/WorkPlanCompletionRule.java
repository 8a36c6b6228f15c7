package io.regionplan.workplan;

import java.util.Set;

import io.regionplan.forms.CompletionRule;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Every line of an OGSPM "Plans" field is a dated action with an owner, and there is at
 * least one.
 */
@Component
class WorkPlanCompletionRule implements CompletionRule {

	@Override
	public Set<String> taskIds() {
		return Set.of("Task_WorkPlan", "Task_BenchmarkPlan");
	}

	@Override
	public void check(DelegateTask task) {
		Object plans = task.getVariable("ogspmPlans");
		try {
			if (PlanLines.parse(plans == null ? "" : plans.toString()).isEmpty()) {
				throw CompletionRule.invalid("ogspmPlans", "至少一项行动", "at least one action is needed");
			}
		}
		catch (PlanLines.Invalid ex) {
			throw CompletionRule.invalid("ogspmPlans", ex.getMessage(), ex.getMessage());
		}
	}

}
