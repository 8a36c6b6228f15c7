package io.regionplan.deployment;

/**
 * One thing wrong with a process, rule or form file: where (line and column from 1, 0
 * when unknown) and what, in Chinese and English.
 */
public record FileProblem(String file, int line, int column, String message) {

	@Override
	public String toString() {
		return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
	}

}
