package io.regionplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A summary longer than the engine's 4,000-character text column is kept whole and read
 * back as a String, at runtime and in history; without the serializer the engine refuses
 * it.
 */
@Tag("process")
class LongTextVariablesTests {

	/** 4,001 characters: 1,000 × "南京突破" plus one. */
	private static final String LONG = "南京突破".repeat(1000) + "。";

	private ProcessEngine engine;

	private ProcessEngine engine(boolean withLongText) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		if (withLongText) {
			LongTextVariables.register(configuration);
		}
		configuration.setJavaSerializationFormatEnabled(false);
		this.engine = configuration.setProcessEngineName("long-text-" + UUID.randomUUID())
			.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("wait.bpmn",
					Bpmn.createExecutableProcess("wait")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("Task_Wait")
						.endEvent()
						.done())
			.deploy();
		return this.engine;
	}

	@AfterEach
	void close() {
		if (engine != null) {
			engine.close();
		}
	}

	private int byteArrays() {
		return engine.getManagementService().getTableCount().get("ACT_GE_BYTEARRAY").intValue();
	}

	@Test
	void aStringOverTheColumnIsKeptWholeAndReadBackAsAString() {
		ProcessEngine engine = engine(true);
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey("wait", Variables.putValue("summary", LONG));

		assertThat(LONG).hasSize(4001);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "summary")).isEqualTo(LONG);
		assertThat(engine.getRuntimeService().getVariableTyped(instance.getId(), "summary").getType().getName())
			.isEqualTo("string");
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.variableName("summary")
			.singleResult()
			.getValue()).isEqualTo(LONG);
	}

	@Test
	void upToTheColumnAStringStaysInTheColumnAndCanBeQueried() {
		ProcessEngine engine = engine(true);
		String exactly = LONG.substring(0, 4000);
		int before = byteArrays();
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey("wait", Variables.putValue("summary", exactly));

		assertThat(byteArrays()).isEqualTo(before);
		assertThat(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.variableValueEquals("summary", exactly)
			.singleResult()
			.getId()).isEqualTo(instance.getId());
	}

	@Test
	void aSummaryGrowingAndShrinkingMovesBetweenColumnAndByteArray() {
		ProcessEngine engine = engine(true);
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey("wait", Variables.putValue("summary", "短"));
		int before = byteArrays();

		engine.getRuntimeService().setVariable(instance.getId(), "summary", LONG);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "summary")).isEqualTo(LONG);
		engine.getRuntimeService().setVariable(instance.getId(), "summary", "又短了");

		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "summary")).isEqualTo("又短了");
		// history keeps every update (FULL): the long one's bytes stay there, the
		// runtime's go
		assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates().count()).isEqualTo(3);
		assertThat(byteArrays()).isEqualTo(before + 1);
	}

	@Test
	void withoutItTheEngineRefusesTheLongString() {
		ProcessEngine engine = engine(false);

		assertThatThrownBy(
				() -> engine.getRuntimeService().startProcessInstanceByKey("wait", Variables.putValue("summary", LONG)))
			.isInstanceOf(ProcessEngineException.class);
	}

}
