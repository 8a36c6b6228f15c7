package io.regionplan.rules;

/**
 * A rule set compiled as one version holds it: what a replay or a what-if runs.
 */
public record RuleSetAt(RuleSetVersion version, CompiledRuleSet compiled) {

	public RuleRun run(java.util.Collection<?> facts, RuleLimits limits) {
		return compiled.run(version, facts, limits);
	}

}
