package io.regionplan.decision;

import static io.regionplan.decision.Runs.HASH;
import static io.regionplan.decision.Runs.dealer;
import static io.regionplan.decision.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.StandInCommands;
import io.regionplan.decision.DecisionReplay.Replay;
import io.regionplan.decision.DecisionReplay.Side;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSetsInForce;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which decision is re-run with which rule versions, and how a replay is audited: the
 * comparison, the registry and the engine stood in; the choice of a what-if's decision on
 * the decision tables in H2.
 */
class DecisionReplayTests {

	private static final RuleSetVersion THEN = new RuleSetVersion("dealer-classification", "deployment-1", HASH);

	private static final RuleSetVersion TODAY = new RuleSetVersion("dealer-classification", "deployment-2",
			"abcdefabcdef" + HASH.substring(12));

	private static final RuleSetVersion CANDIDATE = new RuleSetVersion("dealer-classification", null,
			"999999999999" + HASH.substring(12));

	private final DecisionTables tables = new DecisionTables();

	private final DecisionQueries queries = mock(DecisionQueries.class);

	private final RuleSetRegistry registry = mock(RuleSetRegistry.class);

	private final RuleSetsInForce inForce = mock(RuleSetsInForce.class);

	private final ProcessEngine engine = mock(ProcessEngine.class);

	private final RepositoryService repository = mock(RepositoryService.class);

	private final DecisionComparison comparison = mock(DecisionComparison.class);

	private final List<Object> published = new ArrayList<>();

	private final DecisionReplay replay = new DecisionReplay(queries, registry, inForce, engine, tables.jdbc(),
			comparison, published::add);

	private final RuleSetAt then = new RuleSetAt(THEN, null);

	private final RuleSetAt today = new RuleSetAt(TODAY, null);

	private final RuleSetAt candidate = new RuleSetAt(CANDIDATE, null);

	private final Replay compared = new Replay("dealer-classification", "dec-1", "pi-1", "east",
			Instant.parse("2026-11-16T00:00:00Z"), true, null, null, 0, 3, 1, Map.of(), List.of());

	@BeforeEach
	void engineWithoutAuthorization() {
		// built before the stubbing: it stubs a mock of its own
		var configuration = StandInCommands.configuration();
		when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
		when(engine.getRepositoryService()).thenReturn(repository);
		when(registry.at(repository, "deployment-1", "dealer-classification")).thenReturn(then);
		when(inForce.inForce("dealer-classification")).thenReturn(Optional.of(today));
	}

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static Decision decision(String id, String kind) {
		return new Decision(id, "dealer-classification", THEN.label(), "deployment-1", HASH, "pi-1", "classify", "east",
				"li.manager", Instant.parse("2026-11-16T00:00:00Z"), kind, 3, List.of());
	}

	private void found(Decision decision, Set<String> regions) {
		when(queries.find(decision.id(), regions)).thenReturn(Optional.of(decision));
	}

	@Test
	void aReplayComparesTheVersionThenWithTodaysAndIsAudited() {
		Decision decision = decision("dec-1", "EVALUATION");
		found(decision, Set.of("east"));
		when(comparison.compare(decision, new Side("then", "deployment-1:0123456789ab", "deployment-1", HASH), then,
				new Side("inForce", "deployment-2:abcdefabcdef", "deployment-2", TODAY.contentHash()), today, true))
			.thenReturn(compared);

		assertThat(replay.replay("dec-1", Set.of("east"), "sun.auditor")).isSameAs(compared);

		assertThat(published)
			.containsExactly(
					new DecisionReplayed("sun.auditor", "dec-1", "dealer-classification",
							Map.of("then", "deployment-1:0123456789ab", "thenSha256", HASH, "inForce",
									"deployment-2:abcdefabcdef", "inForceSha256", TODAY.contentHash()),
							"COMPARED", null));
	}

	@Test
	void aReplayThatFailsIsAuditedWithTheProblemAndFails() {
		Decision decision = decision("dec-1", "EVALUATION");
		found(decision, null);
		IllegalArgumentException failure = new IllegalArgumentException("规则版本 then 失败 / the then rules fail");
		when(comparison.compare(any(), any(), any(), any(), any(), anyBoolean())).thenThrow(failure);

		assertThatThrownBy(() -> replay.replay("dec-1", null, "sun.auditor")).isSameAs(failure);

		assertThat(published).singleElement().isInstanceOfSatisfying(DecisionReplayed.class, event -> {
			assertThat(event.outcome()).isEqualTo("FAILED");
			assertThat(event.problem()).isEqualTo("规则版本 then 失败 / the then rules fail");
			assertThat(event.versions()).containsEntry("then", "deployment-1:0123456789ab")
				.containsEntry("inForce", "deployment-2:abcdefabcdef");
		});
	}

	@Test
	void aDecisionThatIsNotThereOrNotReadableIsNoSuchDecision() {
		when(queries.find("dec-9", Set.of("east"))).thenReturn(Optional.empty());

		assertThatThrownBy(() -> replay.replay("dec-9", Set.of("east"), "li.manager"))
			.isInstanceOf(DecisionReplay.NoSuchDecisionException.class)
			.hasMessage("没有这个决策 / no decision 'dec-9'");
		assertThat(published).isEmpty();
	}

