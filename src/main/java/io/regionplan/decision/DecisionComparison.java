package io.regionplan.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.decision.DecisionReplay.Change;
import io.regionplan.decision.DecisionReplay.Count;
import io.regionplan.decision.DecisionReplay.Replay;
import io.regionplan.decision.DecisionReplay.Side;
import io.regionplan.rules.RuleEvaluationException;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RulesSettings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two rule versions run on the facts of one decision, side by side: every subject whose
 * result differs, with the rules that now fire or no longer fire, and per result kind and
 * value how many subjects have it before and after. What {@link DecisionReplay} answers
 * with; nothing is written.
 */
@Component
class DecisionComparison {

	private final DecisionQueries queries;

	private final RulesSettings settings;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	DecisionComparison(DecisionQueries queries, RulesSettings settings, JdbcTemplate jdbc, ObjectMapper json) {
		this.queries = queries;
		this.settings = settings;
		this.jdbc = jdbc;
		this.json = json;
	}

	Replay compare(Decision decision, Side beforeSide, RuleSetAt before, Side afterSide, RuleSetAt after,
			boolean checkRecorded) {
		List<Object> facts = queries.facts(decision.id());
		if (facts.isEmpty() && decision.subjectCount() > 0) {
			throw new IllegalArgumentException("决策 " + decision.id() + " 记录于保存输入事实之前，不能重放 / decision '" + decision.id()
					+ "' was recorded before its input facts were kept: it cannot be replayed");
		}
		List<SubjectRow> beforeRows = SubjectRow.rows(run(beforeSide, before, facts));
		Map<String, SubjectRow> afterRows = new LinkedHashMap<>();
		SubjectRow.rows(run(afterSide, after, facts)).forEach(row -> afterRows.put(key(row), row));
		Map<String, Map<String, int[]>> counts = new TreeMap<>();
		List<Change> changes = new ArrayList<>();
		for (SubjectRow was : beforeRows) {
			SubjectRow now = afterRows.get(key(was));
			Map<String, Object> wasResult = normalized(was.result());
			Map<String, Object> nowResult = now == null ? Map.of() : normalized(now.result());
			count(counts, wasResult, 0);
			count(counts, nowResult, 1);
			if (!Objects.equals(wasResult, nowResult)) {
				changes.add(change(was, now));
			}
		}
		Integer notReproduced = null;
		if (checkRecorded) {
			Map<String, JsonNode> recorded = new LinkedHashMap<>();
			decision.subjects().forEach(s -> recorded.put(s.subjectType() + "\u0001" + s.subjectId(), s.result()));
			notReproduced = (int) beforeRows.stream()
				.filter(row -> !json.valueToTree(normalized(row.result()))
					.equals(json.valueToTree(normalized(json.convertValue(recorded.get(key(row)), Map.class)))))
				.count();
		}
		Map<String, Map<String, Count>> countsOut = new TreeMap<>();
		counts.forEach((kind, values) -> {
			Map<String, Count> out = new TreeMap<>();
			values.forEach((value, n) -> out.put(value, new Count(n[0], n[1])));
			countsOut.put(kind, out);
		});
		return new Replay(decision.ruleSet(), decision.id(), decision.processInstanceId(), decision.tenantId(),
				decision.evaluatedAt(), cycleEnded(decision.processInstanceId()), beforeSide, afterSide, notReproduced,
				beforeRows.size(), changes.size(), countsOut, changes);
	}

	/**
	 * A rule set that fails or loops on the facts is the caller's problem to fix: 400
	 * naming the version.
	 */
	RuleRun run(Side side, RuleSetAt rules, List<Object> facts) {
		try {
			return rules.run(facts, settings.limits());
		}
		catch (RuleEvaluationException ex) {
			throw new IllegalArgumentException("规则版本 " + side.label() + " 在决策的事实上失败 / the " + side.label()
					+ " rules fail on the decision's facts: " + ex.getMessage());
		}
	}

	private boolean cycleEnded(String processInstanceId) {
		return processInstanceId != null && !jdbc
			.queryForList("select ID_ from ACT_HI_PROCINST where ID_ = ? and END_TIME_ is not null", String.class,
					processInstanceId)
			.isEmpty();
	}

	/**
	 * Several values of one kind (e.g. flags) in sorted order: the order rules fired in
	 * is no difference.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> normalized(Map<?, ?> result) {
		Map<String, Object> sorted = new TreeMap<>();
		if (result != null) {
			result.forEach((kind, value) -> sorted.put(String.valueOf(kind),
					value instanceof List<?> list ? list.stream().map(String::valueOf).sorted().toList() : value));
		}
		return sorted;
	}

	private static void count(Map<String, Map<String, int[]>> counts, Map<String, Object> result, int side) {
		result.forEach((kind, value) -> {
			for (Object one : value instanceof List<?> list ? list : List.of(value)) {
				counts.computeIfAbsent(kind, k -> new TreeMap<>())
					.computeIfAbsent(String.valueOf(one), v -> new int[2])[side]++;
			}
		});
	}

	private Change change(SubjectRow was, SubjectRow now) {
		Set<String> rulesBefore = new LinkedHashSet<>(was.rules);
		Set<String> rulesAfter = new LinkedHashSet<>(now == null ? List.of() : now.rules);
		List<String> nowFiring = rulesAfter.stream().filter(rule -> !rulesBefore.contains(rule)).toList();
		List<String> noLongerFiring = rulesBefore.stream().filter(rule -> !rulesAfter.contains(rule)).toList();
		Map<String, Object> before = normalized(was.result());
		Map<String, Object> after = now == null ? Map.of() : normalized(now.result());
		String name = name(was);
		List<String> parts = new ArrayList<>();
		Set<String> kinds = new LinkedHashSet<>(before.keySet());
		kinds.addAll(after.keySet());
		for (String kind : kinds) {
			if (!Objects.equals(before.get(kind), after.get(kind))) {
				parts.add(kind + " " + text(before.get(kind)) + " → " + text(after.get(kind)));
			}
		}
		StringBuilder summary = new StringBuilder(name == null ? was.id : name + " (" + was.id + ")").append(": ")
			.append(String.join(", ", parts));
		if (!nowFiring.isEmpty()) {
			summary.append("; 现在触发 / now fires: ").append(String.join(", ", nowFiring));
		}
		if (!noLongerFiring.isEmpty()) {
			summary.append("; 不再触发 / no longer fires: ").append(String.join(", ", noLongerFiring));
		}
		return new Change(was.type, was.id, name, before, after, nowFiring, noLongerFiring, List.copyOf(rulesAfter),
				now == null ? null : new DecisionSubject.Reason(now.reasonZh(), now.reasonEn()), summary.toString());
	}

	private String name(SubjectRow row) {
		for (Object input : row.inputs) {
			JsonNode name = json.valueToTree(input).path("name");
			if (name.isTextual()) {
				return name.asText();
			}
		}
		return null;
	}

	private static String text(Object value) {
		if (value == null) {
			return "—";
		}
		return value instanceof List<?> list ? String.join("+", list.stream().map(String::valueOf).toList())
				: value.toString();
	}

	private static String key(SubjectRow row) {
		return row.type + "\u0001" + row.id;
	}

}
