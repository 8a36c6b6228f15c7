package io.regionplan.rules;

import java.nio.file.Path;
import java.util.List;

import io.regionplan.deployment.ProcessFiles;

/**
 * Rule tests build one rule folder of the repository, without Spring.
 */
public final class RuleSets {

	private RuleSets() {
	}

	public static RuleSetSource source(String ruleSet) {
		RuleSetSource source = ProcessFiles.fromFolder(Path.of(".")).ruleSets().get(ruleSet);
		if (source == null) {
			throw new IllegalArgumentException("No rule set rules/" + ruleSet);
		}
		return source;
	}

	public static CompiledRuleSet compile(String ruleSet) {
		return new RuleSetCompiler().compile(source(ruleSet));
	}

	public static RuleRun run(CompiledRuleSet rules, List<?> facts) {
		return rules.run(new RuleSetVersion(rules.name(), "test", rules.contentHash()), facts, 10_000);
	}

}
