package io.regionplan.planning;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.regionplan.deployment.ProcessFiles;
import io.regionplan.deployment.ProcessFilesDeployment;
import io.regionplan.rules.EvaluateRuleSetDelegate;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RulesSettings;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegionalPlanningCycleProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	private String deploymentId;

	@BeforeEach
	void deployTheRepositoryFiles() {
		ProcessEngine processEngine = engine.getProcessEngine();
		deploymentId = ProcessFilesDeployment.deploy(processEngine.getRepositoryService(), "test",
				ProcessFiles.fromFolder(Path.of("."))).deployment().getId();
		Mocks.register("evaluateRuleSetDelegate", new EvaluateRuleSetDelegate(new RuleSetRegistry(),
				List.of(new VolumeGapBinding()), new RulesSettings(10_000), event -> {
				}));
	}

	@AfterEach
	void undeploy() {
		engine.getProcessEngine().getRepositoryService().deleteDeployment(deploymentId, true);
		Mocks.reset();
	}

	private ProcessInstance start(int target) {
		return runtimeService().startProcessInstanceByKey("regional-planning-cycle",
				Map.of("region", "east", "year", 2027, "hqVolumeTarget", target));
	}

	@Test
	void marketReadingIsForRegionalManagersOfTheRegion() {
		// given
		ProcessInstance cycle = start(100_000);

		// then
		assertThat(cycle).isWaitingAt("Task_MarketReading");
		assertThat(task(cycle)).hasCandidateGroup("regional-manager");
		Assertions.assertThat(task(cycle).getTenantId()).isEqualTo("east");
		Assertions.assertThat(task(cycle).getDueDate()).isNotNull();
	}

	@Test
	void volumeGapRuleTaskDecidesTheBandAfterMarketReading() {
		// given
		ProcessInstance cycle = start(100_000);

		// when
		complete(task(cycle), withVariables("forecastVolume", 90_000));
		assertThat(cycle).isWaitingAt("Task_VolumeGap");
		execute(job(cycle));

		// then
		assertThat(cycle).isEnded().hasPassed("Task_VolumeGap");
		assertThat(cycle).variables()
			.containsEntry("gapBand", "GAP_PLAN")
			.containsEntry("gapRatio", 0.1)
			.containsEntry("gapReason", "缺口 10% 在 5% 与 15% 之间，需要缺口弥补计划 / gap 10% is over 5% and up to 15%: a gap-closing plan is needed");
	}

	@Test
	void smallGapIsAccepted() {
		ProcessInstance cycle = start(100_000);

		complete(task(cycle), withVariables("forecastVolume", 99_000));
		execute(job(cycle));

		assertThat(cycle).isEnded().variables().containsEntry("gapBand", "ACCEPTED");
	}

	@Test
	void ruleTaskWithoutNumbersFailsAndLeavesTheJobForRetry() {
		ProcessInstance cycle = start(100_000);

		complete(task(cycle), withVariables("forecastVolume", "a lot"));

		Assertions.assertThatThrownBy(() -> execute(job(cycle)))
			.hasMessageContaining("forecastVolume");
		assertThat(cycle).isWaitingAt("Task_VolumeGap");
		Assertions.assertThat(runtimeService().getVariable(cycle.getId(), "gapBand")).isNull();
	}

}
