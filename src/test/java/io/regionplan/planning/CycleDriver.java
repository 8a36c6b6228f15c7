package io.regionplan.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatusCode;

/**
 * Drives planning cycles in integration tests: starts one, completes its tasks over REST as a person
 * would, and runs its jobs (the tests run without a job executor).
 */
public final class CycleDriver {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final TestRestTemplate rest;

	public CycleDriver(RuntimeService runtime, TaskService tasks, ManagementService management, TestRestTemplate rest) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.rest = rest;
	}

	public String start(String region) {
		return runtime.startProcessInstanceByKey("regional-planning-cycle", Map.of("region", region, "year", 2027,
				"hqVolumeTarget", 1_000_000, "budget", 10_000_000)).getId();
	}

	/** Claims and completes the instance's open task as {@code user} through the engine REST API. */
	public void complete(String processInstanceId, String user, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		String path = "/engine-rest/task/" + task.getId();
		TestRestTemplate as = rest.withBasicAuth(user, "demo");
		check(as.postForEntity(path + "/claim", Map.of("userId", user), String.class).getStatusCode(), "claim");
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		check(as.postForEntity(path + "/complete", Map.of("variables", typed), String.class).getStatusCode(), "complete");
	}

	private static void check(HttpStatusCode status, String what) {
		if (status.value() != 204) {
			throw new IllegalStateException(what + " answered " + status);
		}
	}

	/** Runs the instance's due jobs one after another until none is left (a failing job throws). */
	public void runJobs(String processInstanceId) {
		for (int guard = 0; guard < 100; guard++) {
			List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			management.executeJob(jobs.get(0).getId());
		}
		throw new IllegalStateException("jobs keep coming");
	}

	/** A cycle through market reading and every rule task, with market reading done by {@code user}. */
	public String runToEnd(String region, String user) {
		String cycle = start(region);
		complete(cycle, user, Map.of("forecastVolume", 900_000));
		runJobs(cycle);
		return cycle;
	}

}
