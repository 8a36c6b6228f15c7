package io.regionplan.planning;

import static io.regionplan.planning.CyclePhases.MARKET_READING;
import static io.regionplan.planning.CyclePhases.ORGANISATION;
import static io.regionplan.planning.CyclePhases.STRATEGY;
import static io.regionplan.planning.CyclePhases.VOLUME_AND_GAP;
import static io.regionplan.planning.CyclePhases.WORK_PLAN;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
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
 * regional-planning-cycle: five phases as embedded sub-processes, the gap routing, every
 * return of the director, the tier-override loop and the four quarters. Delegates and
 * rules are {@link CycleStandIns}.
 */
@Tag("process")
class RegionalPlanningCycleProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.useProcessEngine(ProcessTestEngine.create("planningcycletests"))
		.build();

	String deployment;

	CycleStandIns standIns;

	@BeforeEach
	void deployAndStandIn() {
		// other engines run in the same JVM (the Spring tests'): the assertions must use
		// this one
		BpmnAwareTests.init(engine.getProcessEngine());
		deployment = ProcessTestEngine.deploy(engine.getProcessEngine());
		standIns = CycleStandIns.register();
	}

	@AfterAll
	static void closeTheEngine() {
		engine.getProcessEngine().close();
	}

	@AfterEach
	void cleanUp() {
		engine.getProcessEngine().getRepositoryService().deleteDeployment(deployment, true);
		Mocks.reset();
	}

	private static ProcessInstance startCycle() {
		return runtimeService().startProcessInstanceByKey("regional-planning-cycle",
				Map.of("region", "east", "year", 2027, "hqVolumeTarget", 1_000_000, "budget", 10_000_000));
	}

	private static String phaseOf(ProcessInstance cycle, String activityId) {
		return CyclePhases.phaseOf(runtimeService(), cycle.getId(), activityId);
	}

	/**
	 * Runs the due jobs (the rule tasks) of every process in the engine until none is
	 * left.
	 */
	private static void runJobs() {
		for (int guard = 0; guard < 100; guard++) {
			List<Job> due = jobQuery().executable().listPage(0, 1);
			if (due.isEmpty()) {
				return;
			}
			execute(due.get(0));
		}
		throw new AssertionError("jobs keep coming");
	}

	/**
	 * Runs the jobs and completes each task as it comes, without input, up to the task
	 * {@code stop}.
	 */
	private static List<String> workUntil(ProcessInstance cycle, String stop) {
		List<String> tasks = new ArrayList<>();
		for (int guard = 0; guard < 30; guard++) {
			runJobs();
			Task open = taskQuery().processInstanceId(cycle.getId()).singleResult();
			Assertions.assertThat(open).as("an open task before " + stop + " after " + tasks).isNotNull();
			if (open.getTaskDefinitionKey().equals(stop)) {
				return tasks;
			}
			tasks.add(open.getTaskDefinitionKey());
			complete(open);
		}
		throw new AssertionError("never reached " + stop + ": " + tasks);
	}

	private static void directorSendsBack(ProcessInstance cycle, String returnTo) {
		complete(task("Task_DirectorPlanApproval", cycle), withVariables("planDecision", "return", "returnTo", returnTo,
				"planDirectorComment", "再看一下 / have another look"));
	}

	@Test
	void eachStepWaitsInItsPhaseAndThePhasesFollowInOrder() {
		// given
		ProcessInstance cycle = startCycle();
		Map<String, String> steps = new LinkedHashMap<>();
		steps.put("Task_DataRefreshCheck", MARKET_READING);
		steps.put("Task_MarketVisits", MARKET_READING);
		steps.put("Task_Swot", STRATEGY);
		steps.put("Task_CityStrategy", STRATEGY);
		steps.put("Task_ReviewStrategy", STRATEGY);
		steps.put("Task_VolumePlan", VOLUME_AND_GAP);
		steps.put("Task_VolumeGap", VOLUME_AND_GAP);
		steps.put("Task_DistributePlan", VOLUME_AND_GAP);
		steps.put("Task_CoverageTargets", ORGANISATION);
		steps.put("Task_TeamSizing", ORGANISATION);
		steps.put("Task_ReviewTeam", ORGANISATION);
		steps.put("Task_DealerClassification", ORGANISATION);
		steps.put("Task_ResourceAllocation", ORGANISATION);
		steps.put("Task_ReviewDealersAndResources", ORGANISATION);
		steps.put("Task_WorkPlan", WORK_PLAN);
		steps.put("Task_DirectorPlanApproval", WORK_PLAN);

		// when
		steps.forEach((step, phase) -> {
			assertThat(cycle).isWaitingAt(step);
			Assertions.assertThat(phaseOf(cycle, step)).as(step).isEqualTo(phase);
			if (step.equals("Task_DirectorPlanApproval")) {
				complete(task(step, cycle), withVariables("planDecision", "approve"));
			}
			else if (jobQuery().processInstanceId(cycle.getId()).activityId(step).count() == 1) {
				execute(jobQuery().processInstanceId(cycle.getId()).activityId(step).singleResult());
			}
			else {
				complete(task(step, cycle));
			}
		});

		// then
		assertThat(cycle).isWaitingAt("CallActivity_Quarter")
			.hasPassedInOrder(MARKET_READING, STRATEGY, VOLUME_AND_GAP, ORGANISATION, WORK_PLAN);
		Assertions.assertThat(phaseOf(cycle, "CallActivity_Quarter")).isNull();
		Assertions.assertThat(standIns.ran())
			.containsExactly("Task_SummarizeMarket", "Task_CityStrategy", "Task_ApplyStrategyOverride", "Task_Forecast",
					"Task_VolumeGap", "Task_DistributePlan", "Task_CoverageTargets", "Task_TeamSizing",
					"Task_DealerClassification", "Task_ResourceAllocation", "Task_ApplyTierOverride",
					"Task_WriteWorkPlan", "Flow_PlanApproved");
		assertThat(cycle).hasNotPassed("Task_GapClosingPlan", "Task_DirectorGapApproval");
	}

	@Test
	void acceptedGapGoesStraightOnToTheTeam() {
		// given
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_VolumePlan");

		// when
		complete(task("Task_VolumePlan", cycle), withVariables("plannedVolume", 980_000));
		runJobs();

		// then
		assertThat(cycle).isWaitingAt("Task_ReviewTeam")
			.hasPassedInOrder("Gateway_GapBand", "Gateway_GapDone", "Task_DistributePlan")
			.hasNotPassed("Task_GapClosingPlan", "Task_DirectorGapApproval");
	}

	@Test
	void gapPlanWithoutTheDirectorWhenTheBandAllowsIt() {
		// given
		standIns.gapBand("GAP_PLAN");
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_VolumePlan");
		complete(task("Task_VolumePlan", cycle));
		runJobs();

		// when
		assertThat(cycle).isWaitingAt("Task_GapClosingPlan");
		assertThat(task("Task_GapClosingPlan", cycle)).hasCandidateGroup("regional-manager");
		complete(task("Task_GapClosingPlan", cycle));
		runJobs();

		// then
		assertThat(cycle).isWaitingAt("Task_ReviewTeam")
			.hasPassedInOrder("Task_GapSources", "Gateway_NeedsDirector", "Gateway_GapDone")
			.hasNotPassed("Task_DirectorGapApproval");
	}

	@Test
	void aSourcePastItsBoundGoesToTheDirectorWhateverTheBand() {
		// given
		standIns.gapBand("GAP_PLAN").sourcesPastBound(true);
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_VolumePlan");
		complete(task("Task_VolumePlan", cycle));
		runJobs();

		// when
		complete(task("Task_GapClosingPlan", cycle));
		runJobs();

		// then
		assertThat(cycle).isWaitingAt("Task_DirectorGapApproval")
			.hasPassedInOrder("Task_GapClosingPlan", "Task_GapSources", "Gateway_NeedsDirector");
	}

	@Test
	void largeGapLoopsWithTheDirectorUntilApproved() {
		// given
		standIns.gapBand("DIRECTOR_APPROVAL");
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_VolumePlan");
		complete(task("Task_VolumePlan", cycle));
		runJobs();
		complete(task("Task_GapClosingPlan", cycle));
		runJobs();
		assertThat(task("Task_DirectorGapApproval", cycle)).hasCandidateGroup("sales-director");

		// when
		complete(task("Task_DirectorGapApproval", cycle),
				withVariables("gapDecision", "return", "gapDirectorComment", "x"));

		// then
		assertThat(cycle).isWaitingAt("Task_GapClosingPlan");
		Assertions.assertThat(phaseOf(cycle, "Task_GapClosingPlan")).isEqualTo(VOLUME_AND_GAP);
		complete(task("Task_GapClosingPlan", cycle));
		runJobs();
		complete(task("Task_DirectorGapApproval", cycle), withVariables("gapDecision", "approve"));
		runJobs();
		assertThat(cycle).isWaitingAt("Task_ReviewTeam");
		Assertions
			.assertThat(historyService().createHistoricTaskInstanceQuery()
				.processInstanceId(cycle.getId())
				.taskDefinitionKey("Task_DirectorGapApproval")
				.count())
			.as("sent back once, then approved")
			.isEqualTo(2);
		Assertions.assertThat(standIns.ran()).as("the gap is not decided again").containsOnlyOnce("Task_VolumeGap");
	}

	/** The automatic steps from the dealer classification on, up to the director. */
	static final List<String> FROM_THE_DEALERS = List.of("Task_DealerClassification", "Task_ResourceAllocation",
			"Task_ApplyTierOverride", "Task_WriteWorkPlan");

	static final List<String> FROM_THE_GAP = steps(
			List.of("Task_VolumeGap", "Task_DistributePlan", "Task_CoverageTargets", "Task_TeamSizing"),
			FROM_THE_DEALERS);

	static final List<String> FROM_THE_CITY_STRATEGY = steps(
			List.of("Task_CityStrategy", "Task_ApplyStrategyOverride", "Task_Forecast"), FROM_THE_GAP);

	private static List<String> steps(List<String> first, List<String> then) {
		return Stream.concat(first.stream(), then.stream()).toList();
	}

	/**
	 * Where the cycle resumes, in which phase, and which automatic steps run again up to
	 * the director.
	 */
	static Stream<Arguments> returns() {
		return Stream.of(
				Arguments.of("MARKET_READING", "Task_DataRefreshCheck", MARKET_READING, FROM_THE_CITY_STRATEGY),
				Arguments.of("STRATEGY", "Task_Swot", STRATEGY, FROM_THE_CITY_STRATEGY),
				Arguments.of("VOLUME_PLAN", "Task_VolumePlan", VOLUME_AND_GAP, FROM_THE_GAP),
				Arguments.of("DEALERS_RESOURCES", "Task_ReviewDealersAndResources", ORGANISATION, FROM_THE_DEALERS));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("returns")
	void directorSendsThePlanBackToANamedStep(String returnTo, String resumesAt, String phase, List<String> runAgain) {
		// given
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_DirectorPlanApproval");
		int before = standIns.ran().size();

		// when
		directorSendsBack(cycle, returnTo);
		runJobs();

		// then
		assertThat(cycle).isWaitingAt(resumesAt);
		Assertions.assertThat(phaseOf(cycle, resumesAt)).isEqualTo(phase);
		workUntil(cycle, "Task_DirectorPlanApproval");
		Assertions.assertThat(standIns.ranAfter(before))
			.as("what runs again, up to the director")
			.containsExactlyElementsOf(runAgain);
	}

	@Test
	void anEarlierReturnAfterALaterOneRunsEverythingFromThere() {
		// given: sent back to the volume plan, which skips the forecast
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_DirectorPlanApproval");
		directorSendsBack(cycle, "VOLUME_PLAN");
		workUntil(cycle, "Task_DirectorPlanApproval");
		int before = standIns.ran().size();

		// when: then back to the strategy
		directorSendsBack(cycle, "STRATEGY");
		List<String> tasks = workUntil(cycle, "Task_DirectorPlanApproval");

		// then: the forecast, which the first return left alone, runs again, and the
		// coverage targets and the team after it
		Assertions.assertThat(standIns.ranAfter(before))
			.contains("Task_Forecast", "Task_CoverageTargets", "Task_TeamSizing");
		Assertions.assertThat(tasks)
			.containsExactly("Task_Swot", "Task_ReviewStrategy", "Task_VolumePlan", "Task_ReviewTeam",
					"Task_ReviewDealersAndResources", "Task_WorkPlan");
	}

	@Test
	void tierOverrideReallocatesAndReviewsAgain() {
		// given
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_ReviewDealersAndResources");
		int before = standIns.ran().size();

		// when
		complete(task("Task_ReviewDealersAndResources", cycle),
				withVariables("tierOverrides", "[{\"dealer\": \"D-E-003\", \"tier\": \"C\", \"reason\": \"已签还款计划\"}]"));
		runJobs();

		// then
		assertThat(cycle).isWaitingAt("Task_ReviewDealersAndResources");
		Assertions.assertThat(standIns.ranAfter(before))
			.containsExactly("Task_ApplyTierOverride", "Task_ResourceAllocation");
		complete(task("Task_ReviewDealersAndResources", cycle));
		assertThat(cycle).isWaitingAt("Task_WorkPlan");
		Assertions.assertThat(standIns.ranAfter(before))
			.containsExactly("Task_ApplyTierOverride", "Task_ResourceAllocation", "Task_ApplyTierOverride");
	}

	@Test
	void approvedPlanRunsTheFourQuartersInTurnThenTheYearEnd() {
		// given
		ProcessInstance cycle = startCycle();
		workUntil(cycle, "Task_DirectorPlanApproval");

		// when
		complete(task("Task_DirectorPlanApproval", cycle), withVariables("planDecision", "approve"));

		// then: one quarter at a time, each with its number
		for (int quarter = 1; quarter <= 4; quarter++) {
			assertThat(cycle).isWaitingAt("CallActivity_Quarter");
			List<ProcessInstance> running = runtimeService().createProcessInstanceQuery()
				.superProcessInstanceId(cycle.getId())
				.list();
			Assertions.assertThat(running)
				.singleElement()
				.satisfies(called -> assertThat(called).hasProcessDefinitionKey("quarter-execution"));
			Assertions.assertThat(runtimeService().getVariable(running.get(0).getId(), "quarter")).isEqualTo(quarter);
			// the quarter's review: its rule task is the only job
			execute(jobQuery().executable().singleResult());
		}
		assertThat(cycle).isWaitingAt("Task_YearEndSummary");
		assertThat(task("Task_YearEndSummary", cycle)).hasCandidateGroup("regional-manager");
		complete(task("Task_YearEndSummary", cycle));
		assertThat(cycle).isEnded()
			.hasPassedInOrder("CallActivity_Quarter", "Task_YearEndSummary", "EndEvent_CycleDone");
		Assertions.assertThat(standIns.ran()).filteredOn("Task_QuarterlyReview"::equals).hasSize(4);
	}

}
