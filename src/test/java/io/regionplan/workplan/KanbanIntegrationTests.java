package io.regionplan.workplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The OGSPM plan of a cycle on the kanban: its actions are cards; a manager moves a card,
 * the move is saved and kept with who and when; other regions and auditors cannot move
 * it.
 */
@IntegrationTest
class KanbanIntegrationTests {

	@Autowired
	CycleDriver driver;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private String cycle;

	/** Each test its own cycle: one moves a card another expects still to do. */
	@BeforeEach
	void planEast() {
		cycle = driver.runPlanning("east", "wang.east");
	}

	private List<JsonNode> cards(String user, String region) {
		JsonNode all = rest.withBasicAuth(user, "demo")
			.getForObject("/api/workplan/cards?region=" + region, JsonNode.class);
		List<JsonNode> list = new java.util.ArrayList<>();
		all.forEach(card -> {
			if (card.get("processInstanceId").asText().equals(cycle)) {
				list.add(card);
			}
		});
		return list;
	}

	@Test
	void everyActionOfTheWorkPlanIsACardToDo() {
		List<JsonNode> cards = cards("wang.east", "east");

		assertThat(cards).extracting(c -> c.get("action").asText())
			.containsExactlyInAnyOrder("南通新增 2 家经销商", "南通 KA 进场 40 家");
		assertThat(cards).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("TODO"));
		assertThat(cards).anySatisfy(c -> {
			assertThat(c.get("owner").asText()).isEqualTo("王经理");
			assertThat(c.get("due").asText()).isEqualTo("2027-03-31");
			assertThat(c.get("overdue").asBoolean()).isFalse();
		});
		assertThat(jdbc.queryForObject("select objective from work_plan where cycle_id = ?", String.class, cycle))
			.isEqualTo("华东份额第一 / lead East China");
	}

	@Test
	void aCycleShowsOnlyItsOwnCards() {
		String other = driver.runPlanning("east", "wang.east");

		JsonNode cards = rest.withBasicAuth("wang.east", "demo")
			.getForObject("/api/workplan/cards?region=east&processInstanceId=" + cycle, JsonNode.class);

		assertThat(cards).hasSize(2)
			.allSatisfy(card -> assertThat(card.get("processInstanceId").asText()).isEqualTo(cycle));
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForObject("/api/workplan/cards?region=east&processInstanceId=" + other, JsonNode.class)).hasSize(2)
			.allSatisfy(card -> assertThat(card.get("processInstanceId").asText()).isEqualTo(other));
	}

	@Test
	void managerMovesACardAndTheMoveIsKept() {
		JsonNode card = cards("wang.east", "east").get(0);

		ResponseEntity<JsonNode> moved = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/api/workplan/cards/" + card.get("id").asText() + "/move",
					Map.of("from", card.get("status").asText(), "to", "DOING", "version", card.get("version").asInt()),
					JsonNode.class);

		assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(moved.getBody().get("status").asText()).isEqualTo("DOING");
		assertThat(moved.getBody().get("updatedBy").asText()).isEqualTo("wang.east");
		Map<String, Object> kept = jdbc.queryForMap(
				"select from_status, to_status, user_id from work_plan_item_move " + "where item_id = ?",
				card.get("id").asText());
		assertThat(kept).containsEntry("FROM_STATUS", card.get("status").asText())
			.containsEntry("TO_STATUS", "DOING")
			.containsEntry("USER_ID", "wang.east");

		ResponseEntity<String> stale = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/api/workplan/cards/" + card.get("id").asText() + "/move",
					Map.of("from", card.get("status").asText(), "to", "DONE", "version", card.get("version").asInt()),
					String.class);
		assertThat(stale.getStatusCode()).as("moved by someone else meanwhile").isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void badStatusOtherRegionsAndAuditorsCannotMoveCards() {
		String id = cards("wang.east", "east").get(1).get("id").asText();

		assertThat(rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/api/workplan/cards/" + id + "/move", Map.of("to", "FINISHED"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rest.withBasicAuth("li.south", "demo")
			.postForEntity("/api/workplan/cards/" + id + "/move", Map.of("to", "DONE"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.withBasicAuth("sun.auditor", "demo")
			.postForEntity("/api/workplan/cards/" + id + "/move", Map.of("to", "DONE"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("li.south", "demo")
			.getForEntity("/api/workplan/cards?region=east", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(cards("zhao.director", "east")).hasSize(2);
	}

	@Test
	void onlyTheRegionsManagersAndDirectorsMoveCards() {
		String card = "card-" + System.nanoTime();
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		jdbc.update("insert into work_plan (cycle_id, region_id, objective, goals, strategies, measures, written_by, "
				+ "written_at) values (?, 'east', '-', '-', '-', '-', 'wang.east', ?)", card, now);
		jdbc.update("insert into work_plan_item (id, cycle_id, region_id, action, owner, due_date, status, version, "
				+ "updated_by, updated_at) values (?, ?, 'east', '铺货', '王经理', date '2027-03-31', 'TODO', 0, 'wang.east', ?)",
				card, card, now);
		String move = "/api/workplan/cards/" + card + "/move";

		for (String reader : List.of("chen.owner", "demo")) {
			ResponseEntity<JsonNode> refused = rest.withBasicAuth(reader, "demo")
				.postForEntity(move, Map.of("from", "TODO", "to", "DOING", "version", 0), JsonNode.class);

			assertThat(refused.getStatusCode()).as(reader).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(refused.getBody().get("message").asText()).contains("region's managers and by sales directors");
		}
		assertThat(rest.withBasicAuth("li.south", "demo")
			.postForEntity(move, Map.of("to", "DOING"), String.class)
			.getStatusCode()).as("another region's manager").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(jdbc.queryForList("select user_id from work_plan_item_move where item_id = ?", String.class, card))
			.as("nothing moved")
			.isEmpty();

		for (String[] mover : List.of(new String[] { "wang.east", "0", "TODO", "DOING" },
				new String[] { "zhao.director", "1", "DOING", "DONE" })) {
			assertThat(rest.withBasicAuth(mover[0], "demo")
				.postForEntity(move, Map.of("from", mover[2], "to", mover[3], "version", Integer.parseInt(mover[1])),
						JsonNode.class)
				.getStatusCode()).as(mover[0]).isEqualTo(HttpStatus.OK);
		}
		assertThat(jdbc.queryForList("select user_id from work_plan_item_move where item_id = ? order by moved_at",
				String.class, card))
			.containsExactly("wang.east", "zhao.director");
	}

	@Test
	void actionLinesThatAreNotDatedActionsAreRefusedNamingTheLine() {
		String other = driver.start("east");
		driver.readMarketAndChooseStrategy(other, "wang.east");
		driver.planAsForecast(other, "wang.east");
		driver.reviewTeam(other, "wang.east");
		driver.complete(other, "Task_ReviewDealersAndResources", "wang.east", Map.of());
		Map<String, Object> bad = new java.util.HashMap<>(CycleDriver.OGSPM);
		bad.put("ogspmPlans", "南通新增经销商 | 王经理 | 2027-03-31\n铺货 | 下个月");

		ResponseEntity<String> refused = driver.tryComplete(driver.task(other, "Task_WorkPlan"), "wang.east", bad);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("ogspmPlans").contains("line 2 must be 'action | owner | YYYY-MM-DD'");
	}

}
