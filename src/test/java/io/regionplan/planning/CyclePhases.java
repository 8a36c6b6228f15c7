package io.regionplan.planning;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/**
 * Where in the planning cycle's phases an instance waits: for the process and migration
 * tests.
 */
public final class CyclePhases {

	public static final String MARKET_READING = "SubProcess_MarketReading";

	public static final String STRATEGY = "SubProcess_Strategy";

	public static final String VOLUME_AND_GAP = "SubProcess_VolumeAndGap";

	public static final String ORGANISATION = "SubProcess_OrganisationAndResources";

	public static final String WORK_PLAN = "SubProcess_WorkPlanAndApproval";

	public static final List<String> IN_ORDER = List.of(MARKET_READING, STRATEGY, VOLUME_AND_GAP, ORGANISATION,
			WORK_PLAN);

	private CyclePhases() {
	}

	/**
	 * The phase (sub-process) in which the activity, a task or a job of a rule task, is
	 * active; {@code null} when it is active at the top of the process, and an error when
	 * it is not active.
	 */
	public static String phaseOf(RuntimeService runtime, String processInstanceId, String activityId) {
		ActivityInstance parent = parentOf(runtime.getActivityInstance(processInstanceId), activityId);
		if (parent == null) {
			throw new AssertionError(activityId + " is not active in " + processInstanceId);
		}
		return parent.getActivityType().equals("processDefinition") ? null : parent.getActivityId();
	}

	private static ActivityInstance parentOf(ActivityInstance scope, String activityId) {
		for (TransitionInstance job : scope.getChildTransitionInstances()) {
			if (job.getActivityId().equals(activityId)) {
				return scope;
			}
		}
		for (ActivityInstance child : scope.getChildActivityInstances()) {
			if (child.getActivityId().equals(activityId)) {
				return scope;
			}
			ActivityInstance found = parentOf(child, activityId);
			if (found == child && child.getActivityType().equals("multiInstanceBody")) {
				// a multi-instance activity is where its body is
				return scope;
			}
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
