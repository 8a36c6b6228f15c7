package io.regionplan.deployment;

import static io.regionplan.planning.CyclePhases.MARKET_READING;
import static io.regionplan.planning.CyclePhases.ORGANISATION;
import static io.regionplan.planning.CyclePhases.STRATEGY;
import static io.regionplan.planning.CyclePhases.VOLUME_AND_GAP;
import static io.regionplan.planning.CyclePhases.WORK_PLAN;
import static io.regionplan.planning.CyclePhases.phaseOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.regionplan.planning.CycleStandIns;
import io.regionplan.planning.ProcessTestEngine;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.Job;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cycles running on the flat planning cycle (as shipped before its phases, kept in the
 * test resources) move to the phased version: wherever they wait, a task or a rule task's
 * job lands in its phase and the cycle goes on from there, across the phases' boundaries.
 */
@Tag("process")
class MigrationPlansTests {

	static final Path FLAT_CYCLE = Path.of("src/test/resources/flat-cycle/regional-planning-cycle.bpmn");

	static final Path PHASED_CYCLE = Path.of("processes/regional-planning-cycle.bpmn");

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.useProcessEngine(ProcessTestEngine.create("migrationplanstests"))
		.build();

	final List<String> deployments = new ArrayList<>();

	String flat;

	String phased;

	CycleStandIns standIns;

	/**
	 * The repository's files (the processes the cycle calls), then the flat cycle, then
	 * the phased one again as the newest version.
	 */
	@BeforeEach
	void deployBothVersions() throws IOException {
		// other engines run in the same JVM (the Spring tests'): the assertions must use
		// this one
		BpmnAwareTests.init(engine.getProcessEngine());
		deployments.add(ProcessTestEngine.deploy(engine.getProcessEngine()));
		flat = deployCycle("flat", Files.readString(FLAT_CYCLE));
		phased = deployCycle("phased", Files.readString(PHASED_CYCLE));
		standIns = CycleStandIns.register();
	}

	private String deployCycle(String name, String bpmn) {
		String deployment = repositoryService().createDeployment()
			.name(name)
			.addString("processes/regional-planning-cycle.bpmn", bpmn)
			.deploy()
			.getId();
		deployments.add(deployment);
		return repositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
	}

	@AfterAll
	static void closeTheEngine() {
		engine.getProcessEngine().close();
	}

	@AfterEach
	void cleanUp() {
		deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
		Mocks.reset();
	}

	private static Map<String, Object> cycleVariables() {
		return Map.of("region", "east", "year", 2027, "hqVolumeTarget", 1_000_000, "budget", 10_000_000, "gapBand",
				"ACCEPTED");
	}

	private void migrate(ProcessInstance cycle) {
		MigrationPlan plan = MigrationPlans.byEqualIds(engine.getProcessEngine(), flat, phased);
		runtimeService().newMigration(plan).processInstanceIds(cycle.getId()).execute();
	}

