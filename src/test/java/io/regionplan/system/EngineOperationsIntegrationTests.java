package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A cycle moves on only through its forms: a BPMN error or escalation thrown at a task
 * over either REST API, and a restart of the process from an activity, answer 403 for the
 * manager and the admin alike, and nothing changes; an uncaught BPMN error thrown through
 * the engine's own API fails instead of ending the task's scope. Found by a hostile
 * review: a manager's {@code bpmnError} on the work plan set
 * {@code planDecision = approve} and ended the work-plan subprocess, past the director.
 */
@IntegrationTest
class EngineOperationsIntegrationTests {

	private static final String APPROVE = "{\"errorCode\": \"x\", \"escalationCode\": \"x\", \"variables\": "
			+ "{\"planDecision\": {\"value\": \"approve\", \"type\": \"String\"}}}";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	CycleDriver driver;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	/** An east cycle at the manager's work plan, the director's approval ahead. */
	private String cycleAtTheWorkPlan() {
		String cycle = driver.start("east");
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		driver.planAsForecast(cycle, "wang.east");
		driver.reviewTeam(cycle, "wang.east");
		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of());
		driver.task(cycle, "Task_WorkPlan");
		return cycle;
	}

	/** The cycle's variables, each as its text (a Json value compares by its text). */
	private Map<String, String> variables(String cycle) {
		Map<String, String> values = new java.util.TreeMap<>();
		runtime.getVariables(cycle).forEach((name, value) -> values.put(name, String.valueOf(value)));
		return values;
	}

	private ResponseEntity<String> post(String user, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
	}

	@Test
	void aBpmnErrorOrEscalationAtATaskIsRefusedOverBothApisAndChangesNothing() {
		String cycle = cycleAtTheWorkPlan();
		Task plan = driver.task(cycle, "Task_WorkPlan");
		Map<String, String> before = variables(cycle);
		WebappSession tasklist = new WebappSession(rest.getRootUri());
		tasklist.logIn("wang.east", "demo");

		for (String operation : List.of("bpmnError", "bpmnEscalation")) {
			String path = "/task/" + plan.getId() + "/" + operation;
			for (String user : List.of("wang.east", "demo")) {
				ResponseEntity<String> refused = post(user, "/engine-rest" + path, APPROVE);
				assertThat(refused.getStatusCode().value()).as(user + " " + path).isEqualTo(403);
				assertThat(refused.getBody()).contains("'" + operation + "' is not offered")
					.contains("任务操作 " + operation + " 不提供");
			}
			HttpResponse<String> webapp = tasklist.send("POST", "/camunda/api/engine/engine/default" + path, APPROVE,
					true);
			assertThat(webapp.statusCode()).as("Tasklist's API " + path).isEqualTo(403);
			assertThat(webapp.body()).contains("'" + operation + "' is not offered");
		}

		assertThat(driver.task(cycle, "Task_WorkPlan").getId()).as("the work plan stays open").isEqualTo(plan.getId());
		assertThat(variables(cycle)).as("no variable set").isEqualTo(before).doesNotContainKey("planDecision");
		driver.writeWorkPlan(cycle, "wang.east");
		assertThat(driver.task(cycle, "Task_DirectorPlanApproval")).as("the director still decides").isNotNull();
	}

	@Test
	void aProcessIsNotRestartedFromAnActivity() {
		String cycle = driver.start("east");
		String definition = runtime.createProcessInstanceQuery()
			.processInstanceId(cycle)
			.singleResult()
			.getProcessDefinitionId();
		long instances = runtime.createProcessInstanceQuery().count();
		String restart = "{\"processInstanceIds\": [\"" + cycle + "\"], \"skipCustomListeners\": true, "
				+ "\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_WorkPlan\"}]}";

		for (String path : List.of("/engine-rest/process-definition/" + definition + "/restart",
				"/engine-rest/process-definition/" + definition + "/restart-async",
				"/engine-rest/process-definition/key/regional-planning-cycle/restart")) {
			for (String user : List.of("wang.east", "demo")) {
				ResponseEntity<String> refused = post(user, path, restart);
				assertThat(refused.getStatusCode().value()).as(user + " " + path).isEqualTo(403);
				assertThat(refused.getBody()).contains("is not offered: a process starts at its start event");
			}
		}
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void anUncaughtBpmnErrorThrownThroughTheEngineFailsAndChangesNothing() {
		String cycle = cycleAtTheWorkPlan();
		Task plan = driver.task(cycle, "Task_WorkPlan");

		assertThatThrownBy(
				() -> tasks.handleBpmnError(plan.getId(), "x", "no catch", Map.of("planDecision", "approve")))
			.isInstanceOf(ProcessEngineException.class);

		assertThat(driver.task(cycle, "Task_WorkPlan").getId()).isEqualTo(plan.getId());
		assertThat(runtime.getVariable(cycle, "planDecision")).isNull();
	}

}
