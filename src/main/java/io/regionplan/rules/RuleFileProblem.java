package io.regionplan.rules;

/**
 * One error in a rule file, with its position where the compiler gives one (line and
 * column from 1; 0 when unknown).
 */
public record RuleFileProblem(String file, int line, int column, String message) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(file);
		if (line > 0) {
			text.append(':').append(line);
			if (column > 0) {
				text.append(':').append(column);
			}
		}
		return text.append(": ").append(message).toString();
	}

}
