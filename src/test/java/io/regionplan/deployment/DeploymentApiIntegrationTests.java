package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.RepositoryService;
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

@IntegrationTest
class DeploymentApiIntegrationTests {

	static final String PARAMETERS = "rules/dealer-classification/parameters.properties";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	/** The shipped files again, so that later tests of the shared context run on them. */
	@AfterEach
	void restoreTheShippedVersion() {
		ProcessFilesDeployment.deployChange(repository, "regionplan", ProcessFiles.fromFolder(Path.of(".")));
	}

	static HttpEntity<LinkedMultiValueMap<String, Object>> files(Object... pathsAndContents) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < pathsAndContents.length; i += 2) {
			String path = (String) pathsAndContents[i];
			Object content = pathsAndContents[i + 1];
			byte[] bytes = content instanceof byte[] raw ? raw : ((String) content).getBytes(StandardCharsets.UTF_8);
			form.add("files", new ByteArrayResource(bytes) {
				@Override
				public String getFilename() {
					return path;
				}
			});
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	private ResponseEntity<JsonNode> deploy(String user, HttpEntity<?> files) {
		return rest.withBasicAuth(user, "demo").postForEntity("/api/deployments", files, JsonNode.class);
	}

	private static String parameters() throws IOException {
		return Files.readString(Path.of(PARAMETERS));
	}

	@Test
	void processOwnerDeploysAChangedThresholdAndSeesTheNewVersion() throws IOException {
		String running = runtime
			.startProcessInstanceByKey("regional-planning-cycle",
					java.util.Map.of("region", "east", "year", 2027, "hqVolumeTarget", 1000, "budget", 1000))
			.getProcessDefinitionId();
		String changed = parameters().replace("tierA.percentileFrom = 0.80", "tierA.percentileFrom = 0.75");

		ResponseEntity<JsonNode> deployed = deploy("chen.owner", files(PARAMETERS, changed));

		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String deploymentId = deployed.getBody().get("deploymentId").asText();
		assertThat(repository.getDeploymentResourceNames(deploymentId)).contains(PARAMETERS,
				"processes/regional-planning-cycle.bpmn");
		JsonNode all = rest.withBasicAuth("chen.owner", "demo")
			.getForObject("/api/deployments/versions", JsonNode.class);
		JsonNode versions = all.get("processes");
		assertThat(versions.get("regional-planning-cycle").get(0).get("deploymentId").asText()).isEqualTo(deploymentId);
		assertThat(versions.get("regional-planning-cycle").get(0).get("author").asText()).isEqualTo("chen.owner");
		assertThat(versions.get("regional-planning-cycle").size()).isGreaterThan(1);
		JsonNode tiers = all.get("ruleSets").get("dealer-classification");
		assertThat(tiers.get(0).get("firstDeploymentId").asText()).as("the new rule set version")
			.isEqualTo(deploymentId);
		assertThat(tiers.get(0).get("author").asText()).isEqualTo("chen.owner");
		assertThat(tiers.get(0).get("runningInstances").asLong()).isZero();
		assertThat(tiers).as("the rule set version the running cycle evaluates").anySatisfy(v -> {
			assertThat(v.get("deploymentIds")).extracting(JsonNode::asText)
				.contains(repository.getProcessDefinition(running).getDeploymentId());
			assertThat(v.get("runningInstances").asLong()).isPositive();
		});
		assertThat(all.get("ruleSets").get("volume-gap").get(0).get("deploymentIds"))
			.as("unchanged: one version, many deployments")
			.extracting(JsonNode::asText)
			.contains(deploymentId);
		assertThat(versions.get("regional-planning-cycle")).as("the cycle started before keeps its version")
			.anySatisfy(v -> {
				assertThat(v.get("deploymentId").asText())
					.isEqualTo(repository.getProcessDefinition(running).getDeploymentId());
				assertThat(v.get("runningInstances").asLong()).isPositive();
			});
		List<String> audit = jdbc
			.queryForList("select files from deployment_audit where deployment_id = ? and user_id = 'chen.owner' "
					+ "and outcome = 'DEPLOYED'", String.class, deploymentId);
		assertThat(audit).singleElement()
			.asString()
			.contains(PARAMETERS)
			.contains(DeploymentService.sha256(changed.getBytes(StandardCharsets.UTF_8)));

		ResponseEntity<JsonNode> again = deploy("chen.owner", files(PARAMETERS, changed));
		assertThat(again.getStatusCode()).as("the same files again").isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("outcome").asText()).isEqualTo("UNCHANGED");
	}

	@Test
	void anyProblemDeploysNothingAndListsEveryProblem() {
		long before = repository.createDeploymentQuery().count();
		int rejectedBefore = jdbc.queryForObject("select count(*) from deployment_audit where outcome = 'REJECTED'",
				Integer.class);

		ResponseEntity<JsonNode> rejected = deploy("chen.owner",
				files("rules/volume-gap/gap-bands.drl",
						"package rules.volumegap;\nrule \"X\" when then System.exit(0); end\n", "forms/swot.form",
						"{ \"id\": \"swot\", \"components\": [ {\"key\": \"a\"}, {\"key\": \"a\"} ] }"));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rejected.getBody().get("problems"))
			.anySatisfy(p -> assertThat(p.get("message").asText()).contains("System is not allowed"))
			.anySatisfy(p -> assertThat(p.get("message").asText()).contains("duplicate field key 'a'"));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertThat(
				jdbc.queryForObject("select count(*) from deployment_audit where outcome = 'REJECTED'", Integer.class))
			.as("one audit row for the attempt")
			.isEqualTo(rejectedBefore + 1);
	}

	@Test
	void onlyProcessOwnersDeploy() throws IOException {
		for (String user : List.of("wang.east", "zhao.director", "sun.auditor")) {
			assertThat(deploy(user, files(PARAMETERS, parameters())).getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		long before = repository.createDeploymentQuery().count();
		// an unknown caller is answered 401 without its body being read (UnreadBodies):
		// the connection is then closed, and a client still sending may see the reset
		// before the answer
		try {
			assertThat(rest.postForEntity("/api/deployments", files(PARAMETERS, "x"), String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		catch (org.springframework.web.client.ResourceAccessException closed) {
			assertThat(closed).hasMessageContaining("/api/deployments");
		}
		assertThat(rest.postForEntity("/api/deployments", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
	}

	@Test
	void aZipOfChangedFilesDeploys() throws IOException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry(PARAMETERS));
			out.write(parameters().replace("flag.overdueDaysAbove = 30", "flag.overdueDaysAbove = 45")
				.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}

		ResponseEntity<JsonNode> deployed = deploy("chen.owner", files("change.zip", zip.toByteArray()));

		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(deployed.getBody().get("files").has(PARAMETERS)).isTrue();
	}

	private String startCycle() {
		return runtime
			.startProcessInstanceByKey("regional-planning-cycle",
					java.util.Map.of("region", "east", "year", 2027, "hqVolumeTarget", 1000, "budget", 1000))
			.getId();
	}

	private String bpmn() throws IOException {
		return Files.readString(Path.of("processes/regional-planning-cycle.bpmn"));
	}

	private ResponseEntity<JsonNode> migrate(String user, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo")
			.postForEntity("/api/deployments/migrations", new HttpEntity<>(body, headers), JsonNode.class);
	}

	private String definitionOf(String instance) {
		return runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
	}

	@Test
	void runningInstancesMoveToANewProcessVersion() throws IOException {
		String instance = startCycle();
		String oldDefinition = definitionOf(instance);
		String renamed = bpmn().replace("name=\"数据刷新检查 / Data refresh check\"",
				"name=\"数据刷新检查（新）/ Data refresh check (new)\"");
		assertThat(renamed).contains("Data refresh check (new)");
		String deploymentId = deploy("chen.owner", files("processes/regional-planning-cycle.bpmn", renamed)).getBody()
			.get("deploymentId")
			.asText();

		int migrationsBefore = jdbc.queryForObject("select count(*) from deployment_audit where outcome = 'MIGRATED'",
				Integer.class);
		long running = runtime.createProcessInstanceQuery().processDefinitionKey("regional-planning-cycle").count();

		ResponseEntity<JsonNode> migrated = migrate("chen.owner", "{\"processKey\": \"regional-planning-cycle\"}");

		assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(migrated.getBody().get("outcome").asText()).isEqualTo("MIGRATED");
		assertThat(migrated.getBody().get("migrated").asLong()).as("every running cycle of an older version")
			.isEqualTo(running);
		String newDefinition = definitionOf(instance);
		assertThat(newDefinition).isNotEqualTo(oldDefinition);
		assertThat(repository.getProcessDefinition(newDefinition).getDeploymentId()).isEqualTo(deploymentId);
		org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery()
			.processInstanceId(instance)
			.singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_DataRefreshCheck");
		assertThat(task.getName()).as("the task keeps its name; the new version's activity took it over")
			.isEqualTo("数据刷新检查 / Data refresh check");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(oldDefinition).count()).isZero();
		assertThat(
				jdbc.queryForObject("select count(*) from deployment_audit where outcome = 'MIGRATED'", Integer.class))
			.isEqualTo(migrationsBefore + 1);
		assertThat(migrate("wang.east", "{\"processKey\": \"regional-planning-cycle\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aMigrationTheChangeDoesNotAllowMovesNothingAndSaysWhy() throws IOException {
		String instance = startCycle();
		String oldDefinition = definitionOf(instance);
		int oldVersion = repository.getProcessDefinition(oldDefinition).getVersion();
		String withoutTheTask = bpmn().replace("Task_DataRefreshCheck", "Task_RefreshCheck");
		assertThat(
				deploy("chen.owner", files("processes/regional-planning-cycle.bpmn", withoutTheTask)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		int refusalsBefore = jdbc.queryForObject("select count(*) from deployment_audit where outcome = 'NOT_MIGRATED'",
				Integer.class);
		ResponseEntity<JsonNode> refused = migrate("chen.owner",
				"{\"processKey\": \"regional-planning-cycle\", \"fromVersion\": " + oldVersion + "}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("outcome").asText()).isEqualTo("REFUSED");
		assertThat(refused.getBody().get("problems"))
			.anySatisfy(p -> assertThat(p.asText()).contains("Task_DataRefreshCheck"));
		assertThat(definitionOf(instance)).as("nothing moved").isEqualTo(oldDefinition);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionId(oldDefinition).count())
			.isEqualTo(refused.getBody().get("instances").get(String.valueOf(oldVersion)).asLong());
		assertThat(jdbc.queryForObject("select count(*) from deployment_audit where outcome = 'NOT_MIGRATED'",
				Integer.class))
			.isEqualTo(refusalsBefore + 1);

		ResponseEntity<JsonNode> unknown = migrate("chen.owner",
				"{\"processKey\": \"regional-planning-cycle\", \"toVersion\": 999}");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody().get("message").asText()).contains("has no version 999");
	}

	@Test
	void aFileIsRemovedOnlyWhenNothingNeedsIt() throws java.io.IOException {
		String table = "rules/volume-gap-table/volume-gap.xlsx";
		LinkedMultiValueMap<String, Object> addTable = new LinkedMultiValueMap<>();
		addTable.add("files", new org.springframework.core.io.ByteArrayResource(java.nio.file.Files
			.readAllBytes(java.nio.file.Path.of("docs/examples/volume-gap-table/volume-gap.xlsx"))) {
			@Override
			public String getFilename() {
				return table;
			}
		});
		assertThat(deploy("chen.owner", new HttpEntity<>(addTable, multipart())).getStatusCode())
			.as("a rule set nothing uses, added")
			.isEqualTo(HttpStatus.CREATED);
		LinkedMultiValueMap<String, Object> removeTable = new LinkedMultiValueMap<>();
		removeTable.add("remove", table);

		ResponseEntity<JsonNode> removed = deploy("chen.owner", new HttpEntity<>(removeTable, multipart()));

		assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(repository.getDeploymentResourceNames(removed.getBody().get("deploymentId").asText()))
			.doesNotContain(table)
			.contains("rules/volume-gap/gap-bands.drl");
		assertThat(removed.getBody().get("files").get(table).asText()).isEqualTo("removed");

		LinkedMultiValueMap<String, Object> again = new LinkedMultiValueMap<>();
		again.add("remove", table);
		ResponseEntity<JsonNode> notDeployed = deploy("chen.owner", new HttpEntity<>(again, multipart()));
		assertThat(notDeployed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notDeployed.getBody().get("message").asText()).contains("is not deployed");

		long before = repository.createDeploymentQuery().count();
		LinkedMultiValueMap<String, Object> removeUsedForm = new LinkedMultiValueMap<>();
		removeUsedForm.add("remove", "forms/swot.form");
		ResponseEntity<JsonNode> needed = deploy("chen.owner", new HttpEntity<>(removeUsedForm, multipart()));
		assertThat(needed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(needed.getBody().get("problems"))
			.anySatisfy(p -> assertThat(p.get("message").asText()).contains("forms/swot.form does not exist"));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private static HttpHeaders multipart() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return headers;
	}

	@Test
	void badPathsAndZipBombsAreRefused() throws IOException {
		ResponseEntity<JsonNode> badPath = deploy("chen.owner", files("../etc/passwd", "x"));
		assertThat(badPath.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badPath.getBody().get("message").asText()).contains("not a process file path");

		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("forms/huge.form"));
			out.write(new byte[25 * 1024 * 1024]);
			out.closeEntry();
		}
		ResponseEntity<JsonNode> bomb = deploy("chen.owner", files("bomb.zip", zip.toByteArray()));
		assertThat(bomb.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bomb.getBody().get("message").asText()).contains("more than 20 MB");
	}

}
