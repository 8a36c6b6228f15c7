package io.regionplan.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.regionplan.engine.EngineCalls;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSetsInForce;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-runs a recorded decision on the facts it was given, with two rule versions side by
 * side, and reports every subject whose result differs ({@link DecisionComparison}): the
 * past decision with the version in force then and today's ({@link #replay}), or today's
 * rules and a process owner's candidate files ({@link #whatIf}). Nothing is written.
 */
@Component
public class DecisionReplay {

	private final DecisionQueries queries;

	private final RuleSetRegistry registry;

	private final RuleSetsInForce rulesInForce;

	private final ProcessEngine engine;

	private final JdbcTemplate jdbc;

	private final DecisionComparison comparison;

	private final ApplicationEventPublisher events;

	DecisionReplay(DecisionQueries queries, RuleSetRegistry registry, RuleSetsInForce rulesInForce,
			ProcessEngine engine, JdbcTemplate jdbc, DecisionComparison comparison, ApplicationEventPublisher events) {
		this.events = events;
		this.queries = queries;
		this.registry = registry;
		this.rulesInForce = rulesInForce;
		this.engine = engine;
		this.jdbc = jdbc;
		this.comparison = comparison;
	}

	/**
	 * A rule version in a comparison: {@code label} says which (then, in force,
	 * candidate).
	 */
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
	 *
	 * @param summary e.g.
	 * {@code 苏州恒达 (D-E-010): tier B → A; 现在触发 / now fires: TierA_TopSales}
	 */
	public record Change(String subjectType, String subjectId, String name, Map<String, Object> before,
			Map<String, Object> after, List<String> rulesNowFiring, List<String> rulesNoLongerFiring,
			List<String> firedRulesAfter, DecisionSubject.Reason reasonAfter, String summary) {
	}

	/**
	 * @param cycleEnded whether the decision's cycle (its root process instance) has
	 * ended
	 * @param notReproduced for a replay: subjects whose re-run under the version in force
	 * then differs from the recorded result (0 = the record is reproduced exactly);
	 * {@code null} for a what-if
	 * @param counts per result kind and value, how many subjects have it before and after
	 */
	public record Replay(String ruleSet, String decisionId, String processInstanceId, String tenantId,
			Instant evaluatedAt, boolean cycleEnded, Side before, Side after, Integer notReproduced, int subjects,
			int changed, Map<String, Map<String, Count>> counts, List<Change> changes) {
	}

	/**
	 * The decision as made then, re-run with the version in force then and with today's;
	 * audited ({@link DecisionReplayed}) whether it compares or fails.
	 */
	public Replay replay(String decisionId, Set<String> regions, String userId) {
		Decision decision = replayable(decisionId, regions);
		RuleSetAt then = EngineCalls.withoutAuthorization(engine,
				() -> registry.at(engine.getRepositoryService(), decision.deploymentId(), decision.ruleSet()));
		RuleSetAt today = inForce(decision.ruleSet());
		Map<String, String> versions = Map.of("then", then.version().label(), "thenSha256",
				then.version().contentHash(), "inForce", today.version().label(), "inForceSha256",
				today.version().contentHash());
		try {
			Replay replay = comparison.compare(decision, Side.of("then", then.version()), then,
					Side.of("inForce", today.version()), today, true);
			events
				.publishEvent(new DecisionReplayed(userId, decisionId, decision.ruleSet(), versions, "COMPARED", null));
			return replay;
		}
		catch (IllegalArgumentException ex) {
			events.publishEvent(
					new DecisionReplayed(userId, decisionId, decision.ruleSet(), versions, "FAILED", ex.getMessage()));
			throw ex;
		}
	}

	/**
	 * Runs a candidate rule set on the facts of a recorded decision, for nothing but to
	 * see that it does not fail there.
	 * @throws IllegalArgumentException with the fixed message of the failure
	 */
	public void runOn(String decisionId, RuleSetAt candidate) {
		Decision decision = replayable(decisionId, null);
		comparison.run(Side.of("candidate", candidate.version()), candidate, queries.facts(decision.id()));
	}

	/**
	 * The decision re-run with the rules in force and with candidate rules (not
	 * deployed).
	 */
	public Replay whatIf(String decisionId, RuleSetAt candidate) {
		Decision decision = replayable(decisionId, null);
		RuleSetAt today = inForce(decision.ruleSet());
		return comparison.compare(decision, Side.of("inForce", today.version()), today,
				Side.of("candidate", candidate.version()), candidate, false);
	}

	/**
	 * The decision a what-if of {@code ruleSet} in a region compares on: the latest
	 * evaluation of a cycle that has ended, or of a running one when none has; within one
	 * cycle when {@code processInstanceId} is given. Only decisions that kept their facts
	 * (recorded since V9) can be re-run.
	 */
	public Optional<String> basis(String ruleSet, String region, String processInstanceId) {
		List<Object> args = new ArrayList<>(List.of(ruleSet, region));
		String cycle = "";
		if (processInstanceId != null) {
			cycle = " and d.process_instance_id = ?";
			args.add(processInstanceId);
		}
		return jdbc
			.queryForList("select d.id from decision d left join ACT_HI_PROCINST p on p.ID_ = d.process_instance_id "
					+ "where d.rule_set = ? and d.tenant_id = ? and d.kind = 'EVALUATION'" + cycle
					+ " and exists (select 1 from decision_facts f where f.decision_id = d.id)"
					+ " order by case when p.END_TIME_ is null then 1 else 0 end, d.evaluated_at desc, d.id fetch first 1 rows only",
					String.class, args.toArray())
			.stream()
			.findFirst();
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
		return rulesInForce.inForce(ruleSet)
			.orElseThrow(() -> new IllegalArgumentException(
					"规则集 " + ruleSet + " 已不在当前部署中 / rule set '" + ruleSet + "' is not in the deployment in force"));
	}

	/** 404 in the API. */
	public static final class NoSuchDecisionException extends RuntimeException {

		NoSuchDecisionException(String id) {
			super("没有这个决策 / no decision '" + id + "'");
		}

	}

}
