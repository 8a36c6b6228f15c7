package io.regionplan.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code regionplan.rules}.
 * @param maxRuleFirings the most rule firings one evaluation may take before it counts as a loop
 * @param maxEvaluationTime the longest one evaluation may run: a loop whose firings are slow reaches the
 *        firing cap only after hours, holding a job thread and a transaction; well under Camunda's job lock
 *        time (5 minutes), so that no other node takes the job over while it still runs
 */
@ConfigurationProperties("regionplan.rules")
public record RulesSettings(@DefaultValue("1000000") int maxRuleFirings,
		@DefaultValue("60s") java.time.Duration maxEvaluationTime) {
}
