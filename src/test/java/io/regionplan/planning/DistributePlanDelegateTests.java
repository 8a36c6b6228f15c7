package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;

import io.regionplan.rules.FakeExecution;

import org.junit.jupiter.api.Test;

/**
 * The plan spread over cities and months is the plan the manager typed; only a cycle
 * whose gap the rules before 2026-11-28 decided (no {@code upliftVolume}) still adds its
 * gap-closing sources, which those rules had committed on top of the plan.
 */
class DistributePlanDelegateTests {

	private final PlanVolumes plans = mock(PlanVolumes.class);

	private final DistributePlanDelegate delegate = new DistributePlanDelegate(plans);

	private static FakeExecution sources(FakeExecution execution) {
		return execution.with("newDealersVolume", 100_000)
			.with("newStoresVolume", 30_000L)
			.with("newSkusVolume", 15_000)
			.with("pricePromotionVolume", 5_000);
	}

	@Test
	void theApprovedPlanIsThePlanTyped() {
		FakeExecution execution = sources(new FakeExecution("cycle-1").with("plannedVolume", 1_000_000)
			.with("gapBand", "DIRECTOR_APPROVAL")
			.with("upliftVolume", 150_000L));

		delegate.execute(execution.execution());

		verify(plans).spreadPlan("cycle-1", new BigDecimal("1000000"));
		assertThat(execution.written()).containsOnly(entry("finalPlanVolume", 1_000_000L));
	}

	@Test
	void aCycleWhoseGapTheOlderRulesDecidedKeepsItsSourcesOnTop() {
		// 850,000 planned + 100,000 + 30,000 + 15,000 + 5,000 = 1,000,000
		FakeExecution execution = sources(
				new FakeExecution("cycle-1").with("plannedVolume", 850_000).with("gapBand", "GAP_PLAN"));

		delegate.execute(execution.execution());

		verify(plans).spreadPlan("cycle-1", new BigDecimal("1000000"));
		assertThat(execution.written()).containsOnly(entry("finalPlanVolume", 1_000_000L));
	}

	@Test
	void anAcceptedOlderCycleIsItsPlan() {
		FakeExecution execution = sources(
				new FakeExecution("cycle-1").with("plannedVolume", 970_000).with("gapBand", "ACCEPTED"));

		delegate.execute(execution.execution());

		assertThat(execution.written()).containsOnly(entry("finalPlanVolume", 970_000L));
	}

}
