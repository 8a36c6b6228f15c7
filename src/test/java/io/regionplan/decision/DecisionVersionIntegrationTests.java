package io.regionplan.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.deployment.ProcessFiles;
import io.regionplan.deployment.ProcessFilesDeployment;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Changed rule files deployed while cycles run: each cycle keeps the rules of its own
 * deployment and records that version; a rule set that fails leaves nothing behind but an
 * incident.
 */
@IntegrationTest
class DecisionVersionIntegrationTests {

	private static final String TIERS_PARAMETERS = "rules/dealer-classification/parameters.properties";

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path checkout;

	@Autowired
	CycleDriver driver;

	@BeforeEach
	void copyTheRepositoryFolders() throws IOException {
		for (String folder : new String[] { "processes", "rules", "forms" }) {
			FileSystemUtils.copyRecursively(Path.of(folder), checkout.resolve(folder));
		}
	}

	/**
	 * Deploys the repository's own files again, so that later tests see the shipped rules
	 * as the latest.
	 */
	@AfterEach
	void restoreTheShippedVersion() {
		ProcessFilesDeployment.deployChange(repository, "regionplan", ProcessFiles.fromFolder(Path.of(".")));
	}

	private void deployChanged(String file, UnaryOperator<String> change) throws IOException {
		Path path = checkout.resolve(file);
		Files.writeString(path, change.apply(Files.readString(path)));
		assertThat(ProcessFilesDeployment.deploy(repository, "regionplan", ProcessFiles.fromFolder(checkout)).created())
			.isTrue();
	}

	private JsonNode dealerDecision(String cycle) {
		return rest.withBasicAuth("sun.auditor", "demo")
			.getForObject(
					"/api/decisions?ruleSet=dealer-classification&subjectsPerDecision=0&processInstanceId=" + cycle,
					JsonNode.class)
			.get("content")
			.get(0);
	}

	private String rulesText(JsonNode decision) {
		JsonNode rules = rest.withBasicAuth("sun.auditor", "demo")
			.getForObject("/api/decisions/" + decision.get("id").asText() + "/rules", JsonNode.class);
		assertThat(rules.get("matchesDecision").asBoolean()).isTrue();
		StringBuilder text = new StringBuilder();
		rules.get("files").forEach(file -> text.append(file.get("text").asText()));
		return text.toString();
	}

	private int tierCount(String cycle, String tier) {
		return jdbc.queryForObject("select count(*) from cycle_dealer_tier where process_instance_id = ? and tier = ?",
				Integer.class, cycle, tier);
	}

	@Test
	void runningCyclesKeepTheirRulesAndNewCyclesRecordTheNewVersion() throws IOException {
		String before = driver.runPlanning("east", "wang.east");
		String startedBefore = driver.start("east");

		deployChanged(TIERS_PARAMETERS,
				text -> text.replace("tierA.percentileFrom = 0.80", "tierA.percentileFrom = 0.70"));
		driver.readMarketAndChooseStrategy(startedBefore, "wang.east");
		driver.planAsForecast(startedBefore, "wang.east");
		driver.reviewDealersAndApprove(startedBefore, "wang.east");
		String after = driver.runPlanning("east", "wang.east");

		JsonNode old = dealerDecision(before);
		JsonNode kept = dealerDecision(startedBefore);
		JsonNode changed = dealerDecision(after);
		assertThat(kept.get("ruleVersion").asText()).isEqualTo(old.get("ruleVersion").asText());
		assertThat(changed.get("ruleVersion").asText()).isNotEqualTo(old.get("ruleVersion").asText());
		assertThat(changed.get("deploymentId").asText()).isNotEqualTo(old.get("deploymentId").asText());
		assertThat(rulesText(old)).contains("tierA.percentileFrom = 0.80");
		assertThat(rulesText(changed)).contains("tierA.percentileFrom = 0.70");
		assertThat(tierCount(after, "A")).isGreaterThan(tierCount(before, "A"));
		assertThat(tierCount(startedBefore, "A")).isEqualTo(tierCount(before, "A"));
	}

	@Test
	void ruleSetThatThrowsLeavesNoDecisionAndNoResultsAndRaisesAnIncident() throws IOException {
		// a missing key is refused when the rule set compiles; a value that is no number
		// fails when the rule runs
		deployChanged(TIERS_PARAMETERS,
				text -> text.replace("tierD.declineBelow = -0.20", "tierD.declineBelow = minus 20%"));
		String cycle = driver.start("east");
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		driver.planAsForecast(cycle, "wang.east");
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_ReviewTeam", "wang.east", Map.of("teamPlan", "-"));

		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> driver.runJobs(cycle)).hasMessageContaining("tierD.declineBelow");
		}

		Job failed = management.createJobQuery().processInstanceId(cycle).singleResult();
		assertThat(failed.getRetries()).isZero();
		assertThat(failed.getExceptionMessage()).contains("rule set 'dealer-classification' failed");
		assertThat(runtime.createIncidentQuery().processInstanceId(cycle).singleResult().getActivityId())
			.isEqualTo("Task_DealerClassification");
		assertThat(jdbc.queryForObject("select count(*) from decision where process_instance_id = ? "
				+ "and rule_set = 'dealer-classification'", Integer.class, cycle))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from cycle_dealer_tier where process_instance_id = ?",
				Integer.class, cycle))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from decision where process_instance_id = ?", Integer.class,
				cycle))
			.as("city-strategy, volume-gap, plan-split, coverage-targets and team-sizing before it recorded theirs")
			.isEqualTo(5);
	}

}
