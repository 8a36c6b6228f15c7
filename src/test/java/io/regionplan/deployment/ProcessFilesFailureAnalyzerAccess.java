package io.regionplan.deployment;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** The failure analyzer for tests of other packages. */
public final class ProcessFilesFailureAnalyzerAccess {

	public FailureAnalysis analyze(Throwable failure) {
		return new ProcessFilesFailureAnalyzer().analyze(failure);
	}

}
