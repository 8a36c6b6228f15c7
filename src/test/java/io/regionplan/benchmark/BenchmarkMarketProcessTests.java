package io.regionplan.benchmark;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.regionplan.EngineClock;
import io.regionplan.planning.CycleCalendar;
import io.regionplan.planning.ProcessTestEngine;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * benchmark-market: selection, analysis and plan, then the output watched month by month
 * on the engine's clock (two months off track in a row escalate to the director), the
 * summary and one rollout per follower city. The rules give the bands the test lines up;
 * the delegates are stand-ins.
 */
@Tag("process")
class BenchmarkMarketProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.useProcessEngine(ProcessTestEngine.create("benchmarkmarkettests"))
		.build();

	String deployment;

	/** The monitoring bands of the coming months, in order. */
	final Deque<String> bands = new ArrayDeque<>();

	final List<String> copiedPlans = new ArrayList<>();

	@BeforeEach
	void deployAndStandIn() {
		// other engines run in the same JVM (the Spring tests'): the assertions must use
		// this one
		BpmnAwareTests.init(engine.getProcessEngine());
		deployment = ProcessTestEngine.deploy(engine.getProcessEngine());
		Mocks.register("cycleCalendar", new CycleCalendar());
		Mocks.register("benchmarkFollowers", new BenchmarkFollowers());
		Mocks.register("summarizeBenchmarkCityDelegate", (JavaDelegate) execution -> {
		});
		Mocks.register("writeWorkPlanDelegate", (JavaDelegate) execution -> {
		});
		Mocks.register("copyWorkPlanDelegate",
				(TaskListener) task -> copiedPlans.add((String) task.getVariable("city")));
		Mocks.register("evaluateRuleSetDelegate", (JavaDelegate) this::rules);
		ClockUtil.setCurrentTime(date(2027, 1, 10));
	}

	/** What the selection and the monitoring bindings write, from the bands lined up. */
	private void rules(DelegateExecution execution) {
		if (execution.getCurrentActivityId().equals("Task_BenchmarkSelection")) {
			execution.setVariable("benchmarkRanking", "1. suzhou");
			execution.setVariable("benchmarkCity", "suzhou");
			return;
		}
		String band = bands.removeFirst();
		int offTrack = band.equals("OFF_TRACK") ? count(execution, "offTrackMonths") + 1 : 0;
		execution.setVariable("lastBand", band);
		execution.setVariable("lastBandReason", band);
		execution.setVariable("offTrackMonths", offTrack);
		execution.setVariable("monitoredMonths", count(execution, "monitoredMonths") + 1);
	}

	private static int count(DelegateExecution execution, String name) {
		return execution.getVariable(name) instanceof Number number ? number.intValue() : 0;
	}

	@AfterAll
	static void closeTheEngine() {
		engine.getProcessEngine().close();
	}

	@AfterEach
	void cleanUp() {
		engine.getProcessEngine().getRepositoryService().deleteDeployment(deployment, true);
		Mocks.reset();
		EngineClock.pin();
	}

	static Date date(int year, int month, int day) {
		return Date.from(LocalDateTime.of(year, month, day, 0, 0).atZone(ZoneId.systemDefault()).toInstant());
	}

	/** Started for three months of watching, up to the first month's timer. */
	private static ProcessInstance plannedBenchmark() {
		ProcessInstance benchmark = runtimeService().startProcessInstanceByKey("benchmark-market",
				Map.of("region", "east", "year", 2027, "monitorMonths", 3));
		execute(job("Task_BenchmarkSelection", benchmark));
		assertThat(task("Task_SelectBenchmarkCity", benchmark)).hasCandidateGroup("sales-director");
		complete(task("Task_SelectBenchmarkCity", benchmark),
				withVariables("benchmarkCity", "suzhou", "followerCities", "无锡、 常州，无锡"));
		complete(task("Task_GrowthOpportunity", benchmark), withVariables("targetMonthlyVolume", 1000));
		complete(task("Task_BenchmarkPlan", benchmark));
		return benchmark;
	}

	/**
	 * The clock moves to the first of next month, the timer fires and the monitoring rule
	 * task runs.
	 */
	private static void nextMonth(ProcessInstance benchmark, int month) {
		assertThat(benchmark).isWaitingAt("Timer_NextMonth");
		Assertions.assertThat(job("Timer_NextMonth", benchmark).getDuedate()).isEqualTo(date(2027, month, 1));
		ClockUtil.setCurrentTime(date(2027, month, 1));
		execute(job("Timer_NextMonth", benchmark));
		ClockUtil.setCurrentTime(date(2027, month, 2));
		execute(job("Task_MonitorBenchmark", benchmark));
	}

	@Test
	void outputIsWatchedMonthByMonthUntilTheMonitoringEnds() {
		// given
		ProcessInstance benchmark = plannedBenchmark();
		bands.addAll(List.of("ON_TRACK", "ON_TRACK", "ON_TRACK"));

		// when
		nextMonth(benchmark, 2);
		nextMonth(benchmark, 3);
		assertThat(benchmark).isWaitingAt("Timer_NextMonth");
		nextMonth(benchmark, 4);

		// then
		assertThat(benchmark).isWaitingAt("Task_BenchmarkSummary").hasNotPassed("Task_EscalateBenchmark");
		Assertions.assertThat(runtimeService().getVariable(benchmark.getId(), "monitoredMonths")).isEqualTo(3);
	}

	@Test
	void secondMonthOffTrackInARowEscalatesOnceAndTheWatchGoesOn() {
		// given
		ProcessInstance benchmark = plannedBenchmark();
		bands.addAll(List.of("OFF_TRACK", "OFF_TRACK", "OFF_TRACK"));

		// when
		nextMonth(benchmark, 2);
		assertThat(benchmark).hasNotPassed("Task_EscalateBenchmark");
		nextMonth(benchmark, 3);

		// then
		assertThat(benchmark).isWaitingAt("Task_EscalateBenchmark");
		assertThat(task("Task_EscalateBenchmark", benchmark)).hasCandidateGroup("sales-director");
		complete(task("Task_EscalateBenchmark", benchmark), withVariables("directorDecision", "继续 / continue"));
		nextMonth(benchmark, 4);
		assertThat(benchmark).as("the third month off track is no second escalation")
			.isWaitingAt("Task_BenchmarkSummary");
		Assertions.assertThat(jobQuery().count()).isZero();
	}

	@Test
	void everyFollowerCityGetsItsOwnRolloutWithThePlanCopied() {
		// given
		ProcessInstance benchmark = plannedBenchmark();
		bands.addAll(List.of("ON_TRACK", "ON_TRACK", "ON_TRACK"));
		for (int month = 2; month <= 4; month++) {
			nextMonth(benchmark, month);
		}

		// when
		complete(task("Task_BenchmarkSummary", benchmark),
				withVariables("whatWorked", "KA 进场", "playbook", "先 KA 后便利"));

		// then
		List<Task> rollouts = taskQuery().processInstanceId(benchmark.getId()).taskDefinitionKey("Task_Rollout").list();
		Assertions.assertThat(rollouts)
			.hasSize(2)
			.allSatisfy(rollout -> assertThat(rollout).hasCandidateGroup("regional-manager"));
		Assertions.assertThat(copiedPlans).containsExactlyInAnyOrder("无锡", "常州");
		rollouts.forEach(rollout -> complete(rollout, withVariables("localAdjustments", "无")));
		assertThat(benchmark).isEnded().hasPassed("EndEvent_BenchmarkDone");
	}

}
