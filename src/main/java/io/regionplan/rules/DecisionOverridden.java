package io.regionplan.rules;

import java.util.Map;

/**
 * Published, inside the task's transaction, when a person overrides a rule result (a
 * city's strategy, a dealer's tier) with a written reason. The decision audit records it
 * like an evaluation.
 *
 * @param version the rule set version whose result was overridden
 * @param before the result the rules gave, e.g. {@code {"strategy": "BREAKTHROUGH"}}
 * @param after the result the person chose
 */
public record DecisionOverridden(RuleSetVersion version, String processInstanceId, String activityId, String tenantId,
		String userId, String subjectType, String subjectId, Map<String, Object> before, Map<String, Object> after,
		String reason) {
}
