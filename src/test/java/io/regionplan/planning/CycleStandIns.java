package io.regionplan.planning;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the beans the planning cycle's BPMN names, for process tests without
 * Spring: each delegate and rule task only notes that it ran, the volume-gap rules give
 * the band the test chose, and a quarter passes without its months
 * (QuarterExecutionProcessTests works the months). What the real beans compute is covered
 * by the rule tests and the integration tests.
 */
public final class CycleStandIns {

	static final List<String> DELEGATES = List.of("summarizeMarketDelegate", "overrideCityStrategyDelegate",
			"computeForecastDelegate", "distributePlanDelegate", "writeWorkPlanDelegate",
			"applyReclassificationDelegate");

	private final List<String> ran = new ArrayList<>();

	private String gapBand = "ACCEPTED";

	private boolean sourcesPastBound;

	private CycleStandIns() {
	}

	/** A year whose quarters have no months: a quarter is only its review. */
	public static final class QuartersWithoutMonths extends CycleCalendar {

		@Override
		public List<Integer> monthsOf(Object quarter) {
			return List.of();
		}

	}

	public static CycleStandIns register() {
		CycleStandIns standIns = new CycleStandIns();
		JavaDelegate noteIt = execution -> standIns.ran.add(execution.getCurrentActivityId());
		DELEGATES.forEach(name -> Mocks.register(name, noteIt));
		// the director's store renewals, recorded as the approved plan leaves the
		// approval
		Mocks.register("recordStoreRenewalsDelegate",
				(JavaDelegate) execution -> standIns.ran.add("Flow_PlanApproved"));
		// the tier review's overrides: whether the list had rows decides the way on
		Mocks.register("overrideDealerTierDelegate", (JavaDelegate) execution -> {
			standIns.ran.add(execution.getCurrentActivityId());
			execution.setVariable("tiersOverridden", execution.getVariable("tierOverrides") != null);
			execution.removeVariable("tierOverrides");
		});
		Mocks.register("evaluateRuleSetDelegate", (JavaDelegate) execution -> {
			standIns.ran.add(execution.getCurrentActivityId());
			switch (execution.getCurrentActivityId()) {
				case "Task_VolumeGap" -> execution.setVariable("gapBand", standIns.gapBand);
				case "Task_GapSources" -> execution.setVariable("gapSourcesPastBound", standIns.sourcesPastBound);
				case "Task_QuarterlyReview" -> {
					execution.setVariable("offTrackCityCount", 0);
					execution.setVariable("reclassifyCount", 0);
				}
				default -> {
				}
			}
		});
		Mocks.register("cycleCalendar", new QuartersWithoutMonths());
		return standIns;
	}

	/**
	 * The band the volume-gap rules give from now on: ACCEPTED, GAP_PLAN or
	 * DIRECTOR_APPROVAL.
	 */
	public CycleStandIns gapBand(String band) {
		this.gapBand = band;
		return this;
	}

	/** Whether the gap-sources rules find a source past its bound from now on. */
	public CycleStandIns sourcesPastBound(boolean past) {
		this.sourcesPastBound = past;
		return this;
	}

	/** The activities of the delegates and rule tasks that ran, in order. */
	public List<String> ran() {
		return List.copyOf(ran);
	}

	/** What ran after the first {@code count}. */
	public List<String> ranAfter(int count) {
		return List.copyOf(ran.subList(count, ran.size()));
	}

}
