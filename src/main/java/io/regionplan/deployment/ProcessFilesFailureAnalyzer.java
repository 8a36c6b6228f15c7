package io.regionplan.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Startup with a wrong process, rule or form file ends with the list of problems, not a
 * stack trace.
 */
class ProcessFilesFailureAnalyzer extends AbstractFailureAnalyzer<ProcessFilesInvalidException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProcessFilesInvalidException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files named above and start again; the running version stays as it was.", cause);
	}

}
