package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Hostile BPMN expressions: each is refused by the deployment API (400 naming the element
 * and the reason, nothing deployed), and again by the engine when the file reaches it
 * another way (the expression does not run: no variable changes, no file is written).
 * Likewise timers that fire too often and retries beyond their bounds, refused by the API
 * and by the engine's parser.
 */
@IntegrationTest
class HostileBpmnExpressionIntegrationTests {

	static final String CYCLE = "processes/regional-planning-cycle.bpmn";

	static final String MONTH = "processes/monthly-execution.bpmn";

	static final String GAP_ACCEPTED = "${gapBand == 'ACCEPTED'}";

	static final String SUMMARY_TASK = "camunda:delegateExpression=\"${summarizeMarketDelegate}\">";

	static final String MONTH_START = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${cycleCalendar.monthStart(year, month)}</bpmn:timeDate>";

	/** Where the file-writing expression would write, were it run. */
	static final Path MARKER = Path.of("target", "hostile-expression-marker").toAbsolutePath();

	/**
	 * An expression, what the deployment API must answer, and what the engine must
	 * answer.
	 */
	record Hostile(String expression, String atDeployment, String atRunTime) {

		@Override
		public String toString() {
			return expression;
		}

	}

	static Stream<Hostile> corpus() {
		return Stream.of(
				// the review's finding: a bracket call is a call
				new Hostile("${execution['setVariable']('region', 'south')}", "may not use 'setVariable' on execution",
						"expressions may not use 'setVariable' on execution"),
				new Hostile("${execution[\"setVariable\"](\"region\", \"south\")}",
						"may not use 'setVariable' on execution", "expressions may not use 'setVariable' on execution"),
				new Hostile("#{execution.setVariable('region', 'south')}", "may not use 'setVariable' on execution",
						"expressions may not use 'setVariable' on execution"),
				new Hostile("${execution['set'.concat('Variable')]('region', 'south')}",
						"a method may not be named by a computed value", "expressions may not use 'concat' on a value"),
				new Hostile("${execution.setVariable('region', execution.getVariable('other'))}",
						"may not use 'setVariable' on execution", "expressions may not use 'setVariable' on execution"),
				// property chains and computed keys to the engine
				new Hostile("${execution.processEngineServices.runtimeService}",
						"may not use 'processEngineServices' on execution",
						"expressions may not use 'processEngineServices' on execution"),
				new Hostile("${execution['processEngine'].runtimeService}", "may not use 'processEngine' on execution",
						"expressions may not use 'processEngine' on execution"),
				new Hostile("${execution[key].runtimeService}", "no computed key on execution",
						"expressions may not use 'processEngine' on execution"),
				new Hostile("${execution.getProcessEngine().getRuntimeService()}",
						"may not use 'getProcessEngine' on execution",
						"expressions may not use 'getProcessEngine' on execution"),
				new Hostile("${task.execution.processEngine}", "may not use 'execution' on task",
						"expressions may not use 'execution' on task"),
				// reflection from a value, a bean, a bean's result
				new Hostile("${''.getClass().forName('java.lang.Runtime')}", "may not use 'getClass' on a value",
						"expressions may not use 'getClass' on a value of type String"),
				new Hostile(
						"${''.getClass().forName('java.io.FileOutputStream').getConstructor(''.getClass())"
								+ ".newInstance('" + MARKER + "').close()}",
						"may not use 'getClass' on a value",
						"expressions may not use 'getClass' on a value of type String"),
				new Hostile("${cycleCalendar['class'].classLoader}", "may not use 'class' on cycleCalendar",
						"expressions may not use 'class' on cycleCalendar"),
				new Hostile("#{cycleCalendar.getClass().forName('java.lang.Runtime')}",
						"may not use 'getClass' on cycleCalendar",
						"expressions may not use 'getClass' on cycleCalendar"),
				new Hostile("${cycleCalendar.wait(60000)}", "may not use 'wait' on cycleCalendar",
						"expressions may not use 'wait' on cycleCalendar"),
				new Hostile("${cycleCalendar.quarters().getClass()}", "may not use 'getClass' on a value",
						"expressions may not use 'getClass' on a value"),
				new Hostile("${execution.getVariable('region')['class'].classLoader}", "may not use 'class' on a value",
						"expressions may not use 'class' on a value of type String"),
				new Hostile("${region.wait(60000)}", "may not use 'wait' on a value",
						"expressions may not use 'wait' on a value of type String"));
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@BeforeEach
	@AfterEach
	void noMarker() throws IOException {
		Files.deleteIfExists(MARKER);
	}

	@Test
	void theCorpusHoldsEveryFamily() {
		assertThat(corpus()).hasSizeGreaterThanOrEqualTo(10)
			.anySatisfy(hostile -> assertThat(hostile.expression()).startsWith("#{"))
			.anySatisfy(hostile -> assertThat(hostile.expression()).contains("['setVariable']("))
			.anySatisfy(hostile -> assertThat(hostile.expression()).contains(MARKER.toString()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void theDeploymentApiRefusesTheExpressionNamingElementAndReason(Hostile hostile) throws IOException {
		String cycle = changed(CYCLE, GAP_ACCEPTED, xml(hostile.expression()));
		long deployments = repository.createDeploymentQuery().count();

		ResponseEntity<JsonNode> refused = deploy(CYCLE, cycle);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("problems").toString()).contains("Flow_GapAccepted")
			.contains(hostile.atDeployment());
		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
		assertThat(MARKER).doesNotExist();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void theEngineRefusesTheExpressionWhenTheFileReachesItAnotherWay(Hostile hostile) {
		// deployed past the validator; the expression runs when the second task is
		// created
		BpmnModelInstance model = Bpmn.createExecutableProcess("hostile-expression")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Before")
			.userTask("Task_Hostile")
			.camundaTaskListenerExpression("create", hostile.expression())
			.endEvent()
			.done();
		String deployment = repository.createDeployment()
			.addModelInstance("hostile-expression.bpmn", model)
			.deploy()
			.getId();
		try {
			Map<String, Object> variables = Map.of("region", "north", "other", "south", "key", "processEngine");
			String instance = runtime.startProcessInstanceByKey("hostile-expression", variables).getId();
			Task before = tasks.createTaskQuery().processInstanceId(instance).singleResult();

			assertThatThrownBy(() -> tasks.complete(before.getId())).isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining(hostile.atRunTime());

			assertThat(runtime.getVariables(instance)).as("no variable changed")
				.containsExactlyInAnyOrderEntriesOf(variables);
			assertThat(tasks.createTaskQuery().processInstanceId(instance).list())
				.extracting(Task::getTaskDefinitionKey)
				.containsExactly("Task_Before");
			assertThat(MARKER).as("no file written").doesNotExist();
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	/**
	 * The file-writing expression is real: with JUEL's plain resolvers it writes the
	 * marker.
	 */
	@Test
	void theFileWritingExpressionWritesTheMarkerWhereNothingHoldsItBack() {
		String writer = corpus().map(Hostile::expression)
			.filter(text -> text.contains(MARKER.toString()))
			.findFirst()
			.orElseThrow();
		SimpleContext plain = new SimpleContext();

		new ExpressionFactoryImpl().createValueExpression(plain, writer, Object.class).getValue(plain);

		assertThat(MARKER).exists();
	}

	@Test
	void expressionsTheShippedProcessesUseStillRun() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("allowed-expression")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Allowed")
			.camundaDueDate("${cycleCalendar.inDays(7)}")
			.camundaTaskListenerExpression("create", "${execution.getVariable('region') == region "
					+ "&& execution.processInstanceId != null && cycleCalendar.quarters()[0] == 1 && currentUser() == null}")
			.endEvent()
			.done();
		String deployment = repository.createDeployment()
			.addModelInstance("allowed-expression.bpmn", model)
			.deploy()
			.getId();
		try {
			String instance = runtime.startProcessInstanceByKey("allowed-expression", Map.of("region", "north"))
				.getId();

			assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getDueDate()).isNotNull();
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	/**
	 * A timer or retry cycle, the file it is written into, and the element and reason the
	 * refusal names.
	 */
	static Stream<Arguments> fastTimers() throws IOException {
		Function<String, String> cycleTimer = cycle -> MONTH_START.replace("timeDate", "timeCycle")
			.replace("${cycleCalendar.monthStart(year, month)}", cycle);
		Function<String, String> retries = cycle -> SUMMARY_TASK
				+ "<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>" + cycle
				+ "</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>";
		return Stream.of(
				Arguments.of(MONTH, changed(MONTH, MONTH_START, cycleTimer.apply("R/PT1S")), "Timer_MonthStart",
						"repeats more often than once a minute"),
				Arguments.of(MONTH, changed(MONTH, MONTH_START, cycleTimer.apply("R5/PT30S")), "Timer_MonthStart",
						"repeats more often than once a minute"),
				Arguments.of(MONTH, changed(MONTH, MONTH_START, cycleTimer.apply("0/1 * * * * ?")), "Timer_MonthStart",
						"repeats more often than once a minute"),
				Arguments.of(MONTH, changed(MONTH, MONTH_START, cycleTimer.apply("${fast}")), "Timer_MonthStart",
						"a timer cycle may not be an expression"),
				Arguments.of(CYCLE, changed(CYCLE, SUMMARY_TASK, retries.apply("R1000/PT1S")), "Task_SummarizeMarket",
						"camunda:failedJobRetryTimeCycle 'R1000/PT1S' is out of bounds"),
				Arguments.of(CYCLE, changed(CYCLE, SUMMARY_TASK, retries.apply("R5/P1D")), "Task_SummarizeMarket",
						"camunda:failedJobRetryTimeCycle 'R5/P1D' is out of bounds"),
				Arguments.of(CYCLE, changed(CYCLE, SUMMARY_TASK, retries.apply("${retries}")), "Task_SummarizeMarket",
						"camunda:failedJobRetryTimeCycle may not be an expression"));
	}

	@ParameterizedTest(name = "{2}: {3}")
	@MethodSource("fastTimers")
	void theDeploymentApiRefusesTimersBeyondTheirBounds(String file, String content, String element, String reason) {
		long deployments = repository.createDeploymentQuery().count();

		ResponseEntity<JsonNode> refused = deploy(file, content);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("problems").toString()).contains(element + ": ").contains(reason);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void theEngineRefusesTimersBeyondTheirBoundsWhenTheFileReachesItAnotherWay() {
		BpmnModelInstance fastTimer = Bpmn.createExecutableProcess("fast-timer")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.intermediateCatchEvent("Timer_EverySecond")
			.timerWithCycle("R/PT1S")
			.endEvent()
			.done();
		BpmnModelInstance cron = Bpmn.createExecutableProcess("fast-cron")
			.camundaHistoryTimeToLive(1)
			.startEvent("Start_EverySecond")
			.timerWithCycle("* * * * * ?")
			.endEvent()
			.done();
		BpmnModelInstance endlessRetries = Bpmn.createExecutableProcess("endless-retries")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Retry")
			.camundaExpression("${true}")
			.camundaAsyncBefore()
			.camundaFailedJobRetryTimeCycle("R1000/PT1S")
			.endEvent()
			.done();
		long deployments = repository.createDeploymentQuery().count();

		assertThatThrownBy(() -> repository.createDeployment().addModelInstance("fast-timer.bpmn", fastTimer).deploy())
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Timer_EverySecond: ")
			.hasMessageContaining("repeats more often than once a minute");
		assertThatThrownBy(() -> repository.createDeployment().addModelInstance("fast-cron.bpmn", cron).deploy())
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Start_EverySecond: ")
			.hasMessageContaining("repeats more often than once a minute");
		assertThatThrownBy(
				() -> repository.createDeployment().addModelInstance("endless-retries.bpmn", endlessRetries).deploy())
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Task_Retry: ")
			.hasMessageContaining("'R1000/PT1S' is out of bounds");
		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
	}

	private ResponseEntity<JsonNode> deploy(String file, String content) {
		return rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments", DeploymentApiIntegrationTests.files(file, content), JsonNode.class);
	}

	/** The shipped file with one change; the change must apply. */
	private static String changed(String file, String from, String to) throws IOException {
		String shipped = Files.readString(Path.of(file));
		assertThat(shipped).contains(from);
		return shipped.replace(from, to);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
