package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;
import io.regionplan.system.WebappSession;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Starting a process is held to its start form like a completion to the task's form, on
 * every path (engine REST {@code start} and {@code submit-form}, by key and by id, and
 * Tasklist's webapp API): a missing or wrong field, a key the form does not have, a start
 * elsewhere than the start event, or a process that has no start form answer 400 naming
 * the field, and nothing is started. A refusal is logged at WARN in one line.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StartFormIntegrationTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final Map<String, Object> CYCLE = Map.of("region", "east", "year", 2027, "hqVolumeTarget", 1_000_000,
			"budget", 10_000_000);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	CycleDriver driver;

	private static String body(Map<String, Object> variables, Map<String, Object> typed) throws Exception {
		Map<String, Object> all = new LinkedHashMap<>();
		variables.forEach((name, value) -> all.put(name, Map.of("value", value)));
		all.putAll(typed);
		return JSON.writeValueAsString(Map.of("variables", all));
	}

	private ResponseEntity<String> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
	}

	/**
	 * The body refused on every start path of the cycle, naming the field; nothing
	 * started.
	 */
	private void refusedEverywhere(String user, String body, String field, String says) {
		String definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey("regional-planning-cycle")
			.latestVersion()
			.singleResult()
			.getId();
		long instances = runtime.createProcessInstanceQuery().count();
		WebappSession tasklist = new WebappSession(rest.getRootUri());
		tasklist.logIn(user, "demo");
		for (String path : List.of("/engine-rest/process-definition/key/regional-planning-cycle/start",
				"/engine-rest/process-definition/key/regional-planning-cycle/submit-form",
				"/engine-rest/process-definition/" + definition + "/start",
				"/engine-rest/process-definition/" + definition + "/submit-form")) {
			ResponseEntity<String> refused = post(user, path, body);
			assertThat(refused.getStatusCode().value()).as(path + " " + refused.getBody()).isEqualTo(400);
			assertThat(refused.getBody()).as(path).contains("'" + field + "'").contains(says).contains(" / ");
		}
		HttpResponse<String> webapp = tasklist.send("POST",
				"/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form", body, true);
		assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
		assertThat(webapp.body()).contains("'" + field + "'").contains(says);
		assertThat(runtime.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(instances);
	}

	@Test
	void aCycleWithoutARegionIsRefusedWith400() throws Exception {
		Map<String, Object> noRegion = new LinkedHashMap<>(CYCLE);
		noRegion.remove("region");

		refusedEverywhere("zhao.director", body(noRegion, Map.of()), "region", "is required");
		refusedEverywhere("wang.east", body(noRegion, Map.of()), "region", "is required");
	}

	@Test
	void badStartInputsAreRefusedWith400NamingTheField() throws Exception {
		Map<String, Object> cycle = new LinkedHashMap<>(CYCLE);

		refusedEverywhere("wang.east",
				body(Map.of(), Map.of("region", Map.of("value", 5), "year", Map.of("value", 2027))), "region",
				"must be text, got 5");
		refusedEverywhere("demo",
				body(Map.of("region", "north", "year", 2027, "hqVolumeTarget", 1, "budget", 1), Map.of()), "region",
				"must be one of [east, south]");
		cycle.put("year", 2027.5);
		refusedEverywhere("wang.east", body(cycle, Map.of()), "year", "must be a whole number, got 2027.5");
		cycle.put("year", 2027);
		cycle.put("budget", 1.234);
		refusedEverywhere("wang.east", body(cycle, Map.of()), "budget",
				"must have at most 2 decimal places, got 1.234");
		cycle.put("budget", new java.math.BigDecimal("12345678901234567.5"));
		refusedEverywhere("wang.east", body(cycle, Map.of()), "budget", "cannot be stored exactly");
		cycle.put("budget", 10_000_000);
		cycle.put("hqVolumeTarget", 0);
		refusedEverywhere("wang.east", body(cycle, Map.of()), "hqVolumeTarget", "must be at least 1");
		cycle.put("hqVolumeTarget", 1_000_000);
		refusedEverywhere("wang.east", body(cycle, Map.of("gapBand", Map.of("value", "ACCEPTED"))), "gapBand",
				"is not on the start form 'start-planning-cycle'");
		refusedEverywhere("wang.east", body(cycle, Map.of("forecastVolume", Map.of("value", 16_000_000))),
				"forecastVolume", "is not on the start form");
	}

	@Test
	void aStartMayNotBeginAtATaskNorStartACalledProcess() throws Exception {
		long instances = runtime.createProcessInstanceQuery().count();
		Map<String, Object> typed = new LinkedHashMap<>();
		CYCLE.forEach((name, value) -> typed.put(name, Map.of("value", value)));

		ResponseEntity<String> atTheDirector = post("wang.east",
				"/engine-rest/process-definition/key/regional-planning-cycle/start",
				JSON.writeValueAsString(Map.of("variables", typed, "startInstructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_DirectorGapApproval",
								"variables", Map.of("gapVolume", Map.of("value", 0)))))));
		ResponseEntity<String> calledProcess = post("zhao.director",
				"/engine-rest/process-definition/key/quarterly-review/start",
				body(Map.of("region", "east", "year", 2027, "quarter", 1), Map.of()));

		assertThat(atTheDirector.getStatusCode().value()).as(atTheDirector.getBody()).isEqualTo(400);
		assertThat(atTheDirector.getBody()).contains("'startInstructions'").contains("starts at its start event");
		assertThat(calledProcess.getStatusCode().value()).as(calledProcess.getBody()).isEqualTo(400);
		assertThat(calledProcess.getBody()).contains("has no start form");
		assertThat(runtime.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(instances);
	}

	@Test
	void aGoodStartStillStartsOnEveryPath() throws Exception {
		for (String path : List.of("start", "submit-form")) {
			ResponseEntity<String> started = post("wang.east",
					"/engine-rest/process-definition/key/regional-planning-cycle/" + path,
					body(CYCLE, Map.of("headcountBudget", java.util.Collections.singletonMap("value", null))));

			assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
			String id = JSON.readTree(started.getBody()).get("id").asText();
			assertThat(runtime.getVariable(id, "budget")).isEqualTo(10_000_000);
			assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId())
				.isEqualTo("east");
		}
	}

	@Test
	void aRefusedFormIsLoggedAtWarnInOneLine(CapturedOutput output) {
		String cycle = driver.start("east");
		var task = driver.task(cycle, "Task_DataRefreshCheck");
		int from = output.getAll().length();

		ResponseEntity<String> refused = driver.tryComplete(task, "wang.east",
				Map.of("dataNotes", "没有勾选 / not ticked"));
		ResponseEntity<String> unknown = driver.tryComplete(task, "wang.east",
				Map.of("dataConfirmed", true, "region\nERROR forged log line", "south"));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		String logged = output.getAll().substring(from);
		List<String> lines = logged.lines().filter(line -> line.contains("400 refused")).toList();
		assertThat(lines).hasSize(2).allMatch(line -> line.contains(" WARN "));
		assertThat(lines.get(0)).contains("field 'dataConfirmed'").contains("is required");
		assertThat(lines.get(1)).contains("field 'region ERROR forged log line'");
		assertThat(logged).doesNotContain("ENGINE-16004")
			.doesNotContain("FormValidationException")
			.doesNotContain("\tat org.camunda")
			.doesNotContain("\nERROR forged");
	}

}
