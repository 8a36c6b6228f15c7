package io.regionplan.decision;

import static io.regionplan.decision.Runs.HASH;
import static io.regionplan.decision.Runs.VERSION;
import static io.regionplan.decision.Runs.dealer;
import static io.regionplan.decision.Runs.firing;
import static io.regionplan.decision.Runs.flag;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.DecisionOverridden;
import io.regionplan.rules.DirectorDecided;
import io.regionplan.rules.RuleSetEvaluated;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.RegionMedians;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one evaluation or override writes to the decision tables (H2, no Spring): the
 * decision, its subjects and its facts in JSON chunks of 250.
 */
class DecisionRecorderTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final DecisionTables tables = new DecisionTables();

	private final DecisionRecorder recorder = new DecisionRecorder(tables.jdbc(), JSON);

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private Map<String, Object> decision(String id) {
		return tables.jdbc().queryForMap("select * from decision where id = ?", id);
	}

	private List<String> chunks(String table, String column, String id) {
		return tables.jdbc()
			.queryForList("select " + column + " from " + table + " where decision_id = ? order by chunk", String.class,
					id);
	}

	private List<Integer> chunkNumbers(String table, String id) {
		return tables.jdbc()
			.queryForList("select chunk from " + table + " where decision_id = ? order by chunk", Integer.class, id);
	}

	private static JsonNode tree(String json) throws Exception {
		return JSON.readTree(json);
	}

	@Test
	void anEvaluationIsOneDecisionWithItsVersionWhoAndWhen() {
		Instant before = Instant.now();

		String id = recorder.record(run(List.of(dealer("d-02", "无锡顺发"), dealer("d-01", "苏州恒达"))), "pi-1",
				"classifyDealers", "east", "li.manager");

		Map<String, Object> row = decision(id);
		assertThat(id).hasSize(36);
		assertThat(row).containsEntry("RULE_SET", "dealer-classification")
			.containsEntry("RULE_VERSION", "deployment-1:0123456789ab")
			.containsEntry("DEPLOYMENT_ID", "deployment-1")
			.containsEntry("CONTENT_HASH", HASH)
			.containsEntry("PROCESS_INSTANCE_ID", "pi-1")
			.containsEntry("ACTIVITY_ID", "classifyDealers")
			.containsEntry("TENANT_ID", "east")
			.containsEntry("USER_ID", "li.manager")
			.containsEntry("KIND", "EVALUATION")
			.containsEntry("SUBJECT_COUNT", 2)
			.containsEntry("SUBJECT_INDEX", "\nd-02\nd-01\n");
		assertThat(((Timestamp) row.get("EVALUATED_AT")).toInstant()).isBetween(before.minusMillis(1),
				Instant.now().plusMillis(1));
	}

	@Test
	void theEventOfARuleTaskIsRecorded() {
		recorder.on(new RuleSetEvaluated(run(List.of(dealer("d-01", "苏州恒达"))), "pi-2", "task", "south", "system"));

		assertThat(
				tables.jdbc().queryForList("select process_instance_id, activity_id, tenant_id, user_id from decision"))
			.singleElement()
			.isEqualTo(Map.of("PROCESS_INSTANCE_ID", "pi-2", "ACTIVITY_ID", "task", "TENANT_ID", "south", "USER_ID",
					"system"));
	}

	@Test
	void eachSubjectIsWrittenWithItsInputsRulesResultAndReason() throws Exception {
		Dealer d1 = dealer("d-01", "苏州恒达");
		String id = recorder.record(run(List.of(d1, new RegionMedians("east", BigDecimal.ONE, BigDecimal.TEN)),
				firing("TierA", List.of(d1), List.of(tier("d-01", "A"))),
				firing("Overdue", List.of(d1), List.of(flag("d-01", "OVERDUE")))), null, null, null, "system");

		assertThat(tree(chunks("decision_subjects", "subjects", id).get(0))).isEqualTo(tree("""
				[{"subjectType": "dealer", "subjectId": "d-01",
				  "inputs": {"dealerId": "d-01", "regionId": "east", "name": "苏州恒达", "sales": 1200, "growth": 0.15,
				    "percentile": 0.9, "coverage": null, "overdueDays": 3, "crossRegionIncidents": 0},
				  "firedRules": ["TierA", "Overdue"],
				  "result": {"tier": "A", "flag": "OVERDUE"},
				  "reason": {"zh": "等级 A；标记 OVERDUE", "en": "tier A; flag OVERDUE"}}]"""));
	}

	@Test
	void aSubjectGivenSeveralInputsKeepsThemAll() throws Exception {
		Dealer first = dealer("d-01", "苏州恒达");
		Dealer second = new Dealer("d-01", "east", "苏州恒达二", BigDecimal.ONE, null, null, null, 0, 0);

		String id = recorder.record(run(List.of(first, second)), null, null, null, "system");

		JsonNode inputs = tree(chunks("decision_subjects", "subjects", id).get(0)).get(0).get("inputs");
		assertThat(inputs.isArray()).isTrue();
		assertThat(inputs).extracting(input -> input.get("name").asText()).containsExactly("苏州恒达", "苏州恒达二");
	}

	@Test
	void subjectsAndFactsAreWrittenIn250sPerChunk() throws Exception {
		List<Object> dealers = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			dealers.add(dealer("d-%03d".formatted(i), "dealer " + i));
		}

		String id = recorder.record(run(dealers), null, null, null, "system");

		assertThat(chunkNumbers("decision_subjects", id)).containsExactly(0, 1, 2);
		assertThat(chunkNumbers("decision_facts", id)).containsExactly(0, 1, 2);
		List<String> subjects = chunks("decision_subjects", "subjects", id);
		assertThat(subjects).extracting(chunk -> JSON.readTree(chunk).size()).containsExactly(250, 250, 1);
		assertThat(tree(subjects.get(1)).get(0).get("subjectId").asText()).isEqualTo("d-250");
		assertThat(tree(subjects.get(2)).get(0).get("subjectId").asText()).isEqualTo("d-500");
		List<String> facts = chunks("decision_facts", "facts", id);
		assertThat(facts).extracting(chunk -> JSON.readTree(chunk).size()).containsExactly(250, 250, 1);
		assertThat(tree(facts.get(2)).get(0).get("fact").get("dealerId").asText()).isEqualTo("d-500");
	}

	@Test
	void exactly250SubjectsAreOneChunk() {
		List<Object> dealers = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			dealers.add(dealer("d-%03d".formatted(i), "dealer " + i));
		}

		String id = recorder.record(run(dealers), null, null, null, "system");

		assertThat(chunkNumbers("decision_subjects", id)).containsExactly(0);
		assertThat(chunkNumbers("decision_facts", id)).containsExactly(0);
	}

	@Test
	void anEvaluationOfNothingHasNoChunks() {
		String id = recorder.record(run(List.of()), null, null, null, "system");

		assertThat(decision(id)).containsEntry("SUBJECT_COUNT", 0).containsEntry("SUBJECT_INDEX", "\n");
		assertThat(chunkNumbers("decision_subjects", id)).isEmpty();
		assertThat(chunkNumbers("decision_facts", id)).isEmpty();
	}

	@Test
	void everyFactIsKeptWithItsTypeInInputOrder() throws Exception {
		String id = recorder.record(
				run(List.of(dealer("d-01", "苏州恒达"), new RegionMedians("east", new BigDecimal("0.12"), BigDecimal.TEN))),
				null, null, null, "system");

		assertThat(tree(chunks("decision_facts", "facts", id).get(0))).isEqualTo(tree("""
				[{"type": "Dealer", "fact": {"dealerId": "d-01", "regionId": "east", "name": "苏州恒达", "sales": 1200,
				   "growth": 0.15, "percentile": 0.9, "coverage": null, "overdueDays": 3, "crossRegionIncidents": 0}},
				 {"type": "RegionMedians", "fact": {"regionId": "east", "share": 0.12, "marketSize": 10}}]"""));
	}

	@Test
	void aFactOutsideTheFactPackageIsRefused() {
		assertThatThrownBy(() -> recorder.insertFacts("decision-1", List.of(dealer("d-01", "x"), "a string")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("未知的事实类型 / unknown fact type 'String'");
	}

	@Test
	void anOverrideIsADecisionWithTheResultBeforeAsItsInput() throws Exception {
		recorder.on(new DecisionOverridden(VERSION, "pi-1", "reviewStrategy", "east", "li.manager", "city", "suzhou",
				Map.of("strategy", "BREAKTHROUGH"), Map.of("strategy", "BASE_CAMP"), "新团队"));

		Map<String, Object> row = tables.jdbc().queryForMap("select * from decision");
		assertThat(row).containsEntry("KIND", "OVERRIDE")
			.containsEntry("SUBJECT_COUNT", 1)
			.containsEntry("SUBJECT_INDEX", "\nsuzhou\n")
			.containsEntry("USER_ID", "li.manager")
			.containsEntry("ACTIVITY_ID", "reviewStrategy")
			.containsEntry("RULE_VERSION", "deployment-1:0123456789ab");
		String id = (String) row.get("ID");
		assertThat(tree(chunks("decision_subjects", "subjects", id).get(0))).isEqualTo(
				tree("""
						[{"subjectType": "city", "subjectId": "suzhou", "inputs": {"before": {"strategy": "BREAKTHROUGH"}},
						  "firedRules": [], "result": {"strategy": "BASE_CAMP"},
						  "reason": {"zh": "人工调整：{before={strategy=BREAKTHROUGH}} → {strategy=BASE_CAMP}；理由：新团队",
						             "en": "override: {before={strategy=BREAKTHROUGH}} → {strategy=BASE_CAMP}; reason: 新团队"}}]"""));
		assertThat(chunkNumbers("decision_facts", id)).isEmpty();
	}

	@Test
	void aDirectorsAnswerIsADecisionWithTheFlagsInputsRuleAndReason() throws Exception {
		recorder.on(new DirectorDecided(VERSION, "pi-1", "Task_DirectorPlanApproval", "east", "zhao.director", "store",
				"S-001", Map.of("spend", new BigDecimal("20000"), "roi", new BigDecimal("0.75")),
				List.of("Roi_BelowMinimum"), Map.of("renewal", "RENEWED"), "总监续投；理由：新店长",
				"renewed; reason: new manager"));

		Map<String, Object> row = tables.jdbc().queryForMap("select * from decision");
		assertThat(row).containsEntry("KIND", "DIRECTOR")
			.containsEntry("SUBJECT_INDEX", "\nS-001\n")
			.containsEntry("USER_ID", "zhao.director")
			.containsEntry("ACTIVITY_ID", "Task_DirectorPlanApproval")
			.containsEntry("RULE_VERSION", "deployment-1:0123456789ab");
		assertThat(tree(chunks("decision_subjects", "subjects", (String) row.get("ID")).get(0))).isEqualTo(tree("""
				[{"subjectType": "store", "subjectId": "S-001", "inputs": {"spend": 20000, "roi": 0.75},
				  "firedRules": ["Roi_BelowMinimum"], "result": {"renewal": "RENEWED"},
				  "reason": {"zh": "总监续投；理由：新店长", "en": "renewed; reason: new manager"}}]"""));
	}

}
