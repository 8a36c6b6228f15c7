package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.deployment.ProcessFiles;
import io.regionplan.deployment.ProcessFilesDeployment;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A rule that throws, and rules that loop past the firing cap: the rule task fails
 * cleanly (no variables, no decision), Camunda retries it (default: 3 tries, at once, as
 * the rule tasks set no failedJobRetryTimeCycle), then an incident names the rule set and
 * the rule. A fixed file redeployed helps only instances moved to the new version: an
 * instance runs the rules of its own deployment.
 */
@IntegrationTest
class FailingRuleTaskIntegrationTests {

	static final String QUADRANT = "rules/city-strategy/quadrant.drl";

	static final String DIVIDES_BY_ZERO = """

			rule "Share_PerDealerWithoutDealers"
			when
			    $c : City()
			then
			    int dealers = 0;
			    int sharePerDealer = 100 / dealers;
			end
			""";

	/**
	 * A loop of its own (re-firing the shipped rules instead would take minutes: see the
	 * report).
	 */
	static final String LOOPS = """

			rule "Tick_Start"
			when
			    not GapBand( subjectId == "tick" )
			then
			    insert(new GapBand("tick", "0", "", ""));
			end

			rule "Tick_Again"
			when
			    $t : GapBand( subjectId == "tick" )
			then
			    update($t);
			end
			""";

	@Autowired
	CycleDriver driver;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	private final List<String> cycles = new ArrayList<>();

	/**
	 * The shipped files again and no cycle of a broken version left, for the later tests
	 * of the shared context.
	 */
	@AfterEach
	void restoreTheShippedVersion() {
		cycles.stream()
			.filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
			.forEach(id -> runtime.deleteProcessInstance(id, "test done"));
		ProcessFilesDeployment.deployChange(repository, "regionplan", ProcessFiles.fromFolder(Path.of(".")));
	}

