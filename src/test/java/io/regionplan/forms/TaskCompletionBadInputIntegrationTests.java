package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad completions of a task over the engine REST API (complete and submit-form alike):
 * wrong types, missing and unknown fields, oversized values, Java-serialized objects.
 * Each is refused with a message naming the field, and the task stays open with not one
 * variable written.
 */
@IntegrationTest
class TaskCompletionBadInputIntegrationTests {

	static final String SERIALIZED_STRING = "rO0ABXQAA2FiYw=="; // ObjectOutputStream of
																// "abc"

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	String cycle;

	@BeforeEach
	void startACycle() {
		cycle = driver.start("east");
	}

	/** A bad body, what the answer must say, and its status. */
	record Bad(String body, HttpStatus status, String field, String says) {
	}

	private static String variables(String json) {
		return "{\"variables\": {" + json + "}}";
	}

	private static String serialized(String name) {
		return "\"" + name + "\": {\"value\": \"" + SERIALIZED_STRING + "\", \"type\": \"Object\", \"valueInfo\": "
				+ "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}";
	}

	private ResponseEntity<JsonNode> post(String path, String body) {
		return post("wang.east", path, body);
	}

	private ResponseEntity<JsonNode> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
	}

	/**
	 * Every bad body, through complete and submit-form: refused as expected, the task
	 * open, nothing written.
	 */
	private int refuseAll(Task task, List<Bad> bads) {
		rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "wang.east"), String.class);
		Map<String, Object> variables = new LinkedHashMap<>(runtime.getVariables(cycle));
		int rows = jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE", Integer.class);
		int details = jdbc.queryForObject("select count(*) from ACT_HI_DETAIL", Integer.class);
		int tried = 0;
		for (Bad bad : bads) {
			for (String endpoint : List.of("complete", "submit-form")) {
				ResponseEntity<JsonNode> refused = post("/engine-rest/task/" + task.getId() + "/" + endpoint,
						bad.body());
				String what = endpoint + " " + bad.says();

				assertThat(refused.getStatusCode()).as(what).isEqualTo(bad.status());
				assertThat(refused.getBody().get("message").asText()).as(what).contains(bad.says()).contains(" / ");
				if (bad.field() != null) {
					assertThat(refused.getBody().get("message").asText()).as(what).contains(bad.field());
				}
				tried++;
			}
		}
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
		assertThat(runtime.getVariables(cycle)).as("no variable written or changed").isEqualTo(variables);
		assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE", Integer.class)).isEqualTo(rows);
		assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL", Integer.class))
			.as("no variable update in history")
			.isEqualTo(details);
		return tried;
	}

	@Test
	void badCompletionsOfACheckboxAndTextFormAreRefusedAndChangeNothing() {
		Task task = driver.task(cycle, "Task_DataRefreshCheck");
		String tenMegabytes = "x".repeat(10 * 1024 * 1024);

		int tried = refuseAll(task, List.of(
				new Bad(variables("\"dataConfirmed\": {\"value\": \"yes\"}"), HttpStatus.BAD_REQUEST, "dataConfirmed",
						"must be true or false"),
				new Bad(variables("\"dataConfirmed\": {\"value\": \"abc\", \"type\": \"Boolean\"}"),
						HttpStatus.BAD_REQUEST, "dataConfirmed", "is not a Boolean"),
				new Bad(variables("\"dataConfirmed\": {\"value\": 1}"), HttpStatus.BAD_REQUEST, "dataConfirmed",
						"must be true or false"),
				new Bad(variables(""), HttpStatus.BAD_REQUEST, "dataConfirmed", "is required"),
				new Bad(variables("\"dataConfirmed\": {\"value\": false}"), HttpStatus.BAD_REQUEST, "dataConfirmed",
						"is required"),
				new Bad(variables("\"dataNotes\": {\"value\": \"note\"}"), HttpStatus.BAD_REQUEST, "dataConfirmed",
						"is required"),
				new Bad(variables("\"dataConfirmed\": {\"value\": true}, \"dataNotes\": {\"value\": \""
						+ "x".repeat(4001) + "\"}"), HttpStatus.BAD_REQUEST, "dataNotes",
						"must be at most 4000 characters"),
				new Bad(variables(
						"\"dataConfirmed\": {\"value\": true}, \"dataNotes\": {\"value\": \"" + tenMegabytes + "\"}"),
						HttpStatus.PAYLOAD_TOO_LARGE, null, "the request body is larger than 1 MB"),
				new Bad(variables("\"dataConfirmed\": {\"value\": true}, " + serialized("dataNotes")),
						HttpStatus.BAD_REQUEST, "dataNotes", "Java-serialized values are not accepted"),
				new Bad(variables("\"dataConfirmed\": {\"value\": true}, \"region\": {\"value\": \"south\"}"),
						HttpStatus.BAD_REQUEST, "region", "is not on the task's form 'data-refresh-check'"),
				new Bad(variables("\"dataConfirmed\": {\"value\": true}, \"budget\": {\"value\": 999999999}"),
						HttpStatus.BAD_REQUEST, "budget", "is not on the task's form"),
				new Bad(variables("\"dataConfirmed\": {\"value\": true}, " + serialized("payload")),
						HttpStatus.BAD_REQUEST, "payload", "is not on the task's form")));

		assertThat(tried).isEqualTo(24);
	}

	@Test
	void badNumbersAreRefusedAndChangeNothing() {
		driver.complete(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		Task task = driver.task(cycle, "Task_MarketVisits");
		String visits = "\"visitTargets\": {\"value\": \"a\"}, \"observations\": {\"value\": \"b\"}, "
				+ "\"interviews\": {\"value\": \"c\"}, \"dealerInterviews\": {\"value\": \"d\"}";

		int tried = refuseAll(task,
				List.of(new Bad(variables(visits + ", \"scoreChannel\": {\"value\": \"five\"}"), HttpStatus.BAD_REQUEST,
						"scoreChannel", "must be a number, got 'five'"),
						new Bad(variables(visits + ", \"scoreChannel\": {\"value\": \"five\", \"type\": \"Integer\"}"),
								HttpStatus.BAD_REQUEST, "scoreChannel", "is not a Integer"),
						new Bad(variables(visits + ", \"scoreChannel\": {\"value\": 9}"), HttpStatus.BAD_REQUEST,
								"scoreChannel", "must be at most 5"),
						new Bad(variables(visits + ", \"scoreChannel\": {\"value\": true}"), HttpStatus.BAD_REQUEST,
								"scoreChannel", "must be a number"),
						new Bad(variables(visits.replace("\"a\"", "\"  \"")), HttpStatus.BAD_REQUEST, "visitTargets",
								"is required")));

		assertThat(tried).isEqualTo(10);
	}

	@Test
	void aJavaSerializedVariableIsRefusedEverywhereAndNothingIsStored() {
		Task task = driver.task(cycle, "Task_DataRefreshCheck");
		int rows = jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE", Integer.class);
		String modification = "{\"modifications\": {" + serialized("payload") + "}}";

		// the admin may set variables anywhere: the engine itself refuses the format
		ResponseEntity<JsonNode> onTask = post("demo", "/engine-rest/task/" + task.getId() + "/variables",
				modification);
		ResponseEntity<JsonNode> onCycle = post("demo", "/engine-rest/process-instance/" + cycle + "/variables",
				modification);

		for (ResponseEntity<JsonNode> refused : List.of(onTask, onCycle)) {
			assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody().get("message").asText()).contains("payload")
				.contains("Java-serialized objects are not accepted")
				.contains(" / ");
		}
		assertThat(runtime.getVariable(cycle, "payload")).isNull();
		assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE", Integer.class)).isEqualTo(rows);
	}

	@Test
	void aGoodCompletionStillPasses() {
		Task task = driver.task(cycle, "Task_DataRefreshCheck");

		ResponseEntity<String> completed = driver.tryComplete(task, "wang.east",
				Map.of("dataConfirmed", true, "dataNotes", "x".repeat(4000)));

		assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(runtime.getVariable(cycle, "dataNotes")).isEqualTo("x".repeat(4000));
	}

}
