package io.regionplan.benchmark;

import static io.regionplan.planning.CycleDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark market for the demo east region, in Tasklist's steps over REST: the
 * director selects the city, the manager analyses and plans, the engine's clock runs the
 * monthly monitoring (no sales yet: two OFF_TRACK months escalate to the director), then
 * the summary and one rollout per follower city.
 */
@IntegrationTest
class BenchmarkMarketIntegrationTests {

	@Autowired
	CycleDriver driver;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetTheEngineClock() {
		EngineClock.pin();
	}

	@Test
	void managersCannotStartABenchmarkMarket() {
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/process-definition/key/benchmark-market/start",
					Map.of("variables", Map.of("region", Map.of("value", "east"))), String.class)
			.getStatusCode()).as("managers may not even read the benchmark process")
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
	}

	@Test
	void benchmarkFromSelectionToRollout() {
		String cycle = driver.start("east");
		driver.readMarketAndChooseStrategy(cycle, "wang.east");

		JsonNode started = rest.withBasicAuth("zhao.director", "demo")
			.postForObject("/engine-rest/process-definition/key/benchmark-market/start",
					Map.of("variables", Map.of("region", Map.of("value", "east"), "year", Map.of("value", 2027),
							"monitorMonths", Map.of("value", 3))),
					JsonNode.class);
		String benchmark = started.get("id").asText();
		assertThat(started.get("tenantId").asText()).isEqualTo("east");
		driver.runJobs(benchmark);

		String ranking = (String) runtime.getVariable(benchmark, "benchmarkRanking");
		String top = (String) runtime.getVariable(benchmark, "benchmarkCity");
		assertThat(ranking).startsWith("1. " + top).contains("rank 1");
		String strategy = jdbc.queryForObject(
				"select strategy from cycle_city_strategy where process_instance_id = ? " + "and city_id = ?",
				String.class, cycle, top);
		assertThat(strategy).isIn("BASE_CAMP", "BREAKTHROUGH");
		driver.complete(benchmark, "Task_SelectBenchmarkCity", "zhao.director",
				Map.of("benchmarkCity", top, "followerCities", "wuxi, changzhou"));

		assertThat((String) runtime.getVariable(benchmark, "benchmarkCitySummary")).contains("ND").contains("dealers");
		driver.complete(benchmark, "Task_GrowthOpportunity", "wang.east", Map.of("ndGainVolume", 3000,
				"newDealersVolume", 2000, "competitorVolume", 1000, "targetMonthlyVolume", 50_000));
		driver.complete(benchmark, "Task_BenchmarkPlan", "wang.east", CycleDriver.OGSPM);
		assertThat(
				jdbc.queryForObject("select count(*) from work_plan_item where cycle_id = ?", Integer.class, benchmark))
			.isEqualTo(2);

		// month 1 and 2: no sales recorded yet → OFF_TRACK twice → the director is told
		clock(2026, 12, 2, 8);
		driver.runJobs(benchmark);
		assertThat(runtime.getVariable(benchmark, "offTrackMonths")).isEqualTo(1);
		clock(2027, 1, 2, 8);
		driver.runJobs(benchmark);
		Task escalation = driver.task(benchmark, "Task_EscalateBenchmark");
		assertThat(tasks.createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("sales-director").count())
			.isEqualTo(1);
		driver.complete(benchmark, "Task_EscalateBenchmark", "zhao.director",
				Map.of("directorDecision", "加派 2 名代表 / 2 more reps"));

		clock(2027, 2, 2, 8);
		driver.runJobs(benchmark);
		assertThat(runtime.getVariable(benchmark, "monitoredMonths")).isEqualTo(3);
		driver.complete(benchmark, "Task_BenchmarkSummary", "wang.east",
				Map.of("whatWorked", "KA 先行", "playbook", "先 KA 后传统"));

		List<Task> rollouts = tasks.createTaskQuery()
			.processInstanceId(benchmark)
			.taskDefinitionKey("Task_Rollout")
			.list();
		assertThat(rollouts).hasSize(2);
		assertThat(jdbc.queryForList("select cycle_id from work_plan where cycle_id like ? order by 1", String.class,
				benchmark + ":%"))
			.containsExactly(benchmark + ":changzhou", benchmark + ":wuxi");
		assertThat(jdbc.queryForObject("select count(*) from work_plan_item where cycle_id = ?", Integer.class,
				benchmark + ":wuxi"))
			.isEqualTo(2);
		for (Task rollout : rollouts) {
			assertThat(driver.tryComplete(rollout, "wang.east", Map.of("localAdjustments", "本地经销商承接"))
				.getStatusCode()
				.value()).isEqualTo(204);
		}
		assertThat(
				history.createHistoricProcessInstanceQuery().processInstanceId(benchmark).singleResult().getEndTime())
			.isNotNull();
		assertThat(jdbc.queryForObject(
				"select count(*) from decision where process_instance_id = ? and rule_set = " + "'quarterly-review'",
				Integer.class, benchmark))
			.as("every month's monitoring is a decision")
			.isEqualTo(3);
		assertThat(
				jdbc.queryForList("select distinct user_id from decision where process_instance_id = ? and rule_set = "
						+ "'quarterly-review'", String.class, benchmark))
			.as("each set going by the next month's timer")
			.containsExactly("system");
	}

}
