package io.regionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.regionplan.deployment.ProcessFiles;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class RegionPlanApplicationIntegrationTests {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuleSetRegistry rules;

	@Autowired
	TestRestTemplate rest;

	private final ProcessFiles repositoryFiles = ProcessFiles.fromFolder(Path.of("."));

	@Test
	void deploysEveryProcessRuleAndFormFileAsOneDeployment() {
		// the deployment made at startup: it holds version 1 of the planning cycle (other
		// tests deploy versions of their own later, some while the engine clock is set
		// back,
		// so the deployment time does not tell)
		Deployment deployment = repository.createDeploymentQuery()
			.deploymentId(repository.createProcessDefinitionQuery()
				.processDefinitionKey("regional-planning-cycle")
				.processDefinitionVersion(1)
				.singleResult()
				.getDeploymentId())
			.singleResult();
		Set<String> deployed = repository.getDeploymentResources(deployment.getId())
			.stream()
			.map(Resource::getName)
			.collect(Collectors.toSet());

		assertThat(deployed).isEqualTo(repositoryFiles.files().keySet());
		assertThat(deployed).anyMatch(name -> name.startsWith("processes/") && name.endsWith(".bpmn"))
			.anyMatch(name -> name.startsWith("forms/") && name.endsWith(".form"))
			.anyMatch(name -> name.startsWith("rules/") && name.endsWith(".drl"));
		List<String> processKeys = repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.list()
			.stream()
			.map(ProcessDefinition::getKey)
			.toList();
		List<String> bpmnFiles = repositoryFiles.files()
			.keySet()
			.stream()
			.filter(name -> name.startsWith("processes/"))
			.map(name -> name.substring("processes/".length(), name.length() - ".bpmn".length()))
			.toList();
		assertThat(processKeys).containsExactlyInAnyOrderElementsOf(bpmnFiles);
	}

	@Test
	void everyRuleSetCompilesAndIsCachedByContent() {
		Map<String, RuleSetSource> ruleSets = repositoryFiles.ruleSets();

		assertThat(ruleSets).isNotEmpty();
		ruleSets.values().forEach(source -> {
			assertThat(rules.compile(source).contentHash()).isEqualTo(source.contentHash());
			assertThat(rules.compile(source)).isSameAs(rules.compile(source));
		});
	}

	@Test
	void tasklistLoginPageAnswers() {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

		assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<title>Camunda Tasklist</title>");
	}

	@Test
	void actuatorExposesHealthOnlyAndH2ConsoleIsOff() {
		assertThat(rest.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
		assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.getForEntity("/actuator/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.getForEntity("/h2-console", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
