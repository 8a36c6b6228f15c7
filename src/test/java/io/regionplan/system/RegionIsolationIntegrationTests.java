package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The east manager reaches nothing of region south by id, through any of the three ways
 * in: the engine REST API, the application API and the webapps' API behind a Tasklist
 * login. Every refusal is 403 or 404, every list comes back without south's rows, and
 * nothing of south changes. (RegionSecurityIntegrationTests has the basic task cases the
 * other way round.)
 */
@IntegrationTest
class RegionIsolationIntegrationTests {

	@Autowired
	CycleDriver driver;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * A south cycle planned to the end (decisions, cards, history) and one waiting at its
	 * first task.
	 */
	private static String plannedSouth;

	private static String openSouth;

	private Task southTask;

	@BeforeEach
	void southHasWork() {
		if (plannedSouth == null) {
			plannedSouth = driver.runPlanning("south", "li.south");
			openSouth = driver.start("south");
		}
		southTask = driver.task(openSouth, "Task_DataRefreshCheck");
	}

	@Test
	void aCommentOnAnOwnTaskCannotBeFiledUnderASouthCycle() {
		String eastCycle = driver.start("east");
		Task eastTask = driver.task(eastCycle, "Task_DataRefreshCheck");
		int southComments = tasks.getProcessInstanceComments(openSouth).size();

		ResponseEntity<String> answer = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/task/" + eastTask.getId() + "/comment/create",
					Map.of("message", "east was here", "processInstanceId", openSouth), String.class);

		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
		assertThat(answer.getBody()).contains("processInstanceId");
		assertThat(tasks.getProcessInstanceComments(openSouth)).hasSize(southComments);
		assertThat(tasks.getTaskComments(eastTask.getId())).isEmpty();
	}

	@Test
	void eastManagerReachesNoSouthTaskThroughTheEngineRestApi() {
		String task = "/engine-rest/task/" + southTask.getId();
		String instance = "/engine-rest/process-instance/" + openSouth;
		String execution = "/engine-rest/execution/" + southTask.getExecutionId();
		Map<String, Object> confirmed = Map.of("variables", Map.of("dataConfirmed", Map.of("value", true)));
		State before = state();

		List<String> refused = new ArrayList<>();
		refused.add(expectRefused("GET", task, null));
		refused.add(expectRefused("GET", task + "/variables", null));
		refused.add(expectRefused("GET", task + "/variables/region", null));
		refused.add(expectRefused("GET", task + "/form-variables", null));
		refused.add(expectRefused("GET", task + "/identity-links", null));
		refused.add(expectRefused("POST", task + "/claim", Map.of("userId", "wang.east")));
		refused.add(expectRefused("POST", task + "/assignee", Map.of("userId", "wang.east")));
		refused.add(expectRefused("POST", task + "/complete", confirmed));
		refused.add(expectRefused("POST", task + "/submit-form", confirmed));
		refused.add(expectRefused("PUT", task + "/variables/dataConfirmed", Map.of("value", true)));
		refused.add(expectRefused("POST", task + "/variables",
				Map.of("modifications", Map.of("budget", Map.of("value", 1)))));
		refused.add(expectRefused("GET", instance, null));
		// Camunda's comment resource looks the task up first and answers 400 "No task
		// found" (state() shows no comment)
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.postForEntity(task + "/comment/create", Map.of("message", "east was here"), String.class)
			.getStatusCode()
			.value()).isIn(400, 403, 404);
		refused.add("POST " + task + "/comment/create");
		refused.add(expectRefused("GET", instance + "/variables", null));
		refused.add(expectRefused("GET", instance + "/variables/budget", null));
		refused.add(expectRefused("PUT", instance + "/variables/budget", Map.of("value", 1)));
		refused.add(expectRefused("DELETE", instance, null));
		refused.add(expectRefused("GET", execution, null));
		refused.add(expectRefused("GET", execution + "/localVariables", null));
		refused.add(expectRefused("GET", "/engine-rest/history/process-instance/" + plannedSouth, null));
		refused.add(expectRefused("GET",
				"/engine-rest/process-definition/key/regional-planning-cycle/tenant-id/south/xml", null));

		// lists filtered to south's ids come back empty
		for (String list : List.of("/engine-rest/task?processInstanceId=" + openSouth,
				"/engine-rest/task?tenantIdIn=south", "/engine-rest/process-instance?processInstanceIds=" + openSouth,
				"/engine-rest/execution?processInstanceId=" + openSouth,
				"/engine-rest/variable-instance?processInstanceIdIn=" + openSouth,
				"/engine-rest/history/task?processInstanceId=" + plannedSouth,
				"/engine-rest/history/variable-instance?processInstanceId=" + plannedSouth,
				"/engine-rest/history/process-instance?processInstanceId=" + plannedSouth,
				"/engine-rest/history/detail?processInstanceId=" + plannedSouth,
				"/engine-rest/history/activity-instance?processInstanceId=" + plannedSouth)) {
			JsonNode rows = rest.withBasicAuth("wang.east", "demo").getForObject(list, JsonNode.class);
			assertThat(rows).as(list).isNotNull().isEmpty();
			refused.add(list);
		}
		System.out.printf("engine REST, south by id as wang.east: %d calls refused or empty%n", refused.size());

		assertThat(state()).as("nothing of south changed").isEqualTo(before);
		assertThat(rest.withBasicAuth("li.south", "demo")
			.getForObject("/engine-rest/history/task?processInstanceId=" + plannedSouth, JsonNode.class))
			.as("south's own manager does see that history")
			.isNotEmpty();
	}

	@Test
	void eastManagerReachesNoSouthDataThroughTheApplicationApi() {
		String decision = southDecisionId();
		JsonNode southCard = rest.withBasicAuth("li.south", "demo")
			.getForObject("/api/workplan/cards?region=south", JsonNode.class)
			.get(0);
		State before = state();

		List<String> refused = new ArrayList<>();
		for (String path : List.of("/api/decisions/" + decision, "/api/decisions/" + decision + "/rules",
				"/api/decisions/" + decision + "/replay", "/api/market/regions/south/cities",
				"/api/market/regions/south/dealers", "/api/market/regions/south/stores",
				"/api/market/regions/south/metrics/cities", "/api/market/regions/south/metrics/channels",
				"/api/market/regions/south/metrics/dealers", "/api/insight/regions/south/cycles",
				"/api/insight/regions/south/quadrant", "/api/insight/regions/south/plan-vs-actual",
				"/api/insight/regions/south/tier-mix", "/api/workplan/cards?region=south",
				// south's cycle asked for under east's own region
				"/api/insight/regions/east/quadrant?processInstanceId=" + plannedSouth,
				"/api/insight/regions/east/plan-vs-actual?processInstanceId=" + plannedSouth,
				"/api/insight/regions/east/tier-mix?compareTo=" + plannedSouth)) {
			refused.add(expectRefused("GET", path, null));
		}
		refused.add(expectRefused("POST", "/api/workplan/cards/" + southCard.get("id").asText() + "/move",
				Map.of("to", "DONE")));
		JsonNode listed = rest.withBasicAuth("wang.east", "demo")
			.getForObject("/api/decisions?processInstanceId=" + plannedSouth, JsonNode.class);
		assertThat(listed.get("totalElements").asInt()).as("south's decisions in east's list").isZero();
		String csv = rest.withBasicAuth("wang.east", "demo")
			.exchange("/api/decisions?processInstanceId=" + plannedSouth, HttpMethod.GET,
					accept(MediaType.parseMediaType("text/csv")), String.class)
			.getBody();
		assertThat(csv).as("south's decisions in east's CSV").doesNotContain(plannedSouth);
		JsonNode subject = rest.withBasicAuth("li.south", "demo")
			.getForObject("/api/decisions/" + decision, JsonNode.class)
			.get("subjects")
			.get(0);
		String subjectHistory = "/api/decisions/subjects/" + subject.get("subjectType").asText() + "/"
				+ subject.get("subjectId").asText() + "/history";
		assertThat(rest.withBasicAuth("li.south", "demo").getForObject(subjectHistory, JsonNode.class)).isNotEmpty();
		assertThat(rest.withBasicAuth("wang.east", "demo").getForObject(subjectHistory, JsonNode.class))
			.as("a south subject's history for east")
			.isEmpty();
		JsonNode cards = rest.withBasicAuth("wang.east", "demo").getForObject("/api/workplan/cards", JsonNode.class);
		assertThat(cards).as("east's kanban")
			.noneSatisfy(card -> assertThat(card.get("regionId").asText()).isEqualTo("south"));
		System.out.printf("application API, south data as wang.east: %d calls refused, 4 lists without south%n",
				refused.size());

		assertThat(state()).as("nothing of south changed").isEqualTo(before);
		assertThat(jdbc.queryForObject("select status from work_plan_item where id = ?", String.class,
				southCard.get("id").asText()))
			.isEqualTo(southCard.get("status").asText());
	}

	@Test
	void eastManagerReachesNoSouthTaskThroughTheWebappsApi() {
		String eastTask = driver.task(driver.start("east"), "Task_DataRefreshCheck").getId();
		WebappSession wang = new WebappSession(rest.getRootUri());
		assertThat(wang.logIn("wang.east", "demo").statusCode()).isEqualTo(200);
		String engine = "/camunda/api/engine/engine/default";
		String task = engine + "/task/" + southTask.getId();
		String confirmed = "{\"variables\":{\"dataConfirmed\":{\"value\":true}}}";
		State before = state();

		List<String> calls = List.of("GET " + task, "GET " + task + "/variables", "GET " + task + "/form-variables",
				"GET " + engine + "/process-instance/" + openSouth + "/variables",
				"GET " + engine + "/history/process-instance/" + plannedSouth,
				"POST " + task + "/claim {\"userId\":\"wang.east\"}", "POST " + task + "/complete " + confirmed,
				"POST " + task + "/submit-form " + confirmed);
		for (String call : calls) {
			String[] parts = call.split(" ", 3);
			HttpResponse<String> answer = wang.send(parts[0], parts[1], parts.length > 2 ? parts[2] : null, true);
			assertThat(answer.statusCode()).as(call + " " + answer.body()).isIn(403, 404);
		}
		assertThat(wang.send("POST", task + "/comment/create", "{\"message\":\"east\"}", true).statusCode()).isIn(400,
				403, 404);
		for (String list : List.of(engine + "/task?processInstanceId=" + openSouth, engine + "/task?tenantIdIn=south",
				engine + "/history/task?processInstanceId=" + plannedSouth,
				engine + "/history/variable-instance?processInstanceId=" + plannedSouth)) {
			HttpResponse<String> answer = wang.get(list);
			assertThat(answer.statusCode()).as(list).isEqualTo(200);
			assertThat(answer.body()).as(list).isEqualTo("[]");
		}
		HttpResponse<String> own = wang.get(engine + "/task?tenantIdIn=east");
		assertThat(own.body()).as("the session does work: east's tasks are listed").contains(eastTask);
		System.out.printf("webapps API, south by id as wang.east: %d calls refused, 4 lists empty%n", calls.size() + 1);

		assertThat(state()).as("nothing of south changed").isEqualTo(before);
	}

	private String southDecisionId() {
		JsonNode page = rest.withBasicAuth("li.south", "demo")
			.getForObject("/api/decisions?processInstanceId=" + plannedSouth + "&subjectsPerDecision=0",
					JsonNode.class);
		assertThat(page.get("totalElements").asInt()).isPositive();
		return page.get("content").get(0).get("id").asText();
	}

	/** Calls as wang.east and checks 403 or 404; the call, for the count. */
	private String expectRefused(String method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		var answer = rest.withBasicAuth("wang.east", "demo")
			.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
		assertThat(answer.getStatusCode().value()).as(method + " " + path + " " + answer.getBody()).isIn(403, 404);
		return method + " " + path;
	}

	private static HttpEntity<Void> accept(MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(type));
		return new HttpEntity<>(headers);
	}

	/**
	 * What an attack on south could change: the open task, the variables, the instances,
	 * the decisions, the cards.
	 */
	private record State(String assignee, long southVariables, long comments, long southInstances, long decisions,
			String cards) {
	}

	private State state() {
		Task task = tasks.createTaskQuery().taskId(southTask.getId()).singleResult();
		return new State(task == null ? "<gone>" : task.getAssignee(),
				runtime.createVariableInstanceQuery().processInstanceIdIn(openSouth).count(),
				tasks.getTaskComments(southTask.getId()).size(),
				runtime.createProcessInstanceQuery().tenantIdIn("south").count(),
				jdbc.queryForObject("select count(*) from decision", Long.class), jdbc
					.queryForList("select id || ':' || status || ':' || version from work_plan_item order by id",
							String.class)
					.toString());
	}

}
