package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.regionplan.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, benchmark 4 as a regression test: the SQL statements one planning cycle costs
 * (start to the director's approval, 11 user tasks through the REST API, 6 rule tasks
 * with their decisions), counted by H2's query statistics, not timed. A change that makes
 * the cycle cost half as much again fails the build.
 */
@IntegrationTest
class PlanningSqlStatementsTests {

	@Autowired
	CycleDriver driver;

	/**
	 * Measured 2026-11-27: see docs/performance.md; the ceiling is that figure plus 50%.
	 */
	static final long MEASURED = 2_060;

	@Autowired
	JdbcTemplate jdbc;

	private long executed() {
		Long total = jdbc.queryForObject(
				"select coalesce(sum(EXECUTION_COUNT), 0) from INFORMATION_SCHEMA.QUERY_STATISTICS", Long.class);
		return total == null ? 0 : total;
	}

	@Test
	void onePlanningCycleStaysUnderItsStatementCeiling() {
		// H2 counts the statements (QUERY_STATISTICS); the suite also runs on PostgreSQL
		// (-Dregionplan.it.db-url)
		org.junit.jupiter.api.Assumptions.assumeTrue(jdbc.execute(
				(java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName().equals("H2")),
				"statement counts are measured on H2 only");
		driver.runPlanning("east", "wang.east");
		jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
		jdbc.execute("SET QUERY_STATISTICS TRUE");
		try {
			long before = executed();
			driver.runPlanning("east", "wang.east");
			long statements = executed() - before;

			List<Map<String, Object>> top = jdbc.queryForList("select EXECUTION_COUNT, SQL_STATEMENT from "
					+ "INFORMATION_SCHEMA.QUERY_STATISTICS order by EXECUTION_COUNT desc fetch first 8 rows only");
			System.out.println("SQL statements for one planning cycle: " + statements);
			top.forEach(row -> System.out
				.println("  " + row.get("EXECUTION_COUNT") + "  " + String.valueOf(row.get("SQL_STATEMENT"))
					.replaceAll("\\s+", " ")
					.substring(0,
							Math.min(140, String.valueOf(row.get("SQL_STATEMENT")).replaceAll("\\s+", " ").length()))));
			assertThat(statements).as("statements of one planning cycle (warm)")
				.isPositive()
				.isLessThan(MEASURED * 3 / 2);
		}
		finally {
			jdbc.execute("SET QUERY_STATISTICS FALSE");
		}
	}

}
