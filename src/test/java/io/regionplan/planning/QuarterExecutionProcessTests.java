package io.regionplan.planning;

import static io.regionplan.planning.RegionalPlanningCycleIntegrationTests.date;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.regionplan.EngineClock;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * quarter-execution: the quarter's three months one after another, each on the engine's
 * clock, then the quarterly review. The month's spending and the review's rules are
 * stand-ins.
 */
@Tag("process")
class QuarterExecutionProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.useProcessEngine(ProcessTestEngine.create("quarterexecutiontests"))
		.build();

	String deployment;

	/**
	 * The months whose spending was recorded, in order: a month records it as it ends.
	 */
	final List<Object> monthsDone = new ArrayList<>();

	final List<String> reviews = new ArrayList<>();

	@BeforeEach
	void deployAndStandIn() {
		// other engines run in the same JVM (the Spring tests'): the assertions must use
		// this one
		BpmnAwareTests.init(engine.getProcessEngine());
		deployment = ProcessTestEngine.deploy(engine.getProcessEngine());
		Mocks.register("cycleCalendar", new CycleCalendar());
		Mocks.register("recordMonthlySpendDelegate",
				(JavaDelegate) execution -> monthsDone.add(execution.getVariable("month")));
		Mocks.register("evaluateRuleSetDelegate", (JavaDelegate) execution -> {
			reviews.add(execution.getCurrentActivityId() + " Q" + execution.getVariable("quarter"));
			execution.setVariable("offTrackCityCount", 0);
			execution.setVariable("reclassifyCount", 0);
		});
		ClockUtil.setCurrentTime(date(2027, 3, 20, 9));
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

	private static ProcessInstance startSecondQuarter() {
		return runtimeService().startProcessInstanceByKey("quarter-execution",
				Map.of("region", "east", "year", 2027, "quarter", 2));
	}

	/**
	 * The running month of the quarter: its itinerary, four weekly reports and, after it
	 * ends, its report.
	 */
	private static void workTheMonth(ProcessInstance month, int monthOfYear) {
		ClockUtil.setCurrentTime(date(2027, monthOfYear, 1, 8));
		execute(job("Timer_MonthStart", month));
		complete(task("Task_MonthlyItineraryPlan", month), withVariables("itinerary", "苏州", "plannedVisits", 30));
		for (int week = 1; week <= 4; week++) {
			complete(task("Task_WeeklyReport", month), withVariables("weeklySummary", "周 " + week, "storesVisited", 5));
		}
		ClockUtil.setCurrentTime(date(2027, monthOfYear + 1, 1, 8));
		execute(job("Timer_MonthEnd", month));
		complete(task("Task_MonthlyReport", month), withVariables("actualVolume", 1000, "monthlySummary", "ok"));
	}

	@Test
	void threeMonthsInTurnThenTheQuarterlyReview() {
		// given
		ProcessInstance quarter = startSecondQuarter();

		// when
		for (int month = 4; month <= 6; month++) {
			assertThat(quarter).isWaitingAt("CallActivity_Month");
			ProcessInstance running = calledProcessInstance("monthly-execution", quarter);
			Assertions.assertThat(runtimeService().getVariable(running.getId(), "month")).isEqualTo(month);
			workTheMonth(running, month);
			assertThat(running).isEnded();
		}

		// then
		Assertions.assertThat(monthsDone).containsExactly(4, 5, 6);
		assertThat(quarter).isWaitingAt("CallActivity_QuarterlyReview");
		execute(jobQuery().executable().singleResult());
		assertThat(quarter).isEnded().hasPassedInOrder("CallActivity_Month", "CallActivity_QuarterlyReview");
		Assertions.assertThat(reviews).containsExactly("Task_QuarterlyReview Q2");
	}

	@Test
	void aMonthWaitsForItsFirstDayOnTheEnginesClock() {
		// given
		ProcessInstance quarter = startSecondQuarter();
		ProcessInstance april = calledProcessInstance("monthly-execution", quarter);

		// then
		assertThat(april).isWaitingAt("Timer_MonthStart");
		Assertions.assertThat(job("Timer_MonthStart", april).getDuedate()).isEqualTo(date(2027, 4, 1, 0));
		Assertions.assertThat(jobQuery().executable().count()).as("not yet due on 20 March").isZero();

		// when
		ClockUtil.setCurrentTime(date(2027, 4, 1, 0));

		// then
		Assertions.assertThat(jobQuery().executable().count()).isOne();
	}

	@Test
	void theNextMonthWaitsUntilAnEscalatedReportIsDealtWith() {
		// given: April's report overdue, escalated to the director
		ProcessInstance quarter = startSecondQuarter();
		ProcessInstance april = calledProcessInstance("monthly-execution", quarter);
		ClockUtil.setCurrentTime(date(2027, 4, 1, 8));
		execute(job("Timer_MonthStart", april));
		complete(task("Task_MonthlyItineraryPlan", april), withVariables("itinerary", "苏州", "plannedVisits", 30));
		for (int week = 1; week <= 4; week++) {
			complete(task("Task_WeeklyReport", april), withVariables("weeklySummary", "周 " + week, "storesVisited", 5));
		}
		ClockUtil.setCurrentTime(date(2027, 5, 1, 8));
		execute(job("Timer_MonthEnd", april));
		ClockUtil.setCurrentTime(date(2027, 5, 6, 9));
		execute(job("Timer_ReportOverdue", april));

		// when: the manager reports, the director has not yet answered
		complete(task("Task_MonthlyReport", april), withVariables("actualVolume", 1000, "monthlySummary", "ok"));

		// then
		assertThat(april).isWaitingAt("Task_EscalateReport");
		Assertions
			.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("monthly-execution").count())
			.as("May has not started")
			.isOne();
		complete(task("Task_EscalateReport", april), withVariables("escalationNote", "已跟进 / followed up"));
		assertThat(april).isEnded();
		ProcessInstance may = calledProcessInstance("monthly-execution", quarter);
		Assertions.assertThat(runtimeService().getVariable(may.getId(), "month")).isEqualTo(5);
	}

}