	@Test
	void aRuleThatThrowsFailsTheTaskCleanlyRetriesThenAnIncidentAndAFixedMigratedVersionCompletes() throws IOException {
		String brokenDeployment = deploy(shipped() + DIVIDES_BY_ZERO);
		String cycle = cycleAtTheCityStrategyRuleTask();
		long variables = variables(cycle);

		Job job = failThreeTimes(cycle, "Share_PerDealerWithoutDealers");

		Incident incident = runtime.createIncidentQuery().processInstanceId(cycle).singleResult();
		assertThat(incident.getIncidentType()).isEqualTo("failedJob");
		assertThat(incident.getActivityId()).isEqualTo("Task_CityStrategy");
		assertThat(incident.getIncidentMessage()).contains("rule set 'city-strategy' failed")
			.contains("Share_PerDealerWithoutDealers")
			.contains("/ by zero");
		assertThat(variables(cycle)).as("no partial variables").isEqualTo(variables);
		assertThat(runtime.getVariable(cycle, "cityStrategySummary")).isNull();
		assertThat(decisions(cycle)).as("no decision").isZero();

		// a retry alone runs the same broken rules: the instance belongs to the broken
		// deployment
		management.setJobRetries(job.getId(), 1);
		assertThatThrownBy(() -> management.executeJob(job.getId()))
			.hasMessageContaining("Share_PerDealerWithoutDealers");
		assertThat(runtime.createIncidentQuery().processInstanceId(cycle).count()).isEqualTo(1);

		// fixed: the shipped file redeployed, the instance moved to that version, the job
		// retried
		String fixedDeployment = deploy(shipped());
		int brokenVersion = repository.createProcessDefinitionQuery()
			.deploymentId(brokenDeployment)
			.processDefinitionKey("regional-planning-cycle")
			.singleResult()
			.getVersion();
		ResponseEntity<JsonNode> migrated = migrate(
				"{\"processKey\": \"regional-planning-cycle\", \"fromVersion\": " + brokenVersion + "}");
		assertThat(migrated.getStatusCode()).as(String.valueOf(migrated.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(migrated.getBody().get("migrated").asLong()).isEqualTo(1);
		management.setJobRetries(job.getId(), 1);
		management.executeJob(job.getId());

		assertThat(runtime.createIncidentQuery().processInstanceId(cycle).count()).isZero();
		assertThat(tasks.createTaskQuery().processInstanceId(cycle).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_ReviewStrategy");
		assertThat(jdbc.queryForList(
				"select deployment_id from decision where process_instance_id = ? and rule_set = 'city-strategy'",
				String.class, cycle))
			.as("one decision, by the fixed rules")
			.containsExactly(fixedDeployment);
	}

	@Test
	void rulesThatLoopPastTheFiringCapFailTheTaskAndTheIncidentNamesTheLoopingRule() throws IOException {
		deploy(shipped() + LOOPS);
		String cycle = cycleAtTheCityStrategyRuleTask();
		long variables = variables(cycle);

		// one try, not three: a try fires a million rules (about 5 s); the retries are
		// shown with the throwing rule
		Job job = management.createJobQuery().processInstanceId(cycle).singleResult();
		management.setJobRetries(job.getId(), 1);
		assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("Tick_Again");
		assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();

		assertThat(runtime.createIncidentQuery().processInstanceId(cycle).singleResult().getIncidentMessage())
			.contains("rule set 'city-strategy' fired more than 1000000 rules")
			.contains("most often rule 'Tick_Again' (");
		assertThat(variables(cycle)).as("no partial variables").isEqualTo(variables);
		assertThat(decisions(cycle)).as("no decision").isZero();
		assertThat(tasks.createTaskQuery().processInstanceId(cycle).count()).as("no task after the rule task").isZero();
	}

	/**
	 * A changed rule set is run on the facts of the latest decision of it in every region
	 * before it is deployed: one that fails there is refused with the rule set, the
	 * region and the rule, in fixed words (not what the failing code said), and nothing
	 * is deployed; {@code force=true} deploys it, and the audit says it was forced past
	 * which failures.
	 */
	@Test
	void rulesThatFailOnTheLatestFactsAreRefusedUnlessForcedAndTheForcingIsAudited() throws IOException {
		String cycle = cycleAtTheCityStrategyRuleTask();
		driver.runJobs(cycle);
		long deployments = repository.createDeploymentQuery().count();

		ResponseEntity<JsonNode> refused = post(shipped() + DIVIDES_BY_ZERO, false);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("outcome").asText()).isEqualTo("REJECTED");
		assertThat(refused.getBody().get("problems")).anySatisfy(problem -> {
			assertThat(problem.get("file").asText()).isEqualTo("rules/city-strategy/");
			assertThat(problem.get("message").asText()).contains("in region 'east'")
				.contains("rule set 'city-strategy' failed in rule 'Share_PerDealerWithoutDealers'")
				.contains("ArithmeticException")
				.doesNotContain("/ by zero");
		});
		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);

		ResponseEntity<JsonNode> forced = post(shipped() + DIVIDES_BY_ZERO, true);

		assertThat(forced.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(forced.getBody().get("forced").asBoolean()).isTrue();
		assertThat(forced.getBody().get("problems")).isNotEmpty();
		List<Object> audit = jdbc.queryForObject(
				"select action, outcome, forced, user_id, problems from deployment_audit " + "where deployment_id = ?",
				(row, n) -> List.of(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4),
						row.getString(5)),
				forced.getBody().get("deploymentId").asText());
		assertThat(audit.subList(0, 4)).containsExactly("DEPLOY", "DEPLOYED", true, "chen.owner");
		assertThat((String) audit.get(4)).contains("Share_PerDealerWithoutDealers");
	}

	/**
	 * Runs the rule-task job until its retries are used up, checking each failure; the
	 * job afterwards.
	 */
	private Job failThreeTimes(String cycle, String rule) {
		Job job = management.createJobQuery().processInstanceId(cycle).singleResult();
		assertThat(job.getRetries()).as("Camunda's default").isEqualTo(3);
		for (int left = 2; left >= 0; left--) {
			assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuleEvaluationException.class)
				.hasMessageContaining(rule);
			assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(left);
			assertThat(runtime.createIncidentQuery().processInstanceId(cycle).count()).isEqualTo(left == 0 ? 1 : 0);
		}
		assertThat(management.createJobQuery().processInstanceId(cycle).executable().count()).as("no more tries")
			.isZero();
		return job;
	}

	private String cycleAtTheCityStrategyRuleTask() {
		String cycle = driver.start("east");
		cycles.add(cycle);
		driver.complete(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		driver.complete(cycle, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS);
		driver.complete(cycle, "Task_Swot", "wang.east", CycleDriver.SWOT);
		return cycle;
	}

	private long variables(String cycle) {
		return runtime.createVariableInstanceQuery().processInstanceIdIn(cycle).count();
	}

	private int decisions(String cycle) {
		return jdbc.queryForObject("select count(*) from decision where process_instance_id = ?", Integer.class, cycle);
	}

	private static String shipped() throws IOException {
		return Files.readString(Path.of(QUADRANT))
			.replace("import io.regionplan.rules.fact.Amounts;",
					"import io.regionplan.rules.fact.Amounts;\nimport io.regionplan.rules.fact.GapBand;");
	}

	/**
	 * Deployed with {@code force=true}: a deployment whose rules fail on the latest facts
	 * is refused otherwise (see
	 * {@link #rulesThatFailOnTheLatestFactsAreRefusedUnlessForcedAndTheForcingIsAudited}).
	 */
	private String deploy(String quadrant) {
		ResponseEntity<JsonNode> deployed = post(quadrant, true);
		assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
		return deployed.getBody().get("deploymentId").asText();
	}

	private ResponseEntity<JsonNode> post(String quadrant, boolean force) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("files", new ByteArrayResource(quadrant.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return QUADRANT;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments" + (force ? "?force=true" : ""), new HttpEntity<>(form, headers),
					JsonNode.class);
	}

	private ResponseEntity<JsonNode> migrate(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments/migrations", new HttpEntity<>(body, headers), JsonNode.class);
	}

}
