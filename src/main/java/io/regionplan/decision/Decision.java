package io.regionplan.decision;

import java.time.Instant;
import java.util.List;

/**
 * One recorded decision: a rule evaluation ({@code EVALUATION}), a person's override
 * ({@code OVERRIDE}) or the director's answer to a rule's flag ({@code DIRECTOR}).
 *
 * @param ruleVersion the deployment id and the first 12 hex digits of the rule set's
 * SHA-256
 * @param userId who triggered it, or {@code system} for a timer or job without a user
 */
public record Decision(String id, String ruleSet, String ruleVersion, String deploymentId, String contentHash,
		String processInstanceId, String activityId, String tenantId, String userId, Instant evaluatedAt, String kind,
		int subjectCount, List<DecisionSubject> subjects) {
}
