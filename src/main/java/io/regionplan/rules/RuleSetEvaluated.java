package io.regionplan.rules;

/**
 * Published, inside the rule task's transaction, after a rule set ran in a process
 * instance.
 *
 * @param userId the user whose action triggered the evaluation, or {@code system} for a
 * job
 */
public record RuleSetEvaluated(RuleRun run, String processInstanceId, String activityId, String tenantId,
		String userId) {
}
