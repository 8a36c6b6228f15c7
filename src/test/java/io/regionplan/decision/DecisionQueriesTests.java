package io.regionplan.decision;

import static io.regionplan.decision.Runs.dealer;
import static io.regionplan.decision.Runs.firing;
import static io.regionplan.decision.Runs.run;
import static io.regionplan.decision.Runs.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.RegionMedians;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions read back from the decision tables (H2, no Spring): filters, pages, region
 * scope, subjects from their chunks, a subject's history and the facts of a decision.
 */
class DecisionQueriesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final DecisionTables tables = new DecisionTables();

	private final DecisionRecorder recorder = new DecisionRecorder(tables.jdbc(), JSON);

	private final DecisionQueries queries = new DecisionQueries(tables.jdbc(), JSON);

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static final DecisionFilter ALL = new DecisionFilter(null, null, null, null, null, null);

	/** A classification of the given dealers (tier A each) at the given time. */
	private String decision(String processInstanceId, String tenantId, String at, String... dealerIds) {
		List<Object> dealers = new ArrayList<>();
		List<io.regionplan.rules.RuleRun.Firing> firings = new ArrayList<>();
		for (String id : dealerIds) {
			Dealer dealer = dealer(id, "name " + id);
			dealers.add(dealer);
			firings.add(firing("Tier_" + id, List.of(dealer), List.of(tier(id, "A"))));
		}
		String id = recorder.record(run(dealers, firings.toArray(io.regionplan.rules.RuleRun.Firing[]::new)),
				processInstanceId, "classify", tenantId, "user-" + tenantId);
		at(id, at);
		return id;
	}

	private void at(String decisionId, String instant) {
		tables.jdbc()
			.update("update decision set evaluated_at = ? where id = ?", Timestamp.from(Instant.parse(instant)),
					decisionId);
	}

	private List<String> ids(DecisionFilter filter) {
		return queries.list(filter, 0, 50, 100).content().stream().map(Decision::id).toList();
	}

	@Test
	void aDecisionIsFoundWithEverythingRecorded() {
		String id = decision("pi-1", "east", "2026-11-16T01:00:00Z", "d-01", "d-02");

		Decision decision = queries.find(id, null).orElseThrow();

		assertThat(decision).usingRecursiveComparison()
			.ignoringFields("subjects")
			.isEqualTo(new Decision(id, "dealer-classification", "deployment-1:0123456789ab", "deployment-1", Runs.HASH,
					"pi-1", "classify", "east", "user-east", Instant.parse("2026-11-16T01:00:00Z"), "EVALUATION", 2,
					List.of()));
		assertThat(decision.subjects()).extracting(DecisionSubject::subjectId).containsExactly("d-01", "d-02");
		DecisionSubject first = decision.subjects().get(0);
		assertThat(first.subjectType()).isEqualTo("dealer");
		assertThat(first.firedRules()).containsExactly("Tier_d-01");
		assertThat(first.result().toString()).isEqualTo("{\"tier\":\"A\"}");
		assertThat(first.reason()).isEqualTo(new DecisionSubject.Reason("等级 A", "tier A"));
		assertThat(first.inputs().get("name").asText()).isEqualTo("name d-01");
	}

	@Test
	void aDecisionOfAnotherRegionIsNotFound() {
		String id = decision("pi-1", "east", "2026-11-16T01:00:00Z", "d-01");

		assertThat(queries.find(id, Set.of("east", "north"))).isPresent();
		assertThat(queries.find(id, Set.of("south"))).isEmpty();
		assertThat(queries.find(id, Set.of())).isEmpty();
		assertThat(queries.find("no-such-id", null)).isEmpty();
	}

	@Test
	void decisionsAreListedNewestFirstAndPaged() {
		String older = decision("pi-1", "east", "2026-11-16T01:00:00Z", "d-01");
		String newest = decision("pi-1", "east", "2026-11-18T01:00:00Z", "d-01");
		String middle = decision("pi-2", "east", "2026-11-17T01:00:00Z", "d-01");

		DecisionQueries.Page first = queries.list(ALL, 0, 2, 100);
		DecisionQueries.Page second = queries.list(ALL, 1, 2, 100);

		assertThat(first.content()).extracting(Decision::id).containsExactly(newest, middle);
		assertThat(first.totalElements()).isEqualTo(3);
		assertThat(first.page()).isZero();
		assertThat(first.size()).isEqualTo(2);
		assertThat(second.content()).extracting(Decision::id).containsExactly(older);
		assertThat(second.page()).isEqualTo(1);
	}

	@Test
	void decisionsAreFilteredByProcessRuleSetAndTime() {
		String first = decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-01");
		String second = decision("pi-2", "east", "2026-11-17T00:00:00Z", "d-01");
		String third = decision("pi-2", "south", "2026-11-18T00:00:00Z", "d-01");
		tables.jdbc().update("update decision set rule_set = 'city-strategy' where id = ?", third);

		assertThat(ids(new DecisionFilter("pi-2", null, null, null, null, null))).containsExactly(third, second);
		assertThat(ids(new DecisionFilter(null, "dealer-classification", null, null, null, null)))
			.containsExactly(second, first);
		assertThat(ids(new DecisionFilter(null, null, null, Instant.parse("2026-11-17T00:00:00Z"), null, null)))
			.containsExactly(third, second);
		assertThat(ids(new DecisionFilter(null, null, null, null, Instant.parse("2026-11-17T00:00:00Z"), null)))
			.containsExactly(first);
		assertThat(ids(new DecisionFilter("pi-2", "dealer-classification", null, Instant.parse("2026-11-16T00:00:00Z"),
				Instant.parse("2026-11-19T00:00:00Z"), Set.of("east"))))
			.containsExactly(second);
		assertThat(queries.list(new DecisionFilter("pi-9", null, null, null, null, null), 0, 10, 10).totalElements())
			.isZero();
	}

	@Test
	void decisionsAreListedForTheReadableRegionsOnly() {
		String east = decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-01");
		String south = decision("pi-2", "south", "2026-11-17T00:00:00Z", "d-01");
		decision("pi-3", "north", "2026-11-18T00:00:00Z", "d-01");

		assertThat(ids(new DecisionFilter(null, null, null, null, null, Set.of("east", "south"))))
			.containsExactlyInAnyOrder(east, south);
		assertThat(ids(new DecisionFilter(null, null, null, null, null, Set.of()))).isEmpty();
		assertThat(ids(ALL)).hasSize(3);
	}

	@Test
	void filteredBySubjectADecisionShowsThatSubjectOnly() {
		String both = decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-01", "d-02");
		decision("pi-1", "east", "2026-11-17T00:00:00Z", "d-01");

		List<Decision> found = queries.list(new DecisionFilter(null, null, "d-02", null, null, null), 0, 10, 100)
			.content();

		assertThat(found).singleElement().satisfies(decision -> {
			assertThat(decision.id()).isEqualTo(both);
			assertThat(decision.subjectCount()).isEqualTo(2);
			assertThat(decision.subjects()).extracting(DecisionSubject::subjectId).containsExactly("d-02");
		});
	}

	@Test
	void aSubjectFilterIsAnIdNotAPattern() {
		decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-01", "dx01", "d%1");
		String exact = decision("pi-1", "east", "2026-11-17T00:00:00Z", "d_01", "a!b");

		assertThat(ids(new DecisionFilter(null, null, "d_01", null, null, null))).containsExactly(exact);
		assertThat(ids(new DecisionFilter(null, null, "a!b", null, null, null))).containsExactly(exact);
		assertThat(ids(new DecisionFilter(null, null, "d%", null, null, null))).isEmpty();
		assertThat(ids(new DecisionFilter(null, null, "d-0", null, null, null))).isEmpty();
	}

	@Test
	void aListShowsAtMostTheAskedNumberOfSubjectsPerDecision() {
		decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-01", "d-02", "d-03");

		assertThat(queries.list(ALL, 0, 10, 2).content().get(0).subjects()).extracting(DecisionSubject::subjectId)
			.containsExactly("d-01", "d-02");
		assertThat(queries.list(ALL, 0, 10, 0).content().get(0).subjects()).isEmpty();
		assertThat(queries.list(ALL, 0, 10, 0).content().get(0).subjectCount()).isEqualTo(3);
	}

	@Test
	void subjectsAreReadFromTheChunksThatHoldThem() {
		String[] ids = new String[520];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = "d-%03d".formatted(i);
		}
		String id = decision("pi-1", "east", "2026-11-16T00:00:00Z", ids);
		tables.jdbc()
			.update("update decision_subjects set subjects = 'not json' where chunk = 0 and decision_id = ?", id);

		List<Decision> found = queries.list(new DecisionFilter(null, null, "d-505", null, null, null), 0, 10, 100)
			.content();

		assertThat(found.get(0).subjects()).singleElement()
			.satisfies(subject -> assertThat(subject.subjectId()).isEqualTo("d-505"));
		assertThat(queries.list(new DecisionFilter(null, null, "d-250", null, null, null), 0, 10, 100)
			.content()
			.get(0)
			.subjects()).extracting(DecisionSubject::subjectId).containsExactly("d-250");
		assertThatThrownBy(() -> queries.find(id, null)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void allSubjectsOfALargeDecisionAreFoundInOrder() {
		String[] ids = new String[260];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = "d-%03d".formatted(i);
		}
		String id = decision("pi-1", "east", "2026-11-16T00:00:00Z", ids);

		assertThat(queries.find(id, null).orElseThrow().subjects()).extracting(DecisionSubject::subjectId)
			.containsExactly(ids);
	}

	@Test
	void anOverrideOfNoSubjectsHasNone() {
		String id = decision("pi-1", "east", "2026-11-16T00:00:00Z");

		assertThat(queries.find(id, null).orElseThrow().subjects()).isEmpty();
	}

	@Test
	void aSubjectsHistoryIsEveryDecisionAboutItOldestFirst() {
		String second = decision("pi-2", "east", "2026-11-17T00:00:00Z", "d-01", "d-02");
		String first = decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-02", "d-01");
		decision("pi-3", "east", "2026-11-18T00:00:00Z", "d-02");
		City city = new City("d-01", "east", "同号城市", null, BigDecimal.TEN, BigDecimal.ONE, List.of(), 12, null);
		at(recorder.record(run(List.of(city)), "pi-4", "strategy", "east", "wang"), "2026-11-19T00:00:00Z");

		List<Map<String, Object>> history = queries.history("dealer", "d-01", null, null);

		assertThat(history).extracting(entry -> entry.get("decisionId")).containsExactly(first, second);
		assertThat(history.get(0))
			.containsOnlyKeys("decisionId", "ruleSet", "ruleVersion", "processInstanceId", "userId", "evaluatedAt",
					"kind", "result", "reason")
			.containsEntry("ruleSet", "dealer-classification")
			.containsEntry("ruleVersion", "deployment-1:0123456789ab")
			.containsEntry("processInstanceId", "pi-1")
			.containsEntry("userId", "user-east")
			.containsEntry("evaluatedAt", Instant.parse("2026-11-16T00:00:00Z"))
			.containsEntry("kind", "EVALUATION")
			.containsEntry("reason", new DecisionSubject.Reason("等级 A", "tier A"));
		assertThat(history.get(0).get("result")).hasToString("{\"tier\":\"A\"}");
		assertThat(queries.history("city", "d-01", null, null)).hasSize(1);
	}

	@Test
	void aSubjectsHistoryIsFilteredByRuleSetAndRegion() {
		String east = decision("pi-1", "east", "2026-11-16T00:00:00Z", "d-01");
		String south = decision("pi-2", "south", "2026-11-17T00:00:00Z", "d-01");
		tables.jdbc().update("update decision set rule_set = 'other' where id = ?", south);

		assertThat(queries.history("dealer", "d-01", "dealer-classification", null))
			.extracting(entry -> entry.get("decisionId"))
			.containsExactly(east);
		assertThat(queries.history("dealer", "d-01", null, Set.of("south")))
			.extracting(entry -> entry.get("decisionId"))
			.containsExactly(south);
		assertThat(queries.history("dealer", "d_01", null, null)).isEmpty();
	}

	@Test
	void theFactsOfADecisionAreReadBackAsFactsInOrder() {
		Dealer d1 = dealer("d-01", "苏州恒达");
		RegionMedians medians = new RegionMedians("east", new BigDecimal("0.12"), new BigDecimal("1000"));
		List<Object> facts = new ArrayList<>(List.of(d1, medians));
		for (int i = 0; i < 300; i++) {
			facts.add(dealer("x-%03d".formatted(i), "dealer " + i));
		}
		String id = recorder.record(run(facts), null, null, null, "system");

		List<Object> read = queries.facts(id);

		assertThat(read).hasSize(302).startsWith(d1, medians).endsWith(dealer("x-299", "dealer 299"));
		assertThat(queries.facts("no-such-decision")).isEmpty();
	}

	/**
	 * A city to allocate to, recorded before the range flag was part of it, reads back
	 * within range; one recorded since keeps its flag.
	 */
	@Test
	void anAllocationCityReadsBackWithItsRangeFlagOrWithinRangeWhenRecordedBeforeIt() {
		AllocationCity far = new AllocationCity("wenzhou", "温州", "MAINTAIN", new BigDecimal("1000"), true);
		String id = recorder.record(run(List.of(far)), null, null, null, "system");
		String older = recorder.record(run(List.of(far)), null, null, null, "system");
		tables.jdbc()
			.update("update decision_facts set facts = ? where decision_id = ?",
					"[{\"type\": \"AllocationCity\", "
							+ "\"fact\": {\"cityId\": \"wenzhou\", \"name\": \"温州\", \"strategy\": \"MAINTAIN\", "
							+ "\"marketSize\": 1000}}]",
					older);

		assertThat(queries.facts(id)).containsExactly(far);
		assertThat(queries.facts(older))
			.containsExactly(new AllocationCity("wenzhou", "温州", "MAINTAIN", new BigDecimal("1000")));
	}

	@Test
	void factsThatCannotBeReadAreRefusedNamingTheDecision() {
		String id = recorder.record(run(List.of(dealer("d-01", "x"))), null, null, null, "system");
		tables.jdbc()
			.update("update decision_facts set facts = ? where decision_id = ?",
					"[{\"type\": \"Dealer\", \"fact\": {\"overdueDays\": \"many\"}}]", id);

		assertThatThrownBy(() -> queries.facts(id)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("决策 " + id + " 的输入无法读取 / the facts of decision " + id + " cannot be read: ");
	}

	@Test
	void aStoredFactTypeNamesOnlyARecordOfTheFactPackage() {
		assertThat(DecisionQueries.factType("Dealer")).isEqualTo(Dealer.class);
		assertThat(DecisionQueries.factType("RegionMedians")).isEqualTo(RegionMedians.class);
		for (String name : new String[] { "Subject", "Percent", "Nothing", "dealer", "java.lang.Runtime", "Dealer$1",
				"" }) {
			assertThatThrownBy(() -> DecisionQueries.factType(name)).as(name)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("未知的事实类型 / unknown fact type '" + name + "'");
		}
	}

}
