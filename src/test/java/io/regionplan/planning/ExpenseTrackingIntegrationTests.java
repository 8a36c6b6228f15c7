package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.regionplan.IntegrationTest;
import io.regionplan.market.imports.ImportReport;
import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Actual spending imported as {@code spend}: last year's store investments give the ROI
 * the allocation rules flag; an investment below ROI 1 needs the director to be renewed.
 */
@IntegrationTest
class ExpenseTrackingIntegrationTests {

	@Autowired
	CycleDriver driver;

	@Autowired
	MarketImports imports;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@AfterEach
	void removeTheSpending() {
		jdbc.update("delete from market_spend where id like 'SP-TEST-%'");
	}

	private ImportReport importSpend(String csv) throws Exception {
		Path file = Files.writeString(dir.resolve("spend.csv"), csv, StandardCharsets.UTF_8);
		return imports.importNow("spend", file, "spend.csv", Importer.system());
	}

	@Test
	void lastYearsStoreInvestmentBelowRoiOneIsFlaggedForTheDirector() throws Exception {
		// stores the demo market invested in nothing last year
		String[] stores = jdbc
			.queryForList("select s.id from market_store s join market_city c on c.id = s.city_id "
					+ "where c.id = 'suzhou' and s.id not in (select store_id from market_spend "
					+ "where store_id is not null) order by s.id", String.class)
			.subList(0, 2)
			.toArray(String[]::new);
		ImportReport report = importSpend("spend,month,city,dealer,store,amount,incremental_profit\n"
				+ "SP-TEST-1,2026-03,suzhou,," + stores[0] + ",20000,15000\n" + "SP-TEST-2,2026-04,suzhou,," + stores[1]
				+ ",20000,30000\n" + "SP-TEST-3,2026-05,suzhou,,,50000,\n");
		assertThat(report.status()).as(report.errors().toString()).isEqualTo("SUCCEEDED");

		String cycle = driver.runPlanning("east", "wang.east");

		// 15,000 ÷ 20,000 = 0.75 and the demo market's own (DemoMarket case f): 南京's
		// S-002496, 52,000 ÷ 80,000 = 0.65 (by store id)
		assertThat(runtime.getVariable(cycle, "roiFlagCount")).isEqualTo(2);
		assertThat(((String) runtime.getVariable(cycle, "roiFlags")).lines()).satisfiesExactlyInAnyOrder(
				line -> assertThat(line).contains(stores[0]).contains("，ROI 0.75 < 1.0 / "),
				line -> assertThat(line).startsWith("门店 S-002496（南京）").contains("，ROI 0.65 < 1.0 / "));
		assertThat((String) runtime.getVariable(cycle, "roiFlags")).doesNotContain(stores[1]);
	}

	@Test
	void spendingThatNamesAnUnknownStoreIsRefused() throws Exception {
		ImportReport report = importSpend("spend,month,city,dealer,store,amount,incremental_profit\n"
				+ "SP-TEST-9,2026-03,suzhou,,S-NOPE,100,\n");

		assertThat(report.status()).isEqualTo("REJECTED");
		assertThat(report.errors()).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo("store");
			assertThat(error.reason()).contains("unknown store");
		});
	}

}
