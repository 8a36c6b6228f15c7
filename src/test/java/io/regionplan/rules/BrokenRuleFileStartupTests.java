package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.regionplan.RegionPlanApplication;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.FileSystemUtils;

/**
 * A rule file with a syntax error stops startup with its file and line, and nothing is
 * deployed.
 */
@Tag("integration")
class BrokenRuleFileStartupTests {

	@TempDir
	Path checkout;

	@TempDir
	Path data;

	@Test
	void syntaxErrorStopsStartupNamingFileAndLine() throws IOException, SQLException {
		for (String folder : new String[] { "processes", "rules", "forms" }) {
			FileSystemUtils.copyRecursively(Path.of(folder), checkout.resolve(folder));
		}
		Files.writeString(checkout.resolve("rules/volume-gap/broken.drl"), """
				package rules.volumegap;
				import io.regionplan.rules.fact.VolumeGap;
				rule "Broken" when $g : VolumeGap( gapRatio >> 1 ) then end
				""");

		// Its own engine name and no web server: Camunda keeps engines and the webapps'
		// runtime in static
		// registries, which the shared test context of the other tests uses.
		assertThatThrownBy(() -> SpringApplication.run(RegionPlanApplication.class,
				"--spring.main.web-application-type=none", "--camunda.bpm.process-engine-name=brokenstartup",
				"--regionplan.data-dir=" + data, "--regionplan.deployment.source=" + checkout))
			.hasStackTraceContaining("rules/volume-gap/broken.drl:3")
			.satisfies(failure -> {
				FailureAnalysis analysis = new io.regionplan.deployment.ProcessFilesFailureAnalyzerAccess()
					.analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("nothing was deployed")
					.contains("rules/volume-gap/broken.drl:3");
			});

		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("regionplan"), "sa", "");
				ResultSet deployments = db.createStatement().executeQuery("select count(*) from ACT_RE_DEPLOYMENT")) {
			deployments.next();
			assertThat(deployments.getInt(1)).isZero();
		}
	}

}
