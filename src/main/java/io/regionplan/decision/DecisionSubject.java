package io.regionplan.decision;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a decision said about one subject (a dealer, a city, a region), and why.
 *
 * @param inputs the facts the rules saw for it
 * @param firedRules the rules that matched it or produced a result for it, in firing
 * order
 * @param result its results by kind, e.g. {@code {"tier":"D","flag":["OVERDUE"]}}
 * @param reason the plain-language reason in Chinese and English
 */
public record DecisionSubject(String subjectType, String subjectId, JsonNode inputs, List<String> firedRules,
		JsonNode result, Reason reason) {

	public record Reason(String zh, String en) {
	}

}
