package io.regionplan.rules;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Startup with a broken rule file ends with the file, line and message, not only a stack
 * trace.
 */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetCompilationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RuleSetCompilationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the rule file named above (rules/" + cause.ruleSet() + "/) and start again; nothing was deployed.",
				cause);
	}

}
