package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.market.demo.DemoMarket;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A demo east planning cycle over REST shows every path of the plan where a person reads
 * it (DemoMarket cases f to i): the new market 镇江's 7C verdict, the borderline cities the
 * manager must confirm, 南通 and 镇江 short of reps and getting them, 镇江's only dealer taking
 * its whole dealer support (CAP_SOLE_DEALER), and 南京's store investment with ROI below 1
 * in the director's approval. Every expected value is worked out by hand below from the
 * demo market's figures.
 */
@IntegrationTest
class DemoEastPathsIntegrationTests {

	static final String MANAGER = "wang.east";

	static final String DIRECTOR = "zhao.director";

	/** 7C of 镇江: 4 + 4 + 4 + 3 + 4 + 3 + 3 = 25, within 21–27: WATCH. */
	static final Map<String, Object> SEVEN_C = Map.of("scoreAdministrative", 4, "scoreCategory", 4, "scoreConsumer", 4,
			"scoreChannel", 3, "scoreCustomer", 4, "scoreCompetitor", 3, "scoreOwnCompany", 3);

	@Autowired
	CycleDriver driver;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Test
	void aDemoEastCycleShowsEveryPathWhereAPersonReadsIt() {
		// a headcount budget of 3 new reps, the budget of 1,000 万元 and the target of
		// CycleDriver.start
		String cycle = runtime
			.startProcessInstanceByKey("regional-planning-cycle", Map.of("region", "east", "year", 2027,
					"hqVolumeTarget", 1_000_000, "budget", 10_000_000, "headcountBudget", 3))
			.getId();
		driver.complete(cycle, "Task_DataRefreshCheck", MANAGER, Map.of("dataConfirmed", true));
		Map<String, Object> visits = new LinkedHashMap<>(CycleDriver.MARKET_VISITS);
		visits.put("newMarketCity", DemoMarket.NEW_MARKET_CITY);
		visits.putAll(SEVEN_C);
		driver.complete(cycle, "Task_MarketVisits", MANAGER, visits);
		driver.complete(cycle, "Task_Swot", MANAGER, CycleDriver.SWOT);
		driver.runJobs(cycle);

		strategyReviewShowsTheNewMarketAndTheBorderlineCities(cycle);
		driver.planAsForecast(cycle, MANAGER);
		driver.runJobs(cycle);
		teamReviewListsTheCitiesShortOfReps(cycle);
		driver.reviewTeam(cycle, MANAGER);
		Map<String, JsonNode> resources = driver.formVariables(cycle, "Task_ReviewDealersAndResources", MANAGER);
		repsGoToTheCitiesShortOfThem(resources);
		theNewMarketsOnlyDealerTakesItsWholeDealerSupport(cycle);
		driver.complete(cycle, "Task_ReviewDealersAndResources", MANAGER, Map.of());
		driver.writeWorkPlan(cycle, MANAGER);

		Map<String, JsonNode> approval = driver.formVariables(cycle, "Task_DirectorPlanApproval", DIRECTOR);
		// 南京's first carrying hypermarket S-002496: 52,000 ÷ 80,000 = 0.65 < 1.0; every
		// other east investment returned 1.2 to 2.5 times its spend
		assertThat(approval.get("roiFlags").asText())
			.isEqualTo("门店 S-002496（南京） — 上年投入 8.0 万元，增量毛利 5.2 万元，ROI 0.65 < 1.0 / last year's spend "
					+ "8.0 万元, incremental profit 5.2 万元, ROI 0.65 < 1.0");
		assertThat(runtime.getVariable(cycle, "roiFlagCount")).isEqualTo(1);
		assertThat(approval.get("peopleByCity")).isEqualTo(resources.get("peopleByCity"));
		// the core dealer serves 上海 and 苏州 and is 镇江's only dealer: one line, its three
		// cities by id, in both the manager's review and the director's approval
		assertThat(approval.get("topDealers").asText()).isEqualTo(resources.get("topDealers").asText())
			.contains("上海恒达供应链 D-E-001（A，上海、苏州、镇江）");
		assertThat(approval.get("cityStrategySummary").asText()).contains("7C 总分 25 在 21–27 之间：观察");
	}

	/**
	 * 镇江 has no sale: a new market, scored 25, WATCH. East's market sizes: the median of
	 * the twelve old markets is (11.5 + 13) ÷ 2 = 12.25 亿; 无锡 (11.5 亿) and 南通 (13 亿) are
	 * 0.75 ÷ 12.25 = 6.1% from it, within 10%: borderline, to be confirmed.
	 */
	private void strategyReviewShowsTheNewMarketAndTheBorderlineCities(String cycle) {
		Map<String, JsonNode> review = driver.formVariables(cycle, "Task_ReviewStrategy", MANAGER);
		assertThat(review.get("cityStrategySummary").asText()).containsPattern("NEW_MARKET: [^;]*镇江")
			.contains("7C 总分 25 在 21–27 之间：观察")
			.contains("7C score 25 within 21–27: WATCH");
		assertThat(jdbc.queryForMap("select strategy, verdict from cycle_city_strategy where process_instance_id = ? "
				+ "and city_id = 'zhenjiang'", cycle))
			.containsEntry("STRATEGY", "NEW_MARKET")
			.containsEntry("VERDICT", "WATCH");
		assertThat(review.get("borderlineCities").asText())
			.contains("象限临界：市场容量 11.5 亿 与中位数 12.25 亿 相差 6.1%（不超过 10%），请经理确认")
			.contains("象限临界：市场容量 13 亿 与中位数 12.25 亿 相差 6.1%（不超过 10%），请经理确认")
			.contains("无锡")
			.contains("南通");
		assertThat(driver.tryComplete(driver.task(cycle, "Task_ReviewStrategy"), MANAGER, Map.of())
			.getStatusCode()
			.value()).as("not without confirming the borderline cities").isNotEqualTo(204);
		driver.complete(cycle, "Task_ReviewStrategy", MANAGER, CycleDriver.confirmed(Map.of()));
		driver.runJobs(cycle);
	}

