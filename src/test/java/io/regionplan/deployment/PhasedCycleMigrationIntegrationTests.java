package io.regionplan.deployment;

import static io.regionplan.planning.CyclePhases.MARKET_READING;
import static io.regionplan.planning.CyclePhases.ORGANISATION;
import static io.regionplan.planning.CyclePhases.STRATEGY;
import static io.regionplan.planning.CyclePhases.VOLUME_AND_GAP;
import static io.regionplan.planning.CyclePhases.phaseOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
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
 * Cycles started on the flat planning cycle (the file as shipped before its phases, kept
 * in the test resources) move to the phased version through the migration API, each where
 * it waits, and go on with the application's own delegates and rules across the phases'
 * boundaries up to the year's first quarter.
 */
@IntegrationTest
class PhasedCycleMigrationIntegrationTests {

	static final String CYCLE = "processes/regional-planning-cycle.bpmn";

	@Autowired
	CycleDriver driver;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private final List<String> cycles = new ArrayList<>();

	/**
	 * The shipped files again and no cycle of this test left, for the later tests of the
	 * shared context.
	 */
	@AfterEach
	void restoreTheShippedVersion() {
		cycles.stream()
			.filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
			.forEach(id -> runtime.deleteProcessInstance(id, "test done"));
		ProcessFilesDeployment.deployChange(repository, "regionplan", ProcessFiles.fromFolder(Path.of(".")));
	}

	private int deployTheFlatCycle() throws IOException {
		SortedMap<String, byte[]> files = new TreeMap<>(ProcessFiles.fromFolder(Path.of(".")).files());
		files.put(CYCLE, Files.readAllBytes(MigrationPlansTests.FLAT_CYCLE));
		String deployment = ProcessFilesDeployment.deployChange(repository, "regionplan", new ProcessFiles(files))
			.deployment()
			.getId();
		return repository.createProcessDefinitionQuery()
			.deploymentId(deployment)
			.processDefinitionKey("regional-planning-cycle")
			.singleResult()
			.getVersion();
	}

	private String start() {
		String cycle = driver.start("east");
		cycles.add(cycle);
		return cycle;
	}

	private ResponseEntity<JsonNode> migrate(int fromVersion) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments/migrations",
					new HttpEntity<>(
							"{\"processKey\": \"regional-planning-cycle\", \"fromVersion\": " + fromVersion + "}",
							headers),
					JsonNode.class);
	}

	private long decisions(String cycle, String ruleSet) {
		return jdbc.queryForObject("select count(*) from decision where process_instance_id = ? and rule_set = ? "
				+ "and kind = 'EVALUATION'", Long.class, cycle, ruleSet);
	}

	@Test
	void flatCyclesMoveIntoThePhasesAndGoOnAcrossThem() throws IOException {
		// given: three cycles on the flat version, at a task, at a rule task's job and in
		// the gap loop
		int flat = deployTheFlatCycle();
		String visits = start();
		driver.complete(visits, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		String visitsTask = driver.task(visits, "Task_MarketVisits").getId();
		String rules = start();
		driver.complete(rules, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		driver.complete(rules, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS);
		driver.complete(rules, "Task_Swot", "wang.east", CycleDriver.SWOT);
		String gap = start();
		driver.readMarketAndChooseStrategy(gap, "wang.east");
		driver.complete(gap, "Task_VolumePlan", "wang.east",
				Map.of("plannedVolume", 800_000, "planNotes", "低于预测 / below the forecast"));
		driver.runJobs(gap);
		driver.complete(gap, "Task_GapClosingPlan", "wang.east",
				CycleDriver.gapSources(CycleDriver.source("shanghai", 100_000, 50_000, 30_000, 20_000)));
		assertThat(driver.task(gap, "Task_DirectorGapApproval")).isNotNull();

		// when: the phased version deployed, the flat version's cycles moved to it
		ProcessFilesDeployment.deployChange(repository, "regionplan", ProcessFiles.fromFolder(Path.of(".")));
		ResponseEntity<JsonNode> migrated = migrate(flat);

		// then
		assertThat(migrated.getStatusCode()).as(String.valueOf(migrated.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(migrated.getBody().get("outcome").asText()).isEqualTo("MIGRATED");
		assertThat(migrated.getBody().get("migrated").asLong()).isEqualTo(3);
		assertThat(phaseOf(runtime, visits, "Task_MarketVisits")).isEqualTo(MARKET_READING);
		assertThat(driver.task(visits, "Task_MarketVisits").getId()).as("the same task").isEqualTo(visitsTask);
		assertThat(phaseOf(runtime, rules, "Task_CityStrategy")).isEqualTo(STRATEGY);
		assertThat(phaseOf(runtime, gap, "Task_DirectorGapApproval")).isEqualTo(VOLUME_AND_GAP);

		// the rule task's job runs in its phase, recorded as a decision
		driver.runJobs(rules);
		assertThat(phaseOf(runtime, rules, "Task_ReviewStrategy")).isEqualTo(STRATEGY);
		assertThat(decisions(rules, "city-strategy")).isEqualTo(1);

		// the director approves the gap: the cycle leaves its phase for the next
		driver.complete(gap, "Task_DirectorGapApproval", "zhao.director", Map.of("gapDecision", "approve"));
		driver.runJobs(gap);
		assertThat(phaseOf(runtime, gap, "Task_ReviewTeam")).isEqualTo(ORGANISATION);
		assertThat(runtime.getVariable(gap, "finalPlanVolume")).as("the plan the director approved")
			.isEqualTo(800_000L);

		// market visits done, the cycle goes through every later phase to the first
		// quarter
		driver.complete(visits, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS);
		assertThat(phaseOf(runtime, visits, "Task_Swot")).isEqualTo(STRATEGY);
		driver.complete(visits, "Task_Swot", "wang.east", CycleDriver.SWOT);
		driver.runJobs(visits);
		driver.complete(visits, "Task_ReviewStrategy", "wang.east", CycleDriver.confirmed(Map.of()));
		long forecast = ((Number) runtime.getVariable(visits, "forecastVolume")).longValue();
		driver.complete(visits, "Task_VolumePlan", "wang.east", Map.of("plannedVolume", forecast));
		driver.reviewDealersAndApprove(visits, "wang.east");
		assertThat(runtime.createProcessInstanceQuery()
			.superProcessInstanceId(visits)
			.processDefinitionKey("quarter-execution")
			.count()).as("the first quarter runs").isEqualTo(1);
		for (String ruleSet : List.of("city-strategy", "volume-gap", "plan-split", "coverage-targets", "team-sizing",
				"dealer-classification", "resource-allocation")) {
			assertThat(decisions(visits, ruleSet)).as(ruleSet).isEqualTo(1);
		}
		assertThat(management.createJobQuery().processInstanceId(visits).count()).isZero();
	}

}
