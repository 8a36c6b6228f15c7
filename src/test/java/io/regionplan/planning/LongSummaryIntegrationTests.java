package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A summary longer than the engine's 4,000-character text column (a region with many
 * cities) is stored, shown whole in the form as Tasklist reads it, kept in history, and
 * the step still completes.
 */
@IntegrationTest
class LongSummaryIntegrationTests {

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	CycleDriver driver;

	@Test
	void aSummaryOfEightThousandSevenHundredCharactersIsShownWholeAndTheStepCompletes() {
		// 300 lines of 28 characters: 300 × 28 + 299 line breaks = 8,699
		String summary = String.join("\n", java.util.Collections.nCopies(300, "城市 大本营 / BASE_CAMP 市场份额 6.1%"));
		assertThat("城市 大本营 / BASE_CAMP 市场份额 6.1%").hasSize(28);
		assertThat(summary).hasSize(8699);
		String cycle = driver.start("east");
		String instance = driver.task(cycle, "Task_DataRefreshCheck").getProcessInstanceId();

		runtime.setVariable(instance, "marketSummary", summary);

		assertThat(driver.formVariables(cycle, "Task_DataRefreshCheck", "wang.east").get("marketSummary").asText())
			.isEqualTo(summary);
		driver.complete(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName("marketSummary")
			.singleResult()
			.getValue()).isEqualTo(summary);
		runtime.deleteProcessInstance(cycle, "test done");
	}

}
