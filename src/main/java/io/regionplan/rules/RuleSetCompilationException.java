package io.regionplan.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set that does not compile; the message lists every problem with file, line and
 * column.
 */
public class RuleSetCompilationException extends RuntimeException {

	private final String ruleSet;

	private final List<RuleFileProblem> problems;

	public RuleSetCompilationException(String ruleSet, List<RuleFileProblem> problems) {
		super("规则集 " + ruleSet + " 无法编译 / rule set '" + ruleSet + "' does not compile:\n"
				+ problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
		this.ruleSet = ruleSet;
		this.problems = List.copyOf(problems);
	}

	public String ruleSet() {
		return ruleSet;
	}

	public List<RuleFileProblem> problems() {
		return problems;
	}

}
