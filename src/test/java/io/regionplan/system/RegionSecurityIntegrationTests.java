package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class RegionSecurityIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	Task eastTask;

	Task southTask;

	@BeforeEach
	void startOneCyclePerRegion() {
		eastTask = start("east");
		southTask = start("south");
	}

	private Task start(String region) {
		ProcessInstance instance = runtime.startProcessInstanceByKey("regional-planning-cycle",
				Map.of("region", region, "year", 2027, "hqVolumeTarget", 100000, "budget", 1000000));
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	@Test
	void engineRestWithoutCredentialsIsUnauthorized() {
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/api/anything", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void wrongPasswordIsUnauthorizedAndThrottlesTheUser() {
		// a user of its own: a wrong password delays the user's next login from this
		// address
		if (identity.createUserQuery().userId("throttled").count() == 0) {
			User user = identity.newUser("throttled");
			user.setPassword("right");
			identity.saveUser(user);
		}
		// the delay runs on the engine's clock: stopped, so that it cannot pass during
		// the test
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date());
		try {
			assertThat(rest.withBasicAuth("throttled", "wrong")
				.getForEntity("/engine-rest/task", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(rest.withBasicAuth("throttled", "right")
				.getForEntity("/engine-rest/task", String.class)
				.getStatusCode()).as("right password during the delay: not checked")
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		}
		finally {
			EngineClock.pin();
		}
	}

	@Test
	void eastManagerListsEastTasksOnly() {
		ResponseEntity<List<Map<String, Object>>> listed = rest.withBasicAuth("wang.east", "demo")
			.exchange("/engine-rest/task", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});

		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(listed.getBody()).isNotEmpty()
			.allSatisfy(task -> assertThat(task).containsEntry("tenantId", "east"))
			.anySatisfy(task -> assertThat(task).containsEntry("id", eastTask.getId()))
			.noneSatisfy(task -> assertThat(task).containsEntry("id", southTask.getId()));
	}

	@Test
	void southManagerCannotSeeClaimOrCompleteAnEastTask() {
		TestRestTemplate li = rest.withBasicAuth("li.south", "demo");
		String task = "/engine-rest/task/" + eastTask.getId();

		assertThat(li.getForEntity(task, String.class).getStatusCode()).isIn(HttpStatus.NOT_FOUND,
				HttpStatus.FORBIDDEN);
		assertThat(li.getForEntity(task + "/variables", String.class).getStatusCode()).isIn(HttpStatus.NOT_FOUND,
				HttpStatus.FORBIDDEN);
		assertThat(li.postForEntity(task + "/claim", Map.of("userId", "li.south"), String.class).getStatusCode())
			.isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
		assertThat(li
			.postForEntity(task + "/complete", Map.of("variables", Map.of("dataConfirmed", Map.of("value", true))),
					String.class)
			.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);

		Task untouched = tasks.createTaskQuery().taskId(eastTask.getId()).singleResult();
		assertThat(untouched).isNotNull();
		assertThat(untouched.getAssignee()).isNull();
		assertThat(tasks.getVariable(eastTask.getId(), "dataConfirmed")).isNull();
	}

	@Test
	void eastManagerClaimsAndCompletesTheirTask() {
		TestRestTemplate wang = rest.withBasicAuth("wang.east", "demo");
		String task = "/engine-rest/task/" + eastTask.getId();

		assertThat(wang.postForEntity(task + "/claim", Map.of("userId", "wang.east"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> completed = wang.postForEntity(task + "/complete",
				Map.of("variables", Map.of("dataConfirmed", Map.of("value", true))), String.class);

		assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasks.createTaskQuery().taskId(eastTask.getId()).singleResult()).isNull();
	}

	@Test
	void managerCannotStartACycleForAnotherRegion() {
		ResponseEntity<String> started = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/process-definition/key/regional-planning-cycle/start",
					new HttpEntity<>(Map.of("variables", Map.of("region", Map.of("value", "south")))), String.class);

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(started.getBody()).contains("does not belong to region 'south'");
	}

	@Test
	void auditorCannotStartACycle() {
		ResponseEntity<String> started = rest.withBasicAuth("sun.auditor", "demo")
			.postForEntity("/engine-rest/process-definition/key/regional-planning-cycle/start",
					new HttpEntity<>(Map.of("variables", Map.of("region", Map.of("value", "east")))), String.class);

		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
	}

}
