package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Process files that would run code of their own (scripts, Java classes, beans off the
 * allow-list, reflection) are refused by the deployment API with the element and the
 * reason, and deploy nothing; and the engine itself resolves no bean off the allow-list,
 * for files that reach it another way.
 */
@IntegrationTest
class UnsafeProcessDeploymentIntegrationTests {

	static final String CYCLE = "processes/regional-planning-cycle.bpmn";

	static final String SUMMARY_TASK = "camunda:delegateExpression=\"${summarizeMarketDelegate}\">";

	static final String GAP_ACCEPTED = "${gapBand == 'ACCEPTED'}";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private static String cycle() throws IOException {
		return Files.readString(Path.of(CYCLE));
	}

	/** The shipped cycle with one change; the change must apply. */
	private static String changed(String from, String to) throws IOException {
		String shipped = cycle();
		assertThat(shipped).contains(from);
		return shipped.replace(from, to);
	}

	/**
	 * Each unsafe cycle, by what it tries, with the element id and the reason the refusal
	 * must name.
	 */
	private static Map<String, List<String>> unsafeCycles() throws IOException {
		Map<String, List<String>> cases = new LinkedHashMap<>();
		String summaryTask = "<bpmn:serviceTask id=\"Task_SummarizeMarket\" name=\"汇总市场数据 / Summarize market data\" "
				+ SUMMARY_TASK
				+ "\n        <bpmn:incoming>Flow_FirstMarketReading</bpmn:incoming>\n        <bpmn:outgoing>Flow_SummaryToDataReady</bpmn:outgoing>\n"
				+ "      </bpmn:serviceTask>";
		cases
			.put(changed(summaryTask, "<bpmn:scriptTask id=\"Task_SummarizeMarket\" name=\"x\" scriptFormat=\"groovy\">"
					+ "<bpmn:incoming>Flow_FirstMarketReading</bpmn:incoming><bpmn:outgoing>Flow_SummaryToDataReady</bpmn:outgoing>"
					+ "<bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>"),
					List.of("Task_SummarizeMarket", "scripts are not allowed"));
		cases.put(changed(SUMMARY_TASK,
				SUMMARY_TASK + "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
						+ "<camunda:script scriptFormat=\"javascript\">java.lang.System.exit(1)</camunda:script>"
						+ "</camunda:executionListener></bpmn:extensionElements>"),
				List.of("Task_SummarizeMarket", "scripts are not allowed"));
		cases.put(changed(SUMMARY_TASK,
				SUMMARY_TASK + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
						+ "<camunda:script scriptFormat=\"groovy\">new File('/etc/passwd').text</camunda:script>"
						+ "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>"),
				List.of("Task_SummarizeMarket", "scripts are not allowed"));
		cases.put(changed(SUMMARY_TASK, SUMMARY_TASK + "<bpmn:extensionElements><camunda:taskListener event=\"create\">"
				+ "<camunda:script scriptFormat=\"groovy\" resource=\"deployment://evil.groovy\"/></camunda:taskListener>"
				+ "</bpmn:extensionElements>"), List.of("Task_SummarizeMarket", "scripts are not allowed"));
		cases.put(changed("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + GAP_ACCEPTED,
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\" camunda:resource=\"evil.js\">"
						+ GAP_ACCEPTED),
				List.of("Flow_GapAccepted", "scripts are not allowed"));
		cases.put(changed(GAP_ACCEPTED, "${jdbcTemplate.execute('drop table decision') == null}"),
				List.of("Flow_GapAccepted", "bean 'jdbcTemplate' is not on the allow-list"));
		cases.put(changed("${summarizeMarketDelegate}", "${repositoryService}"),
				List.of("Task_SummarizeMarket", "must name an allow-listed bean, not '${repositoryService}'"));
		cases.put(
				changed(SUMMARY_TASK,
						"camunda:expression=\"${environment.getProperty('spring.datasource.password')}\">"),
				List.of("Task_SummarizeMarket", "bean 'environment' is not on the allow-list",
						"methods may only be called on allow-listed beans"));
		cases.put(
				changed("${summarizeMarketDelegate}",
						"${evaluateRuleSetDelegate.getClass().forName('java.lang.Runtime')}"),
				List.of("Task_SummarizeMarket", "may not use 'getClass'", "may not use 'forName'"));
		cases.put(changed(GAP_ACCEPTED, "${execution.getProcessEngineServices().getRepositoryService() != null}"),
				List.of("Flow_GapAccepted", "may not use 'getProcessEngineServices'"));
		cases.put(changed(GAP_ACCEPTED, "${evaluateRuleSetDelegate['class'] != null}"),
				List.of("Flow_GapAccepted", "may not use 'class'"));
		cases.put(
				changed(SUMMARY_TASK,
						SUMMARY_TASK.replace("delegateExpression=\"${summarizeMarketDelegate}\"",
								"class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior\"")),
				List.of("Task_SummarizeMarket", "camunda:class is not allowed"));
		// listeners name their class without the camunda prefix
		cases.put(changed(SUMMARY_TASK, SUMMARY_TASK
				+ "<bpmn:extensionElements><camunda:executionListener event=\"start\" "
				+ "class=\"org.camunda.bpm.engine.impl.bpmn.listener.ClassDelegateExecutionListener\"/></bpmn:extensionElements>"),
				List.of("Task_SummarizeMarket", "class is not allowed"));
		return cases;
	}

