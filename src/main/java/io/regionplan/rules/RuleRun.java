package io.regionplan.rules;

import java.util.List;

/**
 * What one evaluation of a rule set did: the facts it was given, the rules that fired in
 * firing order (each with the facts it matched and the facts it inserted), and every fact
 * in the session afterwards.
 */
public record RuleRun(RuleSetVersion version, List<Object> inputs, List<Firing> firings, List<Object> facts) {

	public record Firing(String rule, List<Object> matched, List<Object> inserted) {
	}

	public <T> List<T> factsOf(Class<T> type) {
		return facts.stream().filter(type::isInstance).map(type::cast).toList();
	}

	public List<String> firedRules() {
		return firings.stream().map(Firing::rule).toList();
	}

}
