package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gap-closing sources split by city, over REST as wang.east and zhao.director: the
 * rows are checked on the server, added up by it, each source is checked against its
 * realism bound (a source past it brings the director in, whatever the band), and the
 * plan split gives each city the sources the manager gave it.
 */
@IntegrationTest
class GapSourcesIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate rest;

	/** The forecast of the demo east region (a probe cycle's). */
	private long forecast;

	/**
	 * A cycle at its gap-closing plan: the forecast 10% under the target (a gap-closing
	 * plan, no director by the band), the plan {@code uplift} above the forecast.
	 */
	private String atTheGapClosingPlan(long uplift) {
		forecast = driver.forecast("east", "wang.east");
		String cycle = driver.start("east", CycleDriver.targetFor(forecast, 10));
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		driver.complete(cycle, "Task_VolumePlan", "wang.east",
				Map.of("plannedVolume", forecast + uplift, "planNotes", "新开门店 / new stores"));
		driver.runJobs(cycle);
		assertThat(runtime.getVariable(cycle, "gapBand")).isEqualTo("GAP_PLAN");
		assertThat(runtime.getVariable(cycle, "upliftVolume")).isEqualTo(uplift);
		return cycle;
	}

	private String openTask(String cycle) {
		return driver.task(cycle, "Task_GapClosingPlan") == null ? null : "Task_GapClosingPlan";
	}

	private Map<String, Long> storeBounds(String cycle) {
		return GapSourceBounds.newStores(jdbc, "east", (String) runtime.getVariable(cycle, "period"));
	}

	/** East's new-store bounds, largest first, read on a probe cycle deleted after. */
	private Map<String, Long> probedStoreBounds() {
		String probe = atTheGapClosingPlan(1);
		Map<String, Long> bounds = storeBounds(probe);
		runtime.deleteProcessInstance(probe, "probe for the bounds");
		return bounds;
	}

	/** The city with the smallest bound above 0. */
	private static Map.Entry<String, Long> smallestPositive(Map<String, Long> bounds) {
		return bounds.entrySet().stream().filter(city -> city.getValue() > 0).reduce((a, b) -> b).orElseThrow();
	}

	private String nameOf(String city) {
		return jdbc.queryForObject("select name_zh from market_city where id = ?", String.class, city);
	}

	/** The facts of the cycle's latest decision of a rule set, of one type. */
	private List<JsonNode> facts(String cycle, String ruleSet, String type) throws Exception {
		List<String> chunks = jdbc.queryForList("select f.facts from decision_facts f join decision d on d.id = "
				+ "f.decision_id where d.process_instance_id = ? and d.rule_set = ? and d.evaluated_at = (select "
				+ "max(evaluated_at) from decision where process_instance_id = ? and rule_set = ?) order by f.chunk",
				String.class, cycle, ruleSet, cycle, ruleSet);
		List<JsonNode> facts = new java.util.ArrayList<>();
		for (String chunk : chunks) {
			for (JsonNode fact : JSON.readTree(chunk)) {
				if (fact.get("type").asText().equals(type)) {
					facts.add(fact.get("fact"));
				}
			}
		}
		return facts;
	}

	/**
	 * 10,000 cases above the forecast: 8,000 new stores in the city whose new-store bound
	 * is largest (at least 8,000, worked out in the test), 1,000 new SKUs and 1,000
	 * price/promotion in another (1,000 ≤ 5% and ≤ 3% of a forecast over 1,000,000).
	 */
	@Test
	void sourcesWithinTheirBoundsNeedNoDirectorAndMoveTheirCitysPlan() throws Exception {
		String cycle = atTheGapClosingPlan(10_000);
		Map<String, Long> bounds = storeBounds(cycle);
		String stores = bounds.keySet().iterator().next();
		String other = bounds.keySet().stream().skip(1).findFirst().orElseThrow();
		assertThat(bounds.get(stores)).as("the largest new-store bound").isGreaterThanOrEqualTo(8_000);
		assertThat(forecast).isGreaterThan(1_000_000);

		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", CycleDriver
			.gapSources(CycleDriver.source(stores, 0, 8_000, 0, 0), CycleDriver.source(other, 0, 0, 1_000, 1_000)));
		driver.runJobs(cycle);

		assertThat(driver.task(cycle, "Task_ReviewTeam")).as("no director: the band and every bound allow it")
			.isNotNull();
		assertThat(runtime.getVariable(cycle, "gapSourcesPastBound")).isEqualTo(false);
		assertThat(runtime.getVariable(cycle, "newDealersVolume")).isEqualTo(0L);
		assertThat(runtime.getVariable(cycle, "newStoresVolume")).isEqualTo(8_000L);
		assertThat(runtime.getVariable(cycle, "newSkusVolume")).isEqualTo(1_000L);
		assertThat(runtime.getVariable(cycle, "pricePromotionVolume")).isEqualTo(1_000L);
		String summary = (String) runtime.getVariable(cycle, "gapSourcesSummary");
		assertThat(summary).startsWith("所有来源都在上限内 / every source is within its bound\n"
				+ "合计 / total（箱 / cases）：新经销商 0 · 新门店/铺货 8,000 · 新品 1,000 · 价格/促销 1,000 = 10,000");
		assertThat(summary).contains(nameOf(stores) + "：新经销商 0（上限 ")
			.contains("· 新门店/铺货 8,000（上限 " + String.format("%,d", bounds.get(stores)) + "） · 新品 0 · 价格/促销 0");
		// the forecast × 5%, rounded down
		assertThat(summary).contains("全区新品 1,000 箱 ≤ 上限 " + String.format("%,d", forecast * 5 / 100) + " 箱");

		// recorded like every rule task: the new-store bound of the city, within it
		List<Map<String, Object>> decided = jdbc
			.queryForList("select s.subjects from decision_subjects s join decision d on d.id = s.decision_id "
					+ "where d.process_instance_id = ? and d.rule_set = 'gap-sources'", cycle);
		assertThat(decided).hasSize(1);
		JsonNode subjects = JSON.readTree((String) decided.get(0).get("SUBJECTS"));
		JsonNode city = java.util.stream.StreamSupport.stream(subjects.spliterator(), false)
			.filter(s -> s.get("subjectId").asText().equals(stores))
			.findFirst()
			.orElseThrow();
		assertThat(city.get("firedRules").toString()).contains("NewStores_WithinBound", "NewDealers_WithinBound");
		assertThat(city.get("result").get("newStoresVolume").asText()).isEqualTo("WITHIN_BOUND");
		assertThat(city.get("reason").get("zh").asText())
			.contains(nameOf(stores) + " 新门店/铺货 8,000 箱 ≤ 上限 " + String.format("%,d", bounds.get(stores)) + " 箱");

		// the plan split: each city gets the sources the manager gave it, none as a
		// region total
		assertThat(facts(cycle, "plan-split", "PlanSource"))
			.extracting(f -> f.get("cityId").asText() + " " + f.get("kind").asText() + " " + f.get("volume").asLong())
			.containsExactlyInAnyOrder(stores + " newStoresVolume 8000", other + " newSkusVolume 1000",
					other + " pricePromotionVolume 1000");
		String plans = (String) runtime.getVariable(cycle, "cityPlanSummary");
		assertThat(plans.lines().filter(line -> line.startsWith(nameOf(stores) + "："))).singleElement()
			.asString()
			.contains("来源 8,000");
		assertThat(plans.lines().filter(line -> line.startsWith(nameOf(other) + "："))).singleElement()
			.asString()
			.contains("来源 2,000");
	}

	/**
	 * The city with the smallest new-store bound b gets b + 1 new stores: within the gap
	 * band a plan suffices, but the source is past its bound and the director sees it.
	 */
	@Test
	void aSourcePastItsBoundReachesTheDirectorWhoSeesItByCity() {
		Map<String, Long> bounds = probedStoreBounds();
		Map.Entry<String, Long> smallest = smallestPositive(bounds);
		long past = smallest.getValue() + 1;
		String cycle = atTheGapClosingPlan(past);

		ResponseEntity<String> forged = driver.tryComplete(driver.task(cycle, "Task_GapClosingPlan"), "wang.east",
				Map.of("gapSources", CycleDriver.Rows.of(CycleDriver.source(smallest.getKey(), 0, past, 0, 0)),
						"gapSourcesPastBound", false));
		assertThat(forged.getStatusCode().value()).isEqualTo(400);
		assertThat(forged.getBody()).contains("'gapSourcesPastBound'");

		driver.complete(cycle, "Task_GapClosingPlan", "wang.east",
				CycleDriver.gapSources(CycleDriver.source(smallest.getKey(), 0, past, 0, 0)));
		driver.runJobs(cycle);

		assertThat(runtime.getVariable(cycle, "gapBand")).as("the band alone needs no director").isEqualTo("GAP_PLAN");
		Map<String, JsonNode> shown = driver.formVariables(cycle, "Task_DirectorGapApproval", "zhao.director");
		String name = nameOf(smallest.getKey());
		String summary = shown.get("gapSourcesSummary").asText();
		assertThat(summary).startsWith("超出上限、须总监审批 / past the bound, the director decides: " + name + " 新门店/铺货 "
				+ String.format("%,d", past) + " > " + String.format("%,d", smallest.getValue()) + "\n");
		assertThat(summary).contains(name + "：新经销商 0（上限 ")
			.contains("· 新门店/铺货 " + String.format("%,d", past) + "（上限 " + String.format("%,d", smallest.getValue())
					+ "，超出 / past the bound） · 新品 0 · 价格/促销 0");
		assertThat(shown.get("newStoresVolume").asLong()).isEqualTo(past);

		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director", Map.of("gapDecision", "approve"));
		driver.runJobs(cycle);
		String plans = (String) runtime.getVariable(cycle, "cityPlanSummary");
		assertThat(plans.lines().filter(line -> line.startsWith(name + "："))).singleElement()
			.asString()
			.contains("来源 " + String.format("%,d", past));
	}

	/**
	 * Rows the form or the server refuses, each naming its cell; the task stays open and
	 * nothing is written.
	 */
	/**
	 * After the director returns a plan whose source was past its bound, the manager's
	 * next pass is judged on its own rows: the list sent as null is refused (it read as
	 * "an older form" and let the first pass's totals through), the rows of the first
	 * pass are offered again to edit, and the same rows past the bound reach the director
	 * again; rows within the bound then let the plan go on without the director.
	 */
	@Test
	void aReturnedPlanIsJudgedOnItsNextPassAndANullListIsRefused() {
		Map<String, Long> bounds = probedStoreBounds();
		Map.Entry<String, Long> smallest = smallestPositive(bounds);
		long past = smallest.getValue() + 1;
		String cycle = atTheGapClosingPlan(past);
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east",
				CycleDriver.gapSources(CycleDriver.source(smallest.getKey(), 0, past, 0, 0)));
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director",
				Map.of("gapDecision", "return", "gapDirectorComment", "新店来源超出上限 / new stores past the bound"));
		assertThat(runtime.getVariables(cycle)).as("computed from the first pass, gone with it")
			.doesNotContainKeys("gapSourcesPastBound", "gapSourcesByCity", "newStoresVolume");

		// {"type": "Json", "value": null}, as a client can send it
		Map<String, Object> nullJson = new java.util.HashMap<>();
		nullJson.put("type", "Json");
		nullJson.put("value", null);
		String task = driver.task(cycle, "Task_GapClosingPlan").getId();
		rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/task/" + task + "/claim", Map.of("userId", "wang.east"), String.class);
		ResponseEntity<String> none = rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/task/" + task + "/complete",
					Map.of("variables", Map.of("gapSources", nullJson)), String.class);
		assertThat(none.getStatusCode().value()).as(none.getBody()).isEqualTo(400);
		assertThat(none.getBody()).contains("'gapSources': must be a list, [] for none");
		ResponseEntity<String> empty = driver.tryComplete(driver.task(cycle, "Task_GapClosingPlan"), "wang.east",
				Map.of("gapSources", new CycleDriver.Rows("[]")));
		assertThat(empty.getStatusCode().value()).as(empty.getBody()).isEqualTo(400);
		assertThat(empty.getBody()).contains("less than the " + past + " the plan is above the forecast");

		// the first pass's rows are still there to edit; sent unchanged they are past the
		// bound again
		assertThat(driver.formVariables(cycle, "Task_GapClosingPlan", "wang.east").get("gapSources").asText())
			.contains(smallest.getKey())
			.contains(String.valueOf(past));
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east",
				CycleDriver.gapSources(CycleDriver.source(smallest.getKey(), 0, past, 0, 0)));
		driver.runJobs(cycle);
		assertThat(runtime.getVariable(cycle, "gapSourcesPastBound")).isEqualTo(true);
		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director",
				Map.of("gapDecision", "return", "gapDirectorComment", "再改 / once more"));

		// within the bound: split over two cities, no director
		Map.Entry<String, Long> largest = bounds.entrySet().iterator().next();
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east",
				CycleDriver.gapSources(CycleDriver.source(smallest.getKey(), 0, smallest.getValue(), 0, 0),
						CycleDriver.source(largest.getKey(), 0, 1, 0, 0)));
		driver.runJobs(cycle);
		assertThat(runtime.getVariable(cycle, "gapSourcesPastBound")).isEqualTo(false);
		assertThat(runtime.getVariable(cycle, "newStoresVolume")).isEqualTo(past);
		assertThat((String) runtime.getVariable(cycle, "cityPlanSummary")).as("the plan split ran")
			.contains(nameOf(smallest.getKey()) + "：");
		runtime.deleteProcessInstance(cycle, "test done");
	}

	@Test
	void badRowsAreRefusedNamingTheCellAndChangeNothing() {
		String cycle = atTheGapClosingPlan(1_000);
		Map<String, Object> ok = CycleDriver.source("shanghai", 0, 1_000, 0, 0);
		Map<String, Object> negative = new java.util.LinkedHashMap<>(ok);
		negative.put("newStores", -1);
		Map<String, Object> text = new java.util.LinkedHashMap<>(ok);
		text.put("newStores", "1000");
		Map<String, Object> decimal = new java.util.LinkedHashMap<>(ok);
		decimal.put("newSkus", 0.5);
		Map<String, Object> extra = new java.util.LinkedHashMap<>(ok);
		extra.put("gapSourcesPastBound", false);
		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		refusals.put(CycleDriver.Rows.of(CycleDriver.source("beijing", 0, 1_000, 0, 0)).json(), "gapSources[1].city");
		refusals.put(CycleDriver.Rows.of(ok, CycleDriver.source("shanghai", 0, 0, 0, 0)).json(), "gapSources[2].city");
		refusals.put(CycleDriver.Rows.of(negative).json(), "gapSources[1].newStores");
		refusals.put(CycleDriver.Rows.of(text).json(), "gapSources[1].newStores");
		refusals.put(CycleDriver.Rows.of(decimal).json(), "gapSources[1].newSkus");
		refusals.put(CycleDriver.Rows.of(extra).json(), "gapSources[1].gapSourcesPastBound");
		refusals.put(CycleDriver.Rows.of(CycleDriver.source("shanghai", 0, 999, 0, 0)).json(), "gapSources");
		refusals.forEach((rows, field) -> {
			ResponseEntity<String> answer = driver.tryComplete(driver.task(cycle, "Task_GapClosingPlan"), "wang.east",
					Map.of("gapSources", new CycleDriver.Rows(rows)));
			assertThat(answer.getStatusCode().value()).as(rows).isEqualTo(400);
			assertThat(answer.getBody()).as(rows).contains("'" + field + "'");
		});
		assertThat(runtime.getVariable(cycle, "gapSources")).isNull();
		assertThat(runtime.getVariable(cycle, "newStoresVolume")).isNull();
		assertThat(openTask(cycle)).isEqualTo("Task_GapClosingPlan");

		ResponseEntity<String> short_ = driver.tryComplete(driver.task(cycle, "Task_GapClosingPlan"), "wang.east",
				CycleDriver.gapSources(CycleDriver.source("shanghai", 0, 999, 0, 0)));
		assertThat(short_.getBody())
			.contains("缺口弥补来源合计 999（新经销商 + 新门店/铺货 + 新品 + 价格/促销 = 0 + 999 + 0 + 0），少于计划高于预测的 1000（计划 "
					+ (forecast + 1_000) + " − 预测 " + forecast + "）");
	}

}
