package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.regionplan.forms.FormValidationException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/**
 * The strategy review with borderline cities needs the manager's confirmation; without
 * any (or on the rules before 2026-11-28, which count none) it does not.
 */
class BorderlineConfirmationTests {

	private final BorderlineConfirmation rule = new BorderlineConfirmation();

	private static DelegateTask review(Object borderline, Object confirmed) {
		DelegateTask task = mock(DelegateTask.class);
		when(task.getVariable("borderlineCityCount")).thenReturn(borderline);
		when(task.getVariable("borderlineConfirmed")).thenReturn(confirmed);
		return task;
	}

	@Test
	void borderlineCitiesNeedTheConfirmation() {
		assertThatThrownBy(() -> rule.check(review(2, null))).isInstanceOf(FormValidationException.class)
			.hasMessage("字段 borderlineConfirmed：2 个城市处于象限临界，请确认它们的策略 / field 'borderlineConfirmed': 2 cities "
					+ "are borderline in the quadrant: confirm their strategies");
		assertThatThrownBy(() -> rule.check(review(1, false))).isInstanceOf(FormValidationException.class);
		assertThatThrownBy(() -> rule.check(review(1, "true"))).isInstanceOf(FormValidationException.class);
		assertThatNoException().isThrownBy(() -> rule.check(review(1, true)));
	}

	@Test
	void withoutBorderlineCitiesNothingIsAsked() {
		assertThatNoException().isThrownBy(() -> rule.check(review(0, null)));
		assertThatNoException().isThrownBy(() -> rule.check(review(null, null)));
	}

	@Test
	void theConfirmationIsTheStrategyReviewsOwnAndAskedOnEveryPass() {
		assertThat(rule.taskIds()).containsExactly("Task_ReviewStrategy");
		assertThat(rule.ownVariables()).containsExactly("borderlineConfirmed");
	}

}
