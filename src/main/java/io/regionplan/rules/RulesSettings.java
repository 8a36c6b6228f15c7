package io.regionplan.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code regionplan.rules}: the hard limits of every rule evaluation (rule
 * task, what-if, replay and the check of a deployment on the latest facts).
 *
 * @param maxRuleFirings the most rule firings one evaluation may take before it counts as
 * a loop
 * @param maxEvaluationTime the longest one evaluation may run, also inside one firing:
 * well under Camunda's job lock time (5 minutes), so that no other node takes the job
 * over while it still runs
 * @param maxEvaluationMemory the most memory one evaluation may allocate
 * @param evaluationStack the stack of the thread an evaluation runs on
 */
@ConfigurationProperties("regionplan.rules")
public record RulesSettings(@DefaultValue("1000000") int maxRuleFirings,
		@DefaultValue("60s") java.time.Duration maxEvaluationTime, @DefaultValue("512MB") DataSize maxEvaluationMemory,
		@DefaultValue("4MB") DataSize evaluationStack) {

	public RuleLimits limits() {
		return new RuleLimits(maxRuleFirings, maxEvaluationTime, maxEvaluationMemory.toBytes(),
				evaluationStack.toBytes());
	}

}
