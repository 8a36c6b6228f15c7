package io.regionplan.rules;

import java.util.List;

/**
 * What one evaluation of a rule set did: the rules that fired in firing order, each with the facts it
 * matched, and every fact in the session afterwards (inputs and the results the rules inserted).
 */
public record RuleRun(RuleSetVersion version, List<Firing> firings, List<Object> facts) {

	public record Firing(String rule, List<Object> matched) {
	}

	public <T> List<T> factsOf(Class<T> type) {
		return facts.stream().filter(type::isInstance).map(type::cast).toList();
	}

	public List<String> firedRules() {
		return firings.stream().map(Firing::rule).toList();
	}

}
