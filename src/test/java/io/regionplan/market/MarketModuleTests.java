package io.regionplan.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;

import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The market on its own: only this module and the one it declares (system) are started. A
 * region imported from its files is what the module's API gives the other features.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:market-module;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false",
		// Camunda registers engines by name in one static map: the shared context's
		// engine keeps "default"
		"camunda.bpm.generate-unique-process-engine-name=true" })
@Tag("integration")
@DirtiesContext
class MarketModuleTests {

	@Autowired
	MarketImports imports;

	@Autowired
	MarketMetrics metrics;

	@Autowired
	MarketRegions regions;

	@TempDir
	Path dir;

	@Test
	void aRegionImportedFromItsFilesIsWhatTheModulesApiReads() {
		MarketFixtures.T1.forEach((kind,
				text) -> assertThat(imports
					.importNow(kind, MarketFixtures.csv(dir, kind + ".csv", text), kind + ".csv", Importer.system())
					.status()).as(kind).isEqualTo("SUCCEEDED"));

		assertThat(regions.ids()).contains("t1");
		assertThat(regions.exists("t1")).isTrue();
		assertThat(regions.exists("t9")).isFalse();
		assertThat(metrics.latestMonth("t1")).contains(YearMonth.of(2026, 10));
		CityMetrics a = metrics.cities("t1", YearMonth.of(2026, 10))
			.stream()
			.filter(city -> city.cityId().equals("t1-a"))
			.findFirst()
			.orElseThrow();
		// the same hand calculation as MarketMetricsIntegrationTests: 1500 + 500 (d1) +
		// 300 (d2) in the window
		assertThat(a.sales()).isEqualByComparingTo("2300");
	}

}