	/**
	 * Where a flat cycle waits (a task, a rule task's job, the quarters), the phase it
	 * lands in, what the task is completed with, and where the cycle then waits, in which
	 * phase.
	 */
	static Stream<Arguments> waitingCycles() {
		Map<String, Object> none = Map.of();
		return Stream.of(
				Arguments.of("Task_DataRefreshCheck", MARKET_READING, none, "Task_MarketVisits", MARKET_READING),
				Arguments.of("Task_MarketVisits", MARKET_READING, none, "Task_Swot", STRATEGY),
				Arguments.of("Task_Swot", STRATEGY, none, "Task_CityStrategy", STRATEGY),
				Arguments.of("Task_CityStrategy", STRATEGY, none, "Task_ReviewStrategy", STRATEGY),
				Arguments.of("Task_ReviewStrategy", STRATEGY, none, "Task_VolumePlan", VOLUME_AND_GAP),
				Arguments.of("Task_VolumePlan", VOLUME_AND_GAP, none, "Task_VolumeGap", VOLUME_AND_GAP),
				Arguments.of("Task_VolumeGap", VOLUME_AND_GAP, none, "Task_CoverageTargets", ORGANISATION),
				Arguments.of("Task_GapClosingPlan", VOLUME_AND_GAP, Map.of("gapBand", "DIRECTOR_APPROVAL"),
						"Task_DirectorGapApproval", VOLUME_AND_GAP),
				Arguments.of("Task_DirectorGapApproval", VOLUME_AND_GAP, Map.of("gapDecision", "return"),
						"Task_GapClosingPlan", VOLUME_AND_GAP),
				Arguments.of("Task_TeamSizing", ORGANISATION, none, "Task_ReviewTeam", ORGANISATION),
				Arguments.of("Task_ReviewTeam", ORGANISATION, none, "Task_DealerClassification", ORGANISATION),
				Arguments.of("Task_DealerClassification", ORGANISATION, none, "Task_ResourceAllocation", ORGANISATION),
				Arguments.of("Task_ResourceAllocation", ORGANISATION, none, "Task_ReviewDealersAndResources",
						ORGANISATION),
				Arguments.of("Task_ReviewDealersAndResources", ORGANISATION, none, "Task_WorkPlan", WORK_PLAN),
				Arguments.of("Task_WorkPlan", WORK_PLAN, none, "Task_DirectorPlanApproval", WORK_PLAN),
				Arguments.of("Task_DirectorPlanApproval", WORK_PLAN,
						Map.of("planDecision", "return", "returnTo", "VOLUME_PLAN"), "Task_VolumePlan", VOLUME_AND_GAP),
				Arguments.of("CallActivity_Quarter#multiInstanceBody", null, none, "CallActivity_Quarter", null),
				Arguments.of("Task_YearEndSummary", null, none, null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("waitingCycles")
	void aCycleWaitingAnywhereMovesIntoItsPhaseAndGoesOn(String waitingAt, String phase, Map<String, Object> completion,
			String next, String nextPhase) {
		// given
		ProcessInstance cycle = runtimeService().createProcessInstanceById(flat)
			.startBeforeActivity(waitingAt)
			.setVariables(cycleVariables())
			.execute();
		Task taskBefore = taskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(waitingAt).singleResult();

		// when
		migrate(cycle);

		// then
		Assertions
			.assertThat(runtimeService().createProcessInstanceQuery()
				.processInstanceId(cycle.getId())
				.singleResult()
				.getProcessDefinitionId())
			.isEqualTo(phased);
		Assertions.assertThat(phaseOf(runtimeService(), cycle.getId(), waitingAt)).isEqualTo(phase);
		Job job = jobQuery().processInstanceId(cycle.getId()).activityId(waitingAt).singleResult();
		if (taskBefore != null) {
			Assertions.assertThat(task(waitingAt, cycle).getId())
				.as("the same task, not a new one")
				.isEqualTo(taskBefore.getId());
			complete(task(waitingAt, cycle), completion);
		}
		else if (job != null) {
			execute(job);
		}
		else {
			// a quarter: the called process keeps its version and ends with its review,
			// the next quarter starts
			execute(jobQuery().executable().singleResult());
		}
		runJobsUntil(cycle, next);
		if (next == null) {
			assertThat(cycle).isEnded();
		}
		else {
			assertThat(cycle).isWaitingAt(next);
			Assertions.assertThat(phaseOf(runtimeService(), cycle.getId(), next)).isEqualTo(nextPhase);
		}
	}

	/**
	 * Runs the cycle's rule tasks up to the activity {@code next}, which may itself be a
	 * rule task.
	 */
	private static void runJobsUntil(ProcessInstance cycle, String next) {
		for (int guard = 0; guard < 20; guard++) {
			if (next != null && jobQuery().processInstanceId(cycle.getId()).activityId(next).count() > 0) {
				return;
			}
			List<Job> due = jobQuery().processInstanceId(cycle.getId()).executable().list();
			if (due.isEmpty()) {
				return;
			}
			execute(due.get(0));
		}
	}

	@Test
	void aMigratedCycleRunsToItsEnd() {
		// given: a cycle on the flat version at the strategy review
		ProcessInstance cycle = runtimeService().startProcessInstanceById(flat, cycleVariables());
		for (String step : List.of("Task_DataRefreshCheck", "Task_MarketVisits", "Task_Swot")) {
			complete(task(step, cycle));
		}
		execute(jobQuery().processInstanceId(cycle.getId()).singleResult());
		assertThat(cycle).isWaitingAt("Task_ReviewStrategy");

		// when
		migrate(cycle);

		// then: on through every phase, sent back to the market reading, again, approved,
		// the quarters, the year end
		complete(task("Task_ReviewStrategy", cycle));
		complete(task("Task_VolumePlan", cycle));
		runJobs();
		complete(task("Task_ReviewTeam", cycle));
		runJobs();
		complete(task("Task_ReviewDealersAndResources", cycle));
		complete(task("Task_WorkPlan", cycle));
		complete(task("Task_DirectorPlanApproval", cycle),
				withVariables("planDecision", "return", "returnTo", "MARKET_READING", "planDirectorComment", "x"));
		assertThat(cycle).isWaitingAt("Task_DataRefreshCheck");
		for (String step : List.of("Task_DataRefreshCheck", "Task_MarketVisits", "Task_Swot")) {
			complete(task(step, cycle));
		}
		runJobs();
		for (String step : List.of("Task_ReviewStrategy", "Task_VolumePlan")) {
			complete(task(step, cycle));
		}
		runJobs();
		complete(task("Task_ReviewTeam", cycle));
		runJobs();
		complete(task("Task_ReviewDealersAndResources", cycle));
		complete(task("Task_WorkPlan", cycle));
		complete(task("Task_DirectorPlanApproval", cycle), withVariables("planDecision", "approve"));
		for (int quarter = 1; quarter <= 4; quarter++) {
			execute(jobQuery().executable().singleResult());
		}
		complete(task("Task_YearEndSummary", cycle));
		assertThat(cycle).isEnded()
			.hasPassedInOrder(STRATEGY, VOLUME_AND_GAP, ORGANISATION, WORK_PLAN, MARKET_READING, "CallActivity_Quarter",
					"EndEvent_CycleDone");
		Assertions.assertThat(standIns.ran())
			.as("the market summary ran once, on the flat version")
			.containsOnlyOnce("Task_SummarizeMarket")
			.filteredOn("Task_Forecast"::equals)
			.hasSize(2);
	}

	private static void runJobs() {
		for (List<Job> due = jobQuery().executable().list(); !due.isEmpty(); due = jobQuery().executable().list()) {
			execute(due.get(0));
		}
	}

	@Test
	void versionsOfTheSameShapeGetCamundasOwnPlan() throws IOException {
		// given: two versions of the phased cycle
		String newer = deployCycle("renamed",
				Files.readString(PHASED_CYCLE).replace("区域 SWOT 分析 / Regional SWOT", "SWOT / Regional SWOT"));

		// when
		MigrationPlan plan = MigrationPlans.byEqualIds(engine.getProcessEngine(), phased, newer);

		// then
		MigrationPlan camundas = runtimeService().createMigrationPlan(phased, newer)
			.mapEqualActivities()
			.updateEventTriggers()
			.build();
		Assertions.assertThat(plan.getInstructions())
			.extracting(MigrationInstruction::getSourceActivityId)
			.containsExactlyInAnyOrderElementsOf(
					camundas.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).toList())
			.contains("SubProcess_Strategy", "Task_Swot", "CallActivity_Quarter");
	}

}