	@Test
	void scriptsClassesAndBeansOffTheAllowListAreRefusedAndNothingIsDeployed() throws IOException {
		Map<String, List<String>> cases = unsafeCycles();
		long deployments = repository.createDeploymentQuery().count();
		long definitions = repository.createProcessDefinitionQuery().count();

		for (Map.Entry<String, List<String>> unsafe : cases.entrySet()) {
			ResponseEntity<JsonNode> refused = rest.withBasicAuth("chen.owner", "demo")
				.postForEntity("/api/deployments", DeploymentApiIntegrationTests.files(CYCLE, unsafe.getKey()),
						JsonNode.class);

			assertThat(refused.getStatusCode()).as(unsafe.getValue().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
			String problems = refused.getBody().get("problems").toString();
			unsafe.getValue().forEach(expected -> assertThat(problems).as(unsafe.getValue().get(0)).contains(expected));
		}

		assertThat(cases).hasSize(13);
		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
		assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
	}

	@Test
	void aForbiddenCallInARuleFileIsRefusedThroughTheApi() throws IOException {
		String drl = "rules/volume-gap/gap-bands.drl";
		String rules = Files.readString(Path.of(drl));
		String exec = rules.replaceFirst("then\n", "then\n    Runtime.getRuntime().exec(\"calc\");\n");
		assertThat(exec).isNotEqualTo(rules);
		long deployments = repository.createDeploymentQuery().count();

		ResponseEntity<JsonNode> refused = rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments", DeploymentApiIntegrationTests.files(drl, exec), JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("problems").toString()).contains(drl).contains("Runtime is not allowed");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void theEngineResolvesNoBeanOffTheAllowList() {
		// deployed past the validator, as a file reaching the engine another way would be
		BpmnModelInstance model = Bpmn.createExecutableProcess("unsafe-bean")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_DropTable")
			.camundaExpression("${jdbcTemplate.execute('drop table decision')}")
			.endEvent()
			.done();
		String deployment = repository.createDeployment().addModelInstance("unsafe-bean.bpmn", model).deploy().getId();
		int decisions = jdbc.queryForObject("select count(*) from decision", Integer.class);
		long instances = runtime.createProcessInstanceQuery().count();
		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("unsafe-bean"))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("Cannot resolve identifier 'jdbcTemplate'");

			assertThat(jdbc.queryForObject("select count(*) from decision", Integer.class))
				.as("the table is still there")
				.isEqualTo(decisions);
			assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	@Test
	void everyAllowListedBeanExistsAndNothingElseOfTheContextIsOnTheList() {
		assertThat(io.regionplan.engine.ExpressionBeans.ALLOWED)
			.allSatisfy(name -> assertThat(context.containsBean(name)).as(name).isTrue());
		assertThat(io.regionplan.engine.ExpressionBeans.ALLOWED).doesNotContain("jdbcTemplate", "repositoryService",
				"environment", "processEngine", "runtimeService", "identityService");
	}

	@Test
	void theEngineRefusesReflectionOnAnAllowedBean() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("unsafe-reflection")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Reflect")
			.camundaExpression("${cycleCalendar.getClass().forName('java.lang.Runtime')}")
			.endEvent()
			.done();
		String deployment = repository.createDeployment()
			.addModelInstance("unsafe-reflection.bpmn", model)
			.deploy()
			.getId();
		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("unsafe-reflection"))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("expressions may not use 'getClass'");
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("unsafe-reflection").count()).isZero();
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

}