	@Test
	void anOverrideIsNoEvaluationToReplay() {
		found(decision("dec-2", "OVERRIDE"), null);

		assertThatThrownBy(() -> replay.whatIf("dec-2", candidate)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("决策 dec-2 是人工调整，不能重放 / decision 'dec-2' is a person's override, not a rule evaluation: "
					+ "it cannot be replayed");
	}

	@Test
	void aRuleSetNoLongerDeployedCannotBeComparedWithToday() {
		found(decision("dec-1", "EVALUATION"), null);
		when(inForce.inForce("dealer-classification")).thenReturn(Optional.empty());

		assertThatThrownBy(() -> replay.replay("dec-1", null, "sun.auditor"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("规则集 dealer-classification 已不在当前部署中 / rule set 'dealer-classification' is not in the "
					+ "deployment in force");
	}

	@Test
	void aWhatIfComparesTodaysRulesWithTheCandidateWithoutCheckingTheRecord() {
		Decision decision = decision("dec-1", "EVALUATION");
		found(decision, null);
		when(comparison.compare(decision, Side.of("inForce", TODAY), today,
				new Side("candidate", null, null, CANDIDATE.contentHash()), candidate, false))
			.thenReturn(compared);

		assertThat(replay.whatIf("dec-1", candidate)).isSameAs(compared);
		assertThat(published).isEmpty();
	}

	@Test
	void aCandidateIsRunOnTheDecisionsFacts() {
		found(decision("dec-1", "EVALUATION"), null);
		List<Object> facts = List.of(dealer("d-01", "x"));
		when(queries.facts("dec-1")).thenReturn(facts);

		replay.runOn("dec-1", candidate);

		verify(comparison).run(new Side("candidate", null, null, CANDIDATE.contentHash()), candidate, facts);
	}

	/** A decision with facts, of the given cycle, region, kind and time. */
	private String recorded(String processInstanceId, String region, String at) {
		DecisionRecorder recorder = new DecisionRecorder(tables.jdbc(), new ObjectMapper());
		String id = recorder.record(run(List.of(dealer("d-01", "x"))), processInstanceId, "classify", region, "system");
		tables.jdbc()
			.update("update decision set evaluated_at = ? where id = ?", Timestamp.from(Instant.parse(at)), id);
		return id;
	}

	@Test
	void theBasisOfAWhatIfIsTheLatestDecisionOfAnEndedCycle() {
		tables.processInstance("pi-ended-1", true);
		tables.processInstance("pi-ended-2", true);
		tables.processInstance("pi-running", false);
		recorded("pi-ended-1", "east", "2026-11-16T00:00:00Z");
		String latestEnded = recorded("pi-ended-2", "east", "2026-11-17T00:00:00Z");
		recorded("pi-ended-1", "east", "2026-11-15T00:00:00Z");
		recorded("pi-running", "east", "2026-11-20T00:00:00Z");

		assertThat(replay.basis("dealer-classification", "east", null)).contains(latestEnded);
	}

	@Test
	void withoutAnEndedCycleTheBasisIsTheLatestOfARunningOne() {
		tables.processInstance("pi-running", false);
		recorded("pi-running", "east", "2026-11-16T00:00:00Z");
		String latest = recorded("pi-running", "east", "2026-11-18T00:00:00Z");
		recorded(null, "east", "2026-11-17T00:00:00Z");

		assertThat(replay.basis("dealer-classification", "east", null)).contains(latest);
	}

	@Test
	void theBasisIsAnEvaluationOfTheRuleSetInTheRegionThatKeptItsFacts() {
		tables.processInstance("pi-1", true);
		String kept = recorded("pi-1", "east", "2026-11-10T00:00:00Z");
		String override = recorded("pi-1", "east", "2026-11-11T00:00:00Z");
		tables.jdbc().update("update decision set kind = 'OVERRIDE' where id = ?", override);
		String withoutFacts = recorded("pi-1", "east", "2026-11-12T00:00:00Z");
		tables.jdbc().update("delete from decision_facts where decision_id = ?", withoutFacts);
		String otherRuleSet = recorded("pi-1", "east", "2026-11-13T00:00:00Z");
		tables.jdbc().update("update decision set rule_set = 'city-strategy' where id = ?", otherRuleSet);
		recorded("pi-1", "south", "2026-11-14T00:00:00Z");

		assertThat(replay.basis("dealer-classification", "east", null)).contains(kept);
		assertThat(replay.basis("dealer-classification", "north", null)).isEmpty();
	}

	@Test
	void theBasisCanBeTakenFromOneCycle() {
		tables.processInstance("pi-1", true);
		tables.processInstance("pi-2", false);
		recorded("pi-1", "east", "2026-11-16T00:00:00Z");
		String ofCycle = recorded("pi-2", "east", "2026-11-15T00:00:00Z");

		assertThat(replay.basis("dealer-classification", "east", "pi-2")).contains(ofCycle);
		assertThat(replay.basis("dealer-classification", "east", "pi-3")).isEmpty();
	}

}
