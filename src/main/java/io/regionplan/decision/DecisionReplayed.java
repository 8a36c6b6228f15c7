package io.regionplan.decision;

import java.util.Map;

/**
 * A recorded decision was re-run on its facts (a replay): who asked, which rule versions
 * ran, and what came of it. Published so the replay is audited with the deployments.
 *
 * @param versions the rule versions compared, by side ({@code then}, {@code inForce}):
 * deployment and SHA-256
 * @param outcome {@code COMPARED}, or {@code FAILED} when a version failed on the facts
 * @param problem the fixed message of the failure, else {@code null}
 */
public record DecisionReplayed(String userId, String decisionId, String ruleSet, Map<String, String> versions,
		String outcome, String problem) {
}
