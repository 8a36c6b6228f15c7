package io.regionplan.benchmark;

import static io.regionplan.planning.CycleDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the director's tasks of a benchmark market show over {@code GET
 * /engine-rest/task/{id}/form-variables}: the ranked candidates and, when the benchmark
 * is off track, the city, the month and the reason. The candidates are computed here from
 * the market tables and the cycle's strategies with the rule set's documented policy
 * (benchmark-selection/parameters.properties: a BASE_CAMP or BREAKTHROUGH city with at
 * least 5 dealers and 100 stores, ranked by market size × (1 − share)).
 */
@IntegrationTest
class BenchmarkFormVariablesIntegrationTests {

	static final String DIRECTOR = "zhao.director";

	static final String REGION = "east";

	@Autowired
	CycleDriver driver;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetTheEngineClock() {
		EngineClock.pin();
	}

	private Map<String, JsonNode> shown(String process, String taskId) {
		return driver.formVariables(process, taskId, DIRECTOR);
	}

	@Test
	void theDirectorSeesTheEligibleCitiesRankedAndThenWhyTheBenchmarkIsOffTrack() {
		String cycle = driver.start(REGION);
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		String benchmark = rest.withBasicAuth(DIRECTOR, "demo")
			.postForObject("/engine-rest/process-definition/key/benchmark-market/start",
					Map.of("variables",
							Map.of("region", Map.of("value", REGION), "year", Map.of("value", 2027), "monitorMonths",
									Map.of("value", 2))),
					JsonNode.class)
			.get("id")
			.asText();
		driver.runJobs(benchmark);

		Map<String, JsonNode> select = shown(benchmark, "Task_SelectBenchmarkCity");

		YearMonth period = YearMonth.parse(jdbc.queryForObject("select max(s.sales_month) from market_sales s "
				+ "join market_dealer d on d.id = s.dealer_id where d.region_id = ?", String.class, REGION));
		record Candidate(String city, BigDecimal opportunity) {
		}
		List<Candidate> expected = jdbc.query("select c.id, c.market_size, "
				+ "(select coalesce(sum(s.amount), 0) from market_sales s where s.city_id = c.id "
				+ "and s.sales_month between ? and ?) from market_city c "
				+ "join cycle_city_strategy st on st.city_id = c.id and st.process_instance_id = ? "
				+ "where c.region_id = ? and st.strategy in ('BASE_CAMP', 'BREAKTHROUGH') "
				+ "and (select count(distinct v.dealer_id) from market_dealer_coverage v where v.city_id = c.id) >= 5 "
				+ "and (select count(*) from market_store m where m.city_id = c.id) >= 100", (rs, n) -> {
					BigDecimal size = rs.getBigDecimal(2);
					// growth opportunity = market size × (1 − sales ÷ market size)
					BigDecimal share = rs.getBigDecimal(3).divide(size, MathContext.DECIMAL64);
					return new Candidate(rs.getString(1), size.multiply(BigDecimal.ONE.subtract(share)));
				}, period.minusMonths(11).toString(), period.toString(), cycle, REGION)
			.stream()
			.sorted(Comparator.comparing(Candidate::opportunity).reversed())
			.toList();
		List<String> ranking = select.get("benchmarkRanking").asText().lines().toList();
		System.out.printf("benchmark candidates in %s: %s%n", REGION, expected);
		assertThat(expected).as("the demo region has candidates").isNotEmpty();
		assertThat(ranking).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(ranking.get(i)).startsWith((i + 1) + ". " + expected.get(i).city() + " — ")
				.endsWith("rank " + (i + 1));
		}
		assertThat(select.get("benchmarkCity").asText()).isEqualTo(expected.get(0).city());

		String city = expected.get(0).city();
		driver.complete(benchmark, "Task_SelectBenchmarkCity", DIRECTOR,
				Map.of("benchmarkCity", city, "followerCities", "wuxi"));
		driver.complete(benchmark, "Task_GrowthOpportunity", "wang.east", Map.of("ndGainVolume", 3000,
				"newDealersVolume", 2000, "competitorVolume", 1000, "targetMonthlyVolume", 50_000));
		driver.complete(benchmark, "Task_BenchmarkPlan", "wang.east", CycleDriver.OGSPM);
		// no sales of November and December 2026 are recorded: 0 of 50,000, twice
		// OFF_TRACK
		clock(2026, 12, 2, 8);
		driver.runJobs(benchmark);
		clock(2027, 1, 2, 8);
		driver.runJobs(benchmark);

		Map<String, JsonNode> escalation = shown(benchmark, "Task_EscalateBenchmark");
		assertThat(escalation.get("benchmarkCity").asText()).isEqualTo(city);
		assertThat(escalation.get("monitoredMonth").asText()).isEqualTo("2026-12");
		// 0 ÷ 50,000 = 0% achievement, under DOMAIN's 85% for OFF_TRACK
		assertThat(escalation.get("lastBandReason").asText()).contains("达成率 0% < 85%")
			.contains("achievement 0% < 85%: off track");
	}

}
