package io.regionplan.decision;

import java.time.Instant;
import java.util.Set;

/**
 * Which decisions to list; {@code regions} null means every region (auditors, directors).
 */
record DecisionFilter(String processInstanceId, String ruleSet, String subject, Instant from, Instant to,
		Set<String> regions) {
}
