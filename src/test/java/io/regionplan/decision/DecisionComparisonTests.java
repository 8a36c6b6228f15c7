package io.regionplan.decision;

import static io.regionplan.decision.Runs.HASH;
import static io.regionplan.decision.Runs.dealer;
import static io.regionplan.decision.Runs.firing;
import static io.regionplan.decision.Runs.flag;
import static io.regionplan.decision.Runs.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.decision.DecisionReplay.Change;
import io.regionplan.decision.DecisionReplay.Count;
import io.regionplan.decision.DecisionReplay.Replay;
import io.regionplan.decision.DecisionReplay.Side;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.RuleEvaluationException;
import io.regionplan.rules.RuleLimits;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RulesSettings;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.RegionMedians;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Two rule versions run on the facts of one decision (the rule sets stood in by their
 * runs, the history by an H2 table): what changed, what fires, the counts, and whether
 * the record is reproduced.
 */
class DecisionComparisonTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final RulesSettings SETTINGS = new RulesSettings(1000, Duration.ofSeconds(5),
			DataSize.ofMegabytes(64), DataSize.ofMegabytes(1));

	private static final RuleLimits LIMITS = new RuleLimits(1000, Duration.ofSeconds(5), 64L << 20, 1L << 20);

	private static final RuleSetVersion THEN = new RuleSetVersion("dealer-classification", "deployment-1", HASH);

	private static final RuleSetVersion NOW = new RuleSetVersion("dealer-classification", "deployment-2",
			"fedcba9876543210" + HASH.substring(16));

	private static final Side THEN_SIDE = Side.of("then", THEN);

	private static final Side NOW_SIDE = Side.of("inForce", NOW);

	private static final Dealer D1 = dealer("d-01", "苏州恒达");

	private static final Dealer D2 = dealer("d-02", "无锡顺发");

	private static final Dealer NAMELESS = new Dealer("d-03", "east", null, BigDecimal.ONE, null, null, null, 0, 0);

	private static final RegionMedians MEDIANS = new RegionMedians("east", BigDecimal.ONE, BigDecimal.TEN);

	private static final List<Object> FACTS = List.of(D1, D2, MEDIANS);

	private final DecisionTables tables = new DecisionTables();

	private final DecisionQueries queries = mock(DecisionQueries.class);

	private final DecisionComparison comparison = new DecisionComparison(queries, SETTINGS, tables.jdbc(), JSON);

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static Decision decision(String processInstanceId, int subjectCount, List<DecisionSubject> recorded) {
		return new Decision("dec-1", "dealer-classification", THEN.label(), "deployment-1", HASH, processInstanceId,
				"classify", "east", "li.manager", Instant.parse("2026-11-16T01:00:00Z"), "EVALUATION", subjectCount,
				recorded);
	}

	private static RuleSetAt rules(RuleSetVersion version, List<Object> facts, RuleRun run) {
		CompiledRuleSet compiled = mock(CompiledRuleSet.class);
		when(compiled.run(version, facts, LIMITS)).thenReturn(run);
		return new RuleSetAt(version, compiled);
	}

	private static RuleRun run(RuleSetVersion version, List<Object> inputs, RuleRun.Firing... firings) {
		return new RuleRun(version, inputs, List.of(firings), inputs);
	}

	/** Then: d-01 tier B, OVERDUE and DECLINING; d-02 tier C. */
	private static RuleSetAt then() {
		return rules(THEN, FACTS,
				run(THEN, FACTS, firing("TierB", List.of(D1), List.of(tier("d-01", "B"))),
						firing("Overdue", List.of(D1), List.of(flag("d-01", "OVERDUE"))),
						firing("Declining", List.of(D1), List.of(flag("d-01", "DECLINING"))),
						firing("TierC", List.of(D2), List.of(tier("d-02", "C")))));
	}

	/** Now: d-01 tier A with the same flags fired the other way round; d-02 tier C. */
	private static RuleSetAt now() {
		return rules(NOW, FACTS,
				run(NOW, FACTS, firing("TierA", List.of(D1), List.of(tier("d-01", "A"))),
						firing("Declining", List.of(D1), List.of(flag("d-01", "DECLINING"))),
						firing("Overdue", List.of(D1), List.of(flag("d-01", "OVERDUE"))),
						firing("TierC", List.of(D2), List.of(tier("d-02", "C")))));
	}

	private static DecisionSubject recorded(String dealerId, String result) throws Exception {
		return new DecisionSubject("dealer", dealerId, null, List.of(), JSON.readTree(result), null);
	}

	@Test
	void aSubjectWhoseResultDiffersIsAChangeWithTheRulesThatNowFireOrNoLonger() {
		when(queries.facts("dec-1")).thenReturn(FACTS);

		Replay replay = comparison.compare(decision(null, 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false);

		assertThat(replay.subjects()).isEqualTo(2);
		assertThat(replay.changed()).isEqualTo(1);
		assertThat(replay.changes()).singleElement()
			.isEqualTo(
					new Change("dealer", "d-01", "苏州恒达", Map.of("tier", "B", "flag", List.of("DECLINING", "OVERDUE")),
							Map.of("tier", "A", "flag", List.of("DECLINING", "OVERDUE")), List.of("TierA"),
							List.of("TierB"), List.of("TierA", "Declining", "Overdue"),
							new DecisionSubject.Reason("等级 A；标记 DECLINING；标记 OVERDUE",
									"tier A; flag DECLINING; flag OVERDUE"),
							"苏州恒达 (d-01): tier B → A; 现在触发 / now fires: TierA; 不再触发 / no longer fires: TierB"));
	}

	@Test
	void eachResultValueIsCountedBeforeAndAfter() {
		when(queries.facts("dec-1")).thenReturn(FACTS);

		Replay replay = comparison.compare(decision(null, 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false);

		assertThat(replay.counts()).containsExactly(
				Map.entry("flag", Map.of("DECLINING", new Count(1, 1), "OVERDUE", new Count(1, 1))),
				Map.entry("tier", Map.of("A", new Count(0, 1), "B", new Count(1, 0), "C", new Count(1, 1))));
		assertThat(replay.counts().get("tier").keySet()).containsExactly("A", "B", "C");
	}

	@Test
	void theReplayNamesTheDecisionItsCycleAndBothSides() {
		when(queries.facts("dec-1")).thenReturn(FACTS);

		Replay replay = comparison.compare(decision("pi-1", 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false);

		assertThat(replay.ruleSet()).isEqualTo("dealer-classification");
		assertThat(replay.decisionId()).isEqualTo("dec-1");
		assertThat(replay.processInstanceId()).isEqualTo("pi-1");
		assertThat(replay.tenantId()).isEqualTo("east");
		assertThat(replay.evaluatedAt()).isEqualTo(Instant.parse("2026-11-16T01:00:00Z"));
		assertThat(replay.before()).isEqualTo(new Side("then", "deployment-1:0123456789ab", "deployment-1", HASH));
		assertThat(replay.after()).isEqualTo(NOW_SIDE);
		assertThat(replay.notReproduced()).isNull();
		assertThat(replay.cycleEnded()).isFalse();
	}

	@Test
	void theCycleHasEndedWhenItsProcessInstanceHasAnEndTime() {
		when(queries.facts("dec-1")).thenReturn(FACTS);
		tables.processInstance("pi-ended", true);
		tables.processInstance("pi-running", false);

		assertThat(comparison.compare(decision("pi-ended", 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false)
			.cycleEnded()).isTrue();
		assertThat(comparison.compare(decision("pi-running", 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false)
			.cycleEnded()).isFalse();
		assertThat(comparison.compare(decision("pi-unknown", 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false)
			.cycleEnded()).isFalse();
	}

	@Test
	void theRecordIsReproducedWhenTheRunThenGivesEveryRecordedResultInAnyOrder() throws Exception {
		when(queries.facts("dec-1")).thenReturn(FACTS);
		List<DecisionSubject> recorded = List.of(
				recorded("d-01", "{\"tier\": \"B\", \"flag\": [\"OVERDUE\", \"DECLINING\"]}"),
				recorded("d-02", "{\"tier\": \"C\"}"));

		assertThat(comparison.compare(decision(null, 2, recorded), THEN_SIDE, then(), NOW_SIDE, now(), true)
			.notReproduced()).isZero();
	}

	@Test
	void aSubjectWhoseRecordDiffersFromTheRunThenIsNotReproduced() throws Exception {
		when(queries.facts("dec-1")).thenReturn(FACTS);
		List<DecisionSubject> recorded = List.of(recorded("d-01", "{\"tier\": \"B\", \"flag\": [\"OVERDUE\"]}"),
				recorded("d-02", "{\"tier\": \"C\"}"));

		assertThat(comparison.compare(decision(null, 2, recorded), THEN_SIDE, then(), NOW_SIDE, now(), true)
			.notReproduced()).isEqualTo(1);
		assertThat(comparison.compare(decision(null, 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), true)
			.notReproduced()).isEqualTo(2);
	}

	@Test
	void aSubjectWithoutResultAfterLosesItsResultsAndRules() {
		List<Object> facts = List.of(D1, D2);
		when(queries.facts("dec-1")).thenReturn(facts);
		RuleSetAt before = rules(THEN, facts, run(THEN, facts, firing("TierC", List.of(D2), List.of(tier("d-02", "C"))),
				firing("Overdue", List.of(D2), List.of(flag("d-02", "OVERDUE")))));
		RuleSetAt after = rules(NOW, facts, run(NOW, List.of(D1)));

		Replay replay = comparison.compare(decision(null, 2, List.of()), THEN_SIDE, before, NOW_SIDE, after, false);

		assertThat(replay.changes()).singleElement().satisfies(change -> {
			assertThat(change.after()).isEmpty();
			assertThat(change.firedRulesAfter()).isEmpty();
			assertThat(change.rulesNowFiring()).isEmpty();
			assertThat(change.reasonAfter()).isNull();
			assertThat(change.summary())
				.isEqualTo("无锡顺发 (d-02): flag OVERDUE → —, tier C → —; 不再触发 / no longer fires: TierC, Overdue");
		});
		assertThat(replay.counts().get("tier")).isEqualTo(Map.of("C", new Count(1, 0)));
	}

	@Test
	void aSubjectWithoutNameIsNamedByItsIdAndSeveralValuesAreJoined() {
		List<Object> facts = List.of(NAMELESS);
		when(queries.facts("dec-1")).thenReturn(facts);
		RuleSetAt before = rules(THEN, facts,
				run(THEN, facts, firing("Overdue", List.of(NAMELESS), List.of(flag("d-03", "OVERDUE")))));
		RuleSetAt after = rules(NOW, facts,
				run(NOW, facts, firing("Overdue", List.of(NAMELESS), List.of(flag("d-03", "OVERDUE"))),
						firing("LowCoverage", List.of(NAMELESS), List.of(flag("d-03", "LOW_COVERAGE"))),
						firing("TierD", List.of(NAMELESS), List.of(tier("d-03", "D")))));

		Change change = comparison.compare(decision(null, 1, List.of()), THEN_SIDE, before, NOW_SIDE, after, false)
			.changes()
			.get(0);

		assertThat(change.name()).isNull();
		assertThat(change.summary())
			.isEqualTo("d-03: flag OVERDUE → LOW_COVERAGE+OVERDUE, tier — → D; 现在触发 / now fires: LowCoverage, TierD");
		assertThat(change.rulesNoLongerFiring()).isEmpty();
	}

	@Test
	void theSameResultsAreNoChange() {
		when(queries.facts("dec-1")).thenReturn(FACTS);

		Replay replay = comparison.compare(decision(null, 2, List.of()), THEN_SIDE, then(), THEN_SIDE, then(), false);

		assertThat(replay.changed()).isZero();
		assertThat(replay.changes()).isEmpty();
	}

	@Test
	void aDecisionRecordedBeforeItsFactsWereKeptCannotBeReplayed() {
		when(queries.facts("dec-1")).thenReturn(List.of());

		assertThatThrownBy(
				() -> comparison.compare(decision(null, 2, List.of()), THEN_SIDE, then(), NOW_SIDE, now(), false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("决策 dec-1 记录于保存输入事实之前，不能重放 / decision 'dec-1' was recorded before its input facts were "
					+ "kept: it cannot be replayed");
	}

	@Test
	void aDecisionAboutNothingIsReplayedOnNoFacts() {
		when(queries.facts("dec-1")).thenReturn(List.of());
		RuleSetAt empty = rules(THEN, List.of(), run(THEN, List.of()));

		Replay replay = comparison.compare(decision(null, 0, List.of()), THEN_SIDE, empty, NOW_SIDE, empty, true);

		assertThat(replay.subjects()).isZero();
		assertThat(replay.notReproduced()).isZero();
		assertThat(replay.counts()).isEmpty();
	}

	@Test
	void rulesThatFailOnTheFactsAreTheCallersProblemNamingTheSide() {
		CompiledRuleSet compiled = mock(CompiledRuleSet.class);
		when(compiled.run(any(), any(), any(RuleLimits.class)))
			.thenThrow(new RuleEvaluationException("规则 Loop 超过上限 / rule Loop exceeds the limit", null));

		assertThatThrownBy(() -> comparison.run(Side.of("candidate", NOW), new RuleSetAt(NOW, compiled), FACTS))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("规则版本 candidate 在决策的事实上失败 / the candidate rules fail on the decision's facts: "
					+ "规则 Loop 超过上限 / rule Loop exceeds the limit");
	}

	@Test
	void aVersionWithoutDeploymentHasNoLabel() {
		assertThat(Side.of("candidate", new RuleSetVersion("x", null, HASH)))
			.isEqualTo(new Side("candidate", null, null, HASH));
	}

}
