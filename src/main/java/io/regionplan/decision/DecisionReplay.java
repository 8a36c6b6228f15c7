package io.regionplan.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.RuleEvaluationException;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSetsInForce;
import io.regionplan.rules.RulesSettings;
import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-runs a recorded decision on the facts it was given, with two rule versions side by side, and
 * reports every subject whose result differs: the past decision with the version in force then and
 * today's ({@link #replay}), or today's rules and a process owner's candidate files ({@link #whatIf}).
 * Nothing is written.
 */
@Component
public class DecisionReplay {

	private final DecisionQueries queries;

	private final RuleSetRegistry registry;

	private final RuleSetsInForce rulesInForce;

	private final ProcessEngine engine;

	private final RulesSettings settings;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	DecisionReplay(DecisionQueries queries, RuleSetRegistry registry, RuleSetsInForce rulesInForce, ProcessEngine engine,
			RulesSettings settings, JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher events) {
		this.events = events;
		this.queries = queries;
		this.registry = registry;
		this.rulesInForce = rulesInForce;
		this.engine = engine;
		this.settings = settings;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A rule version in a comparison: {@code label} says which (then, in force, candidate). */
	public record Side(String label, String ruleVersion, String deploymentId, String contentHash) {

		static Side of(String label, RuleSetVersion version) {
			return new Side(label, version.deploymentId() == null ? null : version.label(), version.deploymentId(),
					version.contentHash());
		}

	}

	public record Count(int before, int after) {
	}

	/**
	 * One subject whose result differs.
	 * @param summary e.g. {@code 苏州恒达 (D-E-010): tier B → A; 现在触发 / now fires: TierA_TopSales}
	 */
	public record Change(String subjectType, String subjectId, String name, Map<String, Object> before,
			Map<String, Object> after, List<String> rulesNowFiring, List<String> rulesNoLongerFiring,
			List<String> firedRulesAfter, DecisionSubject.Reason reasonAfter, String summary) {
	}

	/**
	 * @param cycleEnded whether the decision's cycle (its root process instance) has ended
	 * @param notReproduced for a replay: subjects whose re-run under the version in force then differs from
	 * the recorded result (0 = the record is reproduced exactly); {@code null} for a what-if
	 * @param counts per result kind and value, how many subjects have it before and after
	 */
	public record Replay(String ruleSet, String decisionId, String processInstanceId, String tenantId,
			Instant evaluatedAt, boolean cycleEnded, Side before, Side after, Integer notReproduced, int subjects,
			int changed, Map<String, Map<String, Count>> counts, List<Change> changes) {
	}

	/**
	 * The decision as made then, re-run with the version in force then and with today's; audited
	 * ({@link DecisionReplayed}) whether it compares or fails.
	 */
	public Replay replay(String decisionId, Set<String> regions, String userId) {
		Decision decision = replayable(decisionId, regions);
		RuleSetAt then = EngineCalls.withoutAuthorization(engine,
				() -> registry.at(engine.getRepositoryService(), decision.deploymentId(), decision.ruleSet()));
		RuleSetAt today = inForce(decision.ruleSet());
		Map<String, String> versions = Map.of("then", then.version().label(), "thenSha256", then.version().contentHash(),
				"inForce", today.version().label(), "inForceSha256", today.version().contentHash());
		try {
			Replay replay = compare(decision, Side.of("then", then.version()), then, Side.of("inForce", today.version()),
					today, true);
			events.publishEvent(new DecisionReplayed(userId, decisionId, decision.ruleSet(), versions, "COMPARED", null));
			return replay;
		}
		catch (IllegalArgumentException ex) {
			events.publishEvent(new DecisionReplayed(userId, decisionId, decision.ruleSet(), versions, "FAILED", ex.getMessage()));
			throw ex;
		}
	}

	/**
	 * Runs a candidate rule set on the facts of a recorded decision, for nothing but to see that it does not
	 * fail there.
	 * @throws IllegalArgumentException with the fixed message of the failure
	 */
	public void runOn(String decisionId, RuleSetAt candidate) {
		Decision decision = replayable(decisionId, null);
		run(Side.of("candidate", candidate.version()), candidate, queries.facts(decision.id()));
	}

	/** The decision re-run with the rules in force and with candidate rules (not deployed). */
	public Replay whatIf(String decisionId, RuleSetAt candidate) {
		Decision decision = replayable(decisionId, null);
		RuleSetAt today = inForce(decision.ruleSet());
		return compare(decision, Side.of("inForce", today.version()), today, Side.of("candidate", candidate.version()),
				candidate, false);
	}

	/**
	 * The decision a what-if of {@code ruleSet} in a region compares on: the latest evaluation of a cycle
	 * that has ended, or of a running one when none has; within one cycle when {@code processInstanceId} is
	 * given. Only decisions that kept their facts (recorded since V9) can be re-run.
	 */
	public Optional<String> basis(String ruleSet, String region, String processInstanceId) {
		List<Object> args = new ArrayList<>(List.of(ruleSet, region));
		String cycle = "";
		if (processInstanceId != null) {
			cycle = " and d.process_instance_id = ?";
			args.add(processInstanceId);
		}
		return jdbc.queryForList("select d.id from decision d left join ACT_HI_PROCINST p on p.ID_ = d.process_instance_id "
				+ "where d.rule_set = ? and d.tenant_id = ? and d.kind = 'EVALUATION'" + cycle
				+ " and exists (select 1 from decision_facts f where f.decision_id = d.id)"
				+ " order by case when p.END_TIME_ is null then 1 else 0 end, d.evaluated_at desc, d.id fetch first 1 rows only",
				String.class, args.toArray()).stream().findFirst();
	}

	private Decision replayable(String decisionId, Set<String> regions) {
		Decision decision = queries.find(decisionId, regions)
			.orElseThrow(() -> new NoSuchDecisionException(decisionId));
		if (!"EVALUATION".equals(decision.kind())) {
			throw new IllegalArgumentException("决策 " + decisionId + " 是人工调整，不能重放 / decision '" + decisionId
					+ "' is a person's override, not a rule evaluation: it cannot be replayed");
		}
		return decision;
	}

	private RuleSetAt inForce(String ruleSet) {
		return rulesInForce.inForce(ruleSet).orElseThrow(() -> new IllegalArgumentException("规则集 " + ruleSet
				+ " 已不在当前部署中 / rule set '" + ruleSet + "' is not in the deployment in force"));
	}

	private Replay compare(Decision decision, Side beforeSide, RuleSetAt before, Side afterSide, RuleSetAt after,
			boolean checkRecorded) {
		List<Object> facts = queries.facts(decision.id());
		if (facts.isEmpty() && decision.subjectCount() > 0) {
			throw new IllegalArgumentException("决策 " + decision.id() + " 记录于保存输入事实之前，不能重放 / decision '"
					+ decision.id() + "' was recorded before its input facts were kept: it cannot be replayed");
		}
		List<DecisionRecorder.Row> beforeRows = DecisionRecorder.rows(run(beforeSide, before, facts));
		Map<String, DecisionRecorder.Row> afterRows = new LinkedHashMap<>();
		DecisionRecorder.rows(run(afterSide, after, facts)).forEach(row -> afterRows.put(key(row), row));
		Map<String, Map<String, int[]>> counts = new TreeMap<>();
		List<Change> changes = new ArrayList<>();
		for (DecisionRecorder.Row was : beforeRows) {
			DecisionRecorder.Row now = afterRows.get(key(was));
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

	/** A rule set that fails or loops on the facts is the caller's problem to fix: 400 naming the version. */
	private RuleRun run(Side side, RuleSetAt rules, List<Object> facts) {
		try {
			return rules.run(facts, settings.limits());
		}
		catch (RuleEvaluationException ex) {
			throw new IllegalArgumentException("规则版本 " + side.label() + " 在决策的事实上失败 / the " + side.label()
					+ " rules fail on the decision's facts: " + ex.getMessage());
		}
	}

	private boolean cycleEnded(String processInstanceId) {
		return processInstanceId != null && !jdbc.queryForList(
				"select ID_ from ACT_HI_PROCINST where ID_ = ? and END_TIME_ is not null", String.class, processInstanceId)
			.isEmpty();
	}

	/** Several values of one kind (e.g. flags) in sorted order: the order rules fired in is no difference. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> normalized(Map<?, ?> result) {
		Map<String, Object> sorted = new TreeMap<>();
		if (result != null) {
			result.forEach((kind, value) -> sorted.put(String.valueOf(kind), value instanceof List<?> list
					? list.stream().map(String::valueOf).sorted().toList() : value));
		}
		return sorted;
	}

	private static void count(Map<String, Map<String, int[]>> counts, Map<String, Object> result, int side) {
		result.forEach((kind, value) -> {
			for (Object one : value instanceof List<?> list ? list : List.of(value)) {
				counts.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(String.valueOf(one), v -> new int[2])[side]++;
			}
		});
	}

	private Change change(DecisionRecorder.Row was, DecisionRecorder.Row now) {
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
		return new Change(was.type, was.id, name, before, after, nowFiring, noLongerFiring,
				List.copyOf(rulesAfter), now == null ? null : new DecisionSubject.Reason(now.reasonZh(), now.reasonEn()),
				summary.toString());
	}

	private String name(DecisionRecorder.Row row) {
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
		return value instanceof List<?> list ? String.join("+", list.stream().map(String::valueOf).toList()) : value.toString();
	}

	private static String key(DecisionRecorder.Row row) {
		return row.type + "\u0001" + row.id;
	}

	/** 404 in the API. */
	public static final class NoSuchDecisionException extends RuntimeException {

		NoSuchDecisionException(String id) {
			super("没有这个决策 / no decision '" + id + "'");
		}

	}

}
