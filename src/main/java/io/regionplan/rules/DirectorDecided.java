package io.regionplan.rules;

import java.util.List;
import java.util.Map;

/**
 * Published, inside the task's transaction, when the director answers what a rule set
 * left to them (renewing a store investment the rules flagged). The decision audit
 * records it with the rules that flagged the subject, what they saw and the director's
 * reason.
 *
 * @param version the rule set version whose flag the director answered
 * @param inputs what the rules saw for the subject, the threshold's parameter included
 * @param firedRules the rules that flagged it
 * @param result the director's answer, e.g. {@code {"renewal": "RENEWED"}}
 */
public record DirectorDecided(RuleSetVersion version, String processInstanceId, String activityId, String tenantId,
		String userId, String subjectType, String subjectId, Map<String, Object> inputs, List<String> firedRules,
		Map<String, Object> result, String reasonZh, String reasonEn) {
}
