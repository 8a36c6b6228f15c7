package io.regionplan.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import io.regionplan.rules.DecisionOverridden;
import io.regionplan.rules.RuleSetVersion;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The decision audit on its own: only this module and the ones it declares (engine,
 * rules, system) are started, and it records what the rules module publishes.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:decision-module;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		// Camunda registers engines by name in one static map: the shared context's
		// engine keeps "default"
		"camunda.bpm.generate-unique-process-engine-name=true" })
@Tag("integration")
@DirtiesContext
class DecisionModuleTests {

	@Autowired
	DecisionQueries queries;

	@Test
	void anOverrideIsAuditedWithTheResultBeforeAndAfterTheReasonAndTheUser(Scenario scenario) {
		RuleSetVersion version = new RuleSetVersion("dealer-classification", "deployment-1", "0123456789abcdef0123");

		scenario
			.publish(new DecisionOverridden(version, "cycle-1", "Task_ApplyTierOverride", "east", "wang.east", "dealer",
					"D-E-002", Map.of("tier", "D"), Map.of("tier", "C"), "已还款 / paid back"))
			.andWaitForStateChange(() -> queries.history("dealer", "D-E-002", null, Set.of("east")),
					history -> !history.isEmpty())
			.andVerify(history -> {
				assertThat(history).hasSize(1);
				Map<String, Object> entry = history.get(0);
				assertThat(entry).containsEntry("kind", "OVERRIDE")
					.containsEntry("ruleSet", "dealer-classification")
					.containsEntry("processInstanceId", "cycle-1")
					.containsEntry("userId", "wang.east")
					// the deployment and the first 12 hex digits of the rule set's hash
					.containsEntry("ruleVersion", "deployment-1:0123456789ab");
				assertThat(String.valueOf(entry.get("result"))).isEqualTo("{\"tier\":\"C\"}");
				assertThat(String.valueOf(entry.get("reason"))).contains("理由：已还款 / paid back")
					.contains("reason: 已还款 / paid back");
			});
		assertThat(queries.history("dealer", "D-E-002", null, Set.of("south"))).as("another region sees nothing")
			.isEmpty();
	}

}
