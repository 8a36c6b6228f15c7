package io.regionplan.planning;

import java.util.Set;

import io.regionplan.forms.CompletionRule;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The strategy review of a cycle with borderline cities (share or market size close to a
 * median, {@code city-strategy}) is completed only once the manager confirms them
 * ({@code borderlineConfirmed}, this step's own: asked again on every pass).
 */
@Component
class BorderlineConfirmation implements CompletionRule {

	static final String CONFIRMED = "borderlineConfirmed";

	@Override
	public Set<String> taskIds() {
		return Set.of("Task_ReviewStrategy");
	}

	@Override
	public Set<String> ownVariables() {
		return Set.of(CONFIRMED);
	}

	@Override
	public void check(DelegateTask task) {
		if (task.getVariable("borderlineCityCount") instanceof Number count && count.intValue() > 0
				&& !Boolean.TRUE.equals(task.getVariable(CONFIRMED))) {
			throw CompletionRule.invalid(CONFIRMED, count.intValue() + " 个城市处于象限临界，请确认它们的策略",
					count.intValue() + " cities are borderline in the quadrant: confirm their strategies");
		}
	}

}