	/**
	 * 南通 (三点攻一点, +8 ND points in every channel) by its stores and carrying stores: KA ⌈4
	 * + 0.08 × 5⌉ = 5 × 8 visits = 40, supermarket ⌈12 + 1.92⌉ = 14 × 4 = 56, convenience
	 * ⌈23 + 3.52⌉ = 27 × 2 = 54, traditional ⌈24 + 6.32⌉ = 31 × 2 = 62, catering ⌈17 +
	 * 3.28⌉ = 21 × 2 = 42, e-commerce 0: 254 visits ÷ (8 × 22) = 1.44 → 2 reps, 1
	 * employed. 镇江 (new market, +3 points in KA and supermarket, nothing carried): KA
	 * ⌈0.03 × 2⌉ = 1 × 8, supermarket ⌈0.03 × 9⌉ = 1 × 4: 12 visits → 1 rep, none
	 * employed. The region: 32 required before 镇江, now 33; 79 employed before 南通's team
	 * went from 5 to 1, now 75.
	 */
	private void teamReviewListsTheCitiesShortOfReps(String cycle) {
		String team = driver.formVariables(cycle, "Task_ReviewTeam", MANAGER).get("teamSizeSummary").asText();
		assertThat(team).startsWith("需要 / required 33，现有 / now 75")
			.contains("\n南通: 需要 2 人，现有 1 人 / 2 required, 1 now")
			.contains("\n镇江: 需要 1 人，现有 0 人 / 1 required, 0 now");
		String short_ = team.substring(team.indexOf("缺人的城市 / cities short of reps:"),
				team.indexOf("\n人多的城市 / cities with more reps than needed:"));
		assertThat(short_.lines().skip(1)).hasSize(2)
			.satisfiesExactly(line -> assertThat(line).startsWith("nantong 南通: "),
					line -> assertThat(line).startsWith("zhenjiang 镇江: "));
	}

	/**
	 * 3 new reps: 南通 and 镇江 are each 1 short; of two equally short the larger market
	 * first (南通 13 亿, 镇江 5.5 亿); the third stays with the region.
	 */
	private static void repsGoToTheCitiesShortOfThem(Map<String, JsonNode> resources) {
		assertThat(resources.get("peopleByCity").asText().lines().toList()).satisfiesExactly(
				line -> assertThat(line).startsWith("南通 nantong: 1 人 / reps — 缺 1 人（需要 2，现有 1），缺口第 1 大：补 1 人"),
				line -> assertThat(line).startsWith("镇江 zhenjiang: 1 人 / reps — 缺 1 人（需要 1，现有 0），缺口第 2 大：补 1 人"),
				line -> assertThat(line).startsWith("区域统筹 / region: 1 人 / reps — 没有缺人的城市需要，由经理安排"));
	}

	/**
	 * City weights = strategy weight × market size (亿): 大本营 1.0 × (52 + 21 + 20) = 93,
	 * 三点攻一点 1.2 × 13 = 15.6, 突破 1.5 × (16 + 13.5) = 44.25, 稳固 0.6 × (11.5 + 8.5 + 6) =
	 * 15.6, 采蘑菇 0.3 × (4 + 7.5) = 3.45 and 温州 beyond range 0.3 × 10.5 × 0.8 = 2.52, 新市场
	 * 镇江 0.3 × 5.5 = 1.65: 176.07 in all. 镇江 gets 9,000,000 × 1.65 ÷ 176.07 = 84,341.45,
	 * half of it dealer support: 42,170.73, all of it to its only dealer D-E-001, above
	 * the 40% cap (to the cent, as the largest remainder rounds it).
	 */
	private void theNewMarketsOnlyDealerTakesItsWholeDealerSupport(String cycle) {
		Map<String, Object> dealer = jdbc.queryForMap("select amount, reason_zh, reason_en from cycle_allocation "
				+ "where process_instance_id = ? and resource = 'money' and subject_type = 'dealer' "
				+ "and subject_id = ? and city_id = 'zhenjiang'", cycle, DemoMarket.NEW_MARKET_DEALER);
		BigDecimal support = jdbc.queryForObject("select amount from cycle_city_money where process_instance_id = ? "
				+ "and city_id = 'zhenjiang' and purpose = 'DEALER_SUPPORT'", BigDecimal.class, cycle);
		assertThat((BigDecimal) dealer.get("AMOUNT")).isEqualByComparingTo(support)
			.isBetween(new BigDecimal("42170.72"), new BigDecimal("42170.74"));
		assertThat((String) dealer.get("REASON_ZH")).contains("城市唯一可分配的经销商，不设封顶（CAP_SOLE_DEALER）");
		assertThat((String) dealer.get("REASON_EN")).contains("the city's only dealer with a weight, not capped");
		// where a person reads it: the decision's subject in the audit trail
		JsonNode page = rest.withBasicAuth("sun.auditor", "demo")
			.getForObject("/api/decisions?ruleSet=resource-allocation&processInstanceId=" + cycle + "&subject="
					+ DemoMarket.NEW_MARKET_DEALER, JsonNode.class);
		assertThat(page.get("totalElements").asInt()).isEqualTo(1);
		assertThat(page.get("content").get(0).toString()).contains("CAP_SOLE_DEALER").contains("zhenjiang");
	}

}
