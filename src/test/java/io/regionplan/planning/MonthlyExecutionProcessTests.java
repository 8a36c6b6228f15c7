package io.regionplan.planning;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static io.regionplan.planning.RegionalPlanningCycleIntegrationTests.date;

import java.util.Map;

import io.regionplan.EngineClock;

import org.assertj.core.api.Assertions;
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
 * monthly-execution: a month waits for its first day, then the itinerary plan, four
 * weekly reports, and after the month ends the monthly report; a task past its due date
 * escalates to the director.
 */
@Tag("process")
class MonthlyExecutionProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.useProcessEngine(ProcessTestEngine.create("monthlyexecutiontests"))
		.build();

	String deployment;

	@BeforeEach
	void deployAndMockTheCalendar() {
		// other engines run in the same JVM (the Spring tests'): the assertions must use
		// this one
		BpmnAwareTests.init(engine.getProcessEngine());
		deployment = ProcessTestEngine.deploy(engine.getProcessEngine());
		Mocks.register("cycleCalendar", new CycleCalendar());
		// the spending section is stored by a Spring bean, covered by
		// PlanningYearEndToEndTests
		Mocks.register("recordMonthlySpendDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
		});
		ClockUtil.setCurrentTime(date(2027, 2, 20, 9));
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

	private ProcessInstance startMarch() {
		return runtimeService().startProcessInstanceByKey("monthly-execution",
				Map.of("region", "east", "year", 2027, "month", 3));
	}

	@Test
	void monthWaitsForItsFirstDayThenAsksForTheItinerary() {
		// given
		ProcessInstance month = startMarch();

		// then
		assertThat(month).isWaitingAt("Timer_MonthStart");
		Assertions.assertThat(job(month).getDuedate()).isEqualTo(date(2027, 3, 1, 0));

		// when
		ClockUtil.setCurrentTime(date(2027, 3, 1, 1));
		execute(job(month));

		// then
		assertThat(month).isWaitingAt("Task_MonthlyItineraryPlan");
		assertThat(task(month)).hasCandidateGroup("regional-manager").hasDueDate(date(2027, 3, 4, 0));
	}

	@Test
	void fourWeeklyReportsThenTheMonthlyReportAfterTheMonthEnds() {
		// given
		ProcessInstance month = startMarch();
		ClockUtil.setCurrentTime(date(2027, 3, 1, 1));
		execute(job(month));
		complete(task(month), withVariables("itinerary", "苏州", "plannedVisits", 30));

		// when
		for (int week = 1; week <= 4; week++) {
			assertThat(month).isWaitingAt("Task_WeeklyReport");
			if (week == 1) {
				assertThat(task(month)).hasDueDate(date(2027, 3, 9, 0));
			}
			complete(task(month), withVariables("weeklySummary", "周 " + week, "storesVisited", 5));
		}

		// then
		assertThat(month).isWaitingAt("Timer_MonthEnd");
		ClockUtil.setCurrentTime(date(2027, 4, 1, 1));
		execute(job(month));
		assertThat(month).isWaitingAt("Task_MonthlyReport");
		assertThat(task(month)).hasDueDate(date(2027, 4, 6, 0)).hasCandidateGroup("regional-manager");
	}

	@Test
	void overdueMonthlyReportEscalatesToTheDirectorAndStaysOpen() {
		// given
		ProcessInstance month = startMarch();
		ClockUtil.setCurrentTime(date(2027, 3, 1, 1));
		execute(job(month));
		complete(task(month), withVariables("itinerary", "苏州", "plannedVisits", 30));
		for (int week = 1; week <= 4; week++) {
			complete(task(month), withVariables("weeklySummary", "周 " + week, "storesVisited", 5));
		}
		ClockUtil.setCurrentTime(date(2027, 4, 1, 1));
		execute(job(month));

		// when
		ClockUtil.setCurrentTime(date(2027, 4, 6, 9));
		execute(job("Timer_ReportOverdue", month));

		// then
		assertThat(month).isWaitingAt("Task_MonthlyReport", "Task_EscalateReport");
		assertThat(task("Task_EscalateReport", month)).hasCandidateGroup("sales-director");
		complete(task("Task_EscalateReport", month), withVariables("escalationNote", "已电话跟进 / called"));
		complete(task("Task_MonthlyReport", month), withVariables("actualVolume", 1000, "monthlySummary", "ok"));
		assertThat(month).isEnded().hasPassed("Task_EscalateReport", "Task_MonthlyReport");
	}

	@Test
	void overdueItineraryEscalatesToo() {
		ProcessInstance month = startMarch();
		ClockUtil.setCurrentTime(date(2027, 3, 1, 1));
		execute(job(month));

		ClockUtil.setCurrentTime(date(2027, 3, 4, 9));
		execute(job("Timer_ItineraryOverdue", month));

		assertThat(month).isWaitingAt("Task_MonthlyItineraryPlan", "Task_EscalateItinerary");
		Assertions.assertThat(
				taskQuery().taskDefinitionKey("Task_EscalateItinerary").taskCandidateGroup("sales-director").count())
			.isEqualTo(1);
	}

}
