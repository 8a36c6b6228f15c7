package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.regionplan.RegionPlanApplication;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The prod profile refuses to start without a real admin password, before anything is created.
 */
class ProdProfileTests {

	private static void startProd(String... environment) {
		SpringApplication application = new SpringApplication(RegionPlanApplication.class);
		application.setAdditionalProfiles("prod");
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:prod-check", "--server.port=0"));
		for (String variable : environment) {
			args.add("--" + variable);
		}
		application.run(args.toArray(String[]::new));
	}

	@Test
	void refusesToStartWithoutAdminPassword() {
		assertThatThrownBy(() -> startProd())
			.isInstanceOfSatisfying(UnsafeConfigurationException.class, ex -> {
				assertThat(ex.getMessage()).contains("No admin password");
				assertThat(ex.action()).contains("REGIONPLAN_ADMIN_PASSWORD");
			});
	}

	@Test
	void refusesAnAdminPasswordEqualToTheUserId() {
		assertThatThrownBy(() -> startProd("REGIONPLAN_ADMIN_USER=boss", "REGIONPLAN_ADMIN_PASSWORD=boss"))
			.isInstanceOf(UnsafeConfigurationException.class)
			.hasMessageContaining("equals the user id 'boss'");
	}

	@Test
	void failureIsReportedAsDescriptionAndAction() {
		FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer()
			.analyze(new IllegalStateException(new UnsafeConfigurationException("No admin password", "Set it")));

		assertThat(analysis.getDescription()).isEqualTo("No admin password");
		assertThat(analysis.getAction()).isEqualTo("Set it");
	}

}
