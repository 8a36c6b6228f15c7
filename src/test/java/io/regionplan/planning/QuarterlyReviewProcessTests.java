package io.regionplan.planning;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quarterly-review: one corrective-action task per OFF_TRACK city (a parallel
 * multi-instance), and the dealer re-classification when the review asks for it. The
 * rules are replaced by a stand-in that gives the review's result, which the rule tests
 * and the end-to-end test cover for real.
 */
@Tag("process")
class QuarterlyReviewProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.useProcessEngine(ProcessTestEngine.create("quarterlyreviewtests"))
		.build();

	String deployment;

	final List<String> evaluated = new ArrayList<>();

	/**
	 * The review's result: these cities are off track, and so many dealers need
	 * re-classifying.
	 */
	public static final class OffTrack {

		private final List<String> cities;

		OffTrack(List<String> cities) {
			this.cities = cities;
		}

		public List<String> offTrackCities(DelegateExecution execution) {
			return cities;
		}

	}

	@BeforeEach
	void deploy() {
		// other engines run in the same JVM (the Spring tests'): the assertions must use
		// this one
		BpmnAwareTests.init(engine.getProcessEngine());
		deployment = ProcessTestEngine.deploy(engine.getProcessEngine());
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

	private ProcessInstance review(List<String> offTrack, int reclassify) {
		Mocks.register("quarterlyReviews", new OffTrack(offTrack));
		Mocks.register("cycleCalendar", new CycleCalendar());
		Mocks.register("evaluateRuleSetDelegate", (JavaDelegate) execution -> {
			evaluated.add(execution.getCurrentActivityId());
			execution.setVariable("offTrackCityCount", offTrack.size());
			execution.setVariable("reclassifyCount", reclassify);
		});
		return runtimeService().startProcessInstanceByKey("quarterly-review",
				Map.of("region", "east", "year", 2027, "quarter", 2));
	}

	@Test
	void everyOffTrackCityGetsItsOwnCorrectiveAction() {
		// given
		ProcessInstance review = review(List.of("nanjing", "wenzhou", "ningbo"), 0);

		// when
		assertThat(review).isWaitingAt("Task_QuarterlyReview");
		execute(job(review));

		// then
		assertThat(review).isWaitingAt("Task_CorrectiveAction");
		List<Task> actions = taskQuery().processInstanceId(review.getId())
			.taskDefinitionKey("Task_CorrectiveAction")
			.list();
		Assertions.assertThat(actions)
			.hasSize(3)
			.allSatisfy(task -> assertThat(task).hasCandidateGroup("regional-manager"));
		Assertions
			.assertThat(actions.stream().map(t -> (String) runtimeService().getVariable(t.getExecutionId(), "city")))
			.containsExactlyInAnyOrder("nanjing", "wenzhou", "ningbo");

		actions.forEach(task -> complete(task,
				withVariables("correctiveAction", "加铺货", "actionOwner", "王", "actionDue", "2027-07-15")));
		assertThat(review).isEnded().hasNotPassed("Task_Reclassification");
	}

	@Test
	void quarterWithoutOffTrackCitiesHasNoCorrectiveAction() {
		ProcessInstance review = review(List.of(), 0);

		execute(job(review));

		assertThat(review).isEnded().hasNotPassed("Task_CorrectiveAction");
	}

	@Test
	void dealersOffTrackTwoQuartersRunningAreReclassifiedForTheManagerToConfirm() {
		List<String> applied = new ArrayList<>();
		Mocks.register("applyReclassificationDelegate",
				(JavaDelegate) execution -> applied.add(execution.getCurrentActivityId()));
		ProcessInstance review = review(List.of(), 2);

		execute(job(review));
		assertThat(review).isWaitingAt("Task_Reclassification");
		execute(job(review));

		assertThat(review).isWaitingAt("Task_ReviewReclassification");
		assertThat(task(review)).hasCandidateGroup("regional-manager");
		Assertions.assertThat(applied).as("nothing in force before the manager confirms").isEmpty();
		complete(task(review));
		assertThat(review).isEnded()
			.hasPassedInOrder("Task_Reclassification", "Task_ReviewReclassification", "Task_ApplyReclassification");
		Assertions.assertThat(evaluated).containsExactly("Task_QuarterlyReview", "Task_Reclassification");
		Assertions.assertThat(applied).containsExactly("Task_ApplyReclassification");
	}

}
