package io.regionplan.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.RuleRun;
import io.regionplan.rules.fact.Outcome;
import io.regionplan.rules.fact.Subject;

/**
 * One subject of a decision: its inputs, the rules that touched it in firing order, and
 * its outcomes (or, for an override, the result a person chose and why).
 */
final class SubjectRow {

	final String type;

	final String id;

	final List<Object> inputs = new ArrayList<>();

	final List<String> rules = new ArrayList<>();

	final List<Outcome> outcomes = new ArrayList<>();

	/** For an override: the result a person chose and why. */
	Map<String, Object> overridden;

	String overrideReason;

	/** For a director's answer: the reason as the answer gives it. */
	String givenReasonZh;

	String givenReasonEn;

	SubjectRow(String type, String id) {
		this.type = type;
		this.id = id;
	}

	Map<String, Object> result() {
		if (overridden != null) {
			return overridden;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		for (Outcome outcome : outcomes) {
			result.merge(outcome.kind(), outcome.value(), (before, added) -> {
				List<Object> values = before instanceof List<?> list ? new ArrayList<>(list)
						: new ArrayList<>(List.of(before));
				values.add(added);
				return values;
			});
		}
		return result;
	}

	String reasonZh() {
		if (givenReasonZh != null) {
			return givenReasonZh;
		}
		if (overridden != null) {
			return "人工调整：" + inputs.get(0) + " → " + overridden + "；理由：" + overrideReason;
		}
		return String.join("；", outcomes.stream().map(Outcome::reasonZh).toList());
	}

	String reasonEn() {
		if (givenReasonEn != null) {
			return givenReasonEn;
		}
		if (overridden != null) {
			return "override: " + inputs.get(0) + " → " + overridden + "; reason: " + overrideReason;
		}
		return String.join("; ", outcomes.stream().map(Outcome::reasonEn).toList());
	}

	/**
	 * Subjects in input order; each firing is attributed to the subjects it matched or
	 * produced an outcome for.
	 */
	static List<SubjectRow> rows(RuleRun run) {
		Map<String, SubjectRow> byKey = new LinkedHashMap<>();
		Map<String, List<SubjectRow>> byId = new LinkedHashMap<>();
		for (Object input : run.inputs()) {
			if (input instanceof Subject subject) {
				SubjectRow row = byKey.computeIfAbsent(subject.subjectType() + "\u0001" + subject.subjectId(), k -> {
					SubjectRow created = new SubjectRow(subject.subjectType(), subject.subjectId());
					byId.computeIfAbsent(subject.subjectId(), i -> new ArrayList<>()).add(created);
					return created;
				});
				row.inputs.add(subject);
			}
		}
		for (RuleRun.Firing firing : run.firings()) {
			List<SubjectRow> touched = new ArrayList<>();
			for (Object matched : firing.matched()) {
				if (matched instanceof Subject subject) {
					SubjectRow row = byKey.get(subject.subjectType() + "\u0001" + subject.subjectId());
					if (row != null && !touched.contains(row)) {
						touched.add(row);
					}
				}
			}
			for (Object inserted : firing.inserted()) {
				if (inserted instanceof Outcome outcome) {
					for (SubjectRow row : byId.getOrDefault(outcome.subjectId(), List.of())) {
						row.outcomes.add(outcome);
						if (!touched.contains(row)) {
							touched.add(row);
						}
					}
				}
			}
			touched.forEach(row -> row.rules.add(firing.rule()));
		}
		return new ArrayList<>(byKey.values());
	}

}
