package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.IntegrationTest;
import io.regionplan.market.imports.ImportReport;
import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last year's store investments of 苏州 over REST, by hand: 观前街店 spent 20,000 yuan (2.0 万元)
 * for 15,000 incremental profit, ROI 0.75; 石路店 40,000 (4.0 万元) for 20,000, ROI 0.5; 园区店
 * 10,000 for 12,000, ROI 1.2, not below roi.minimum 1.0. The director is offered exactly
 * the first two, is refused anything else, returns the plan with both ticked (nothing
 * recorded), then approves with 观前街店 renewed: two decisions, once.
 */
@IntegrationTest
class StoreRenewalIntegrationTests {

	static final String DIRECTOR = "zhao.director";

	static final String MANAGER = "wang.east";

	@Autowired
	CycleDriver driver;

	@Autowired
	MarketImports imports;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@TempDir
	Path dir;

	List<String> stores = new ArrayList<>();

	/** East's other investments of 2026 (the demo market's), moved out of the year. */
	Map<String, String> setAside = new java.util.HashMap<>();

	@AfterEach
	void removeTheSpendingAndTheNames() {
		jdbc.update("delete from market_spend where id like 'SP-ROI-%'");
		stores.forEach(store -> jdbc.update("update market_store set name = null where id = ?", store));
		setAside.forEach((id, month) -> jdbc.update("update market_spend set spend_month = ? where id = ?", month, id));
	}

	/**
	 * Three stores of 苏州 without any other investment, named as a stores import with
	 * names would; east's other investments of 2026 (the demo market's, DemoMarket case
	 * f) are set aside for the test, so that these three are the year's only ones.
	 */
	private void threeInvestments() throws Exception {
		jdbc.query(
				"select s.id, s.spend_month from market_spend s join market_city c on c.id = s.city_id "
						+ "where c.region_id = 'east' and s.spend_month like '2026-%'",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> setAside.put(rs.getString(1),
						rs.getString(2)));
		setAside.keySet()
			.forEach(id -> jdbc.update("update market_spend set spend_month = '1999-01' where id = ?", id));
		stores.addAll(jdbc.queryForList(
				"select id from market_store where city_id = 'suzhou' and id not in (select store_id from market_spend "
						+ "where store_id is not null) order by id",
				String.class)
			.subList(0, 3));
		List<String> names = List.of("观前街店", "石路店", "园区店");
		for (int i = 0; i < 3; i++) {
			jdbc.update("update market_store set name = ? where id = ?", names.get(i), stores.get(i));
		}
		Path file = Files.writeString(dir.resolve("spend.csv"),
				"spend,month,city,dealer,store,amount,incremental_profit\n" + "SP-ROI-1,2026-03,suzhou,,"
						+ stores.get(0) + ",20000,15000\n" + "SP-ROI-2,2026-05,suzhou,," + stores.get(1)
						+ ",40000,20000\n" + "SP-ROI-3,2026-06,suzhou,," + stores.get(2) + ",10000,12000\n",
				StandardCharsets.UTF_8);
		ImportReport report = imports.importNow("spend", file, "spend.csv", Importer.system());
		assertThat(report.status()).as(report.errors().toString()).isEqualTo("SUCCEEDED");
	}

	private void upToTheApproval(String cycle) {
		driver.reviewTeam(cycle, MANAGER);
		driver.complete(cycle, "Task_ReviewDealersAndResources", MANAGER, Map.of());
		driver.writeWorkPlan(cycle, MANAGER);
	}

	private void refused(String cycle, Map<String, Object> variables, String field) {
		ResponseEntity<String> answer = driver.tryComplete(driver.task(cycle, "Task_DirectorPlanApproval"), DIRECTOR,
				variables);
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
		assertThat(answer.getBody()).contains("'" + field + "'").contains(" / ");
	}

	private static CycleDriver.Rows ticked(String... stores) throws Exception {
		return new CycleDriver.Rows(new ObjectMapper().writeValueAsString(List.of(stores)));
	}

	private List<JsonNode> directorDecisions(String cycle) {
		JsonNode page = rest.withBasicAuth("sun.auditor", "demo")
			.getForObject("/api/decisions?ruleSet=resource-allocation&processInstanceId=" + cycle, JsonNode.class);
		List<JsonNode> decisions = new ArrayList<>();
		page.get("content").forEach(d -> {
			if (d.get("kind").asText().equals("DIRECTOR")) {
				decisions.add(d);
			}
		});
		return decisions;
	}

	@Test
	void theDirectorRenewsOneOfTwoFlaggedInvestmentsRecordedOnceAfterAReturn() throws Exception {
		threeInvestments();
		String cycle = driver.start("east");
		driver.readMarketAndChooseStrategy(cycle, MANAGER);
		driver.planAsForecast(cycle, MANAGER);
		upToTheApproval(cycle);

		// the director is offered exactly the two investments below ROI 1.0, by name
		Map<String, JsonNode> form = driver.formVariables(cycle, "Task_DirectorPlanApproval", DIRECTOR);
		assertThat(form.get("roiFlagCount").asInt()).isEqualTo(2);
		JsonNode options = new ObjectMapper().readTree(form.get("roiInvestmentOptions").asText());
		assertThat(options).hasSize(2);
		assertThat(options.get(0).get("value").asText()).isEqualTo(stores.get(0));
		assertThat(options.get(0).get("label").asText()).isEqualTo("观前街店（苏州，" + stores.get(0)
				+ "） — 上年投入 2.0 万元，增量毛利 1.5 万元，ROI 0.75 < 1.0 / last year's spend 2.0 万元, incremental profit 1.5 万元, "
				+ "ROI 0.75 < 1.0");
		assertThat(options.get(1).get("value").asText()).isEqualTo(stores.get(1));
		assertThat(options.get(1).get("label").asText()).isEqualTo("石路店（苏州，" + stores.get(1)
				+ "） — 上年投入 4.0 万元，增量毛利 2.0 万元，ROI 0.5 < 1.0 / last year's spend 4.0 万元, incremental profit 2.0 万元, "
				+ "ROI 0.5 < 1.0");

		// a store not flagged (ROI 1.2), an unknown one, a number, a renewal without a
		// reason: refused naming the field, nothing recorded
		refused(cycle, Map.of("planDecision", "approve", "roiRenewals", ticked(stores.get(2)), "roiRenewalReason", "x"),
				"roiRenewals[1]");
		refused(cycle, Map.of("planDecision", "approve", "roiRenewals", ticked(stores.get(0), "S-NOPE"),
				"roiRenewalReason", "x"), "roiRenewals[2]");
		refused(cycle, Map.of("planDecision", "approve", "roiRenewals", 3), "roiRenewals");
		refused(cycle, Map.of("planDecision", "approve", "roiRenewals", ticked(stores.get(0))), "roiRenewalReason");
		assertThat(directorDecisions(cycle)).isEmpty();

		// a return with both ticked records nothing: the plan is not approved
		driver.complete(cycle, "Task_DirectorPlanApproval", DIRECTOR,
				Map.of("planDecision", "return", "returnTo", "DEALERS_RESOURCES", "planDirectorComment",
						"再看一下资源 / look at the resources again", "roiRenewals", ticked(stores.get(0), stores.get(1)),
						"roiRenewalReason", "都续 / renew both"));
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_ReviewDealersAndResources", MANAGER, Map.of());
		driver.writeWorkPlan(cycle, MANAGER);
		assertThat(directorDecisions(cycle)).isEmpty();
		Map<String, JsonNode> again = driver.formVariables(cycle, "Task_DirectorPlanApproval", DIRECTOR);
		assertThat(again).as("the answers of the return are not kept")
			.doesNotContainKeys("roiRenewals", "roiRenewalReason");

		// the approval's answers are the ones that count
		driver.complete(cycle, "Task_DirectorPlanApproval", DIRECTOR, Map.of("planDecision", "approve", "roiRenewals",
				ticked(stores.get(0)), "roiRenewalReason", "新店长接手 / a new store manager took over"));

		List<JsonNode> decisions = directorDecisions(cycle);
		assertThat(decisions).hasSize(2);
		Map<String, JsonNode> bySubject = new java.util.HashMap<>();
		for (JsonNode decision : decisions) {
			assertThat(decision.get("userId").asText()).isEqualTo(DIRECTOR);
			assertThat(decision.get("activityId").asText()).isEqualTo("Task_DirectorPlanApproval");
			assertThat(decision.get("ruleVersion").asText()).isNotBlank();
			JsonNode subject = decision.get("subjects").get(0);
			assertThat(subject.get("subjectType").asText()).isEqualTo("store");
			assertThat(subject.get("firedRules")).extracting(JsonNode::asText).containsExactly("Roi_BelowMinimum");
			bySubject.put(subject.get("subjectId").asText(), subject);
		}
		JsonNode renewed = bySubject.get(stores.get(0));
		assertThat(renewed.get("result").get("renewal").asText()).isEqualTo("RENEWED");
		assertThat(renewed.get("inputs").get("spend").decimalValue()).isEqualByComparingTo("20000");
		assertThat(renewed.get("inputs").get("incrementalProfit").decimalValue()).isEqualByComparingTo("15000");
		assertThat(renewed.get("inputs").get("roi").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(renewed.get("inputs").get("roi.minimum").decimalValue()).isEqualByComparingTo("1.0");
		assertThat(renewed.get("reason").get("zh").asText()).isEqualTo(
				"总监续投：上年投入 2.0 万元，增量毛利 1.5 万元，ROI 0.75 < 1.0（roi.minimum）；理由：新店长接手 / a new store manager took over");
		JsonNode notRenewed = bySubject.get(stores.get(1));
		assertThat(notRenewed.get("result").get("renewal").asText()).isEqualTo("NOT_RENEWED");
		assertThat(notRenewed.get("inputs").get("roi").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(notRenewed.get("reason").get("en").asText())
			.isEqualTo("not renewed by the director (not ticked means not renewed): last year's spend 4.0 万元, "
					+ "incremental profit 2.0 万元, ROI 0.5 < 1.0 (roi.minimum)");

		// what the manager reads in the monthly report and the year-end summary: 20,000 +
		// 40,000 = 60,000 yuan
		assertThat((String) runtime.getVariable(cycle, "storeRenewalSummary")).isEqualTo("续投 / renewed 1 · 不续投 / "
				+ "not renewed 1（上年 ROI 低于门槛的门店投入，总监批准计划时决定 / last year's store investments with an ROI below the "
				+ "threshold, decided by the director with the plan）\n续投 / renewed: 观前街店（苏州，" + stores.get(0)
				+ "） — 上年投入 / last year's spend 2.0 万元，ROI 0.75 < 1.0\n不续投 / not renewed: 石路店（苏州，" + stores.get(1)
				+ "） — 上年投入 / last year's spend 4.0 万元，ROI 0.5 < 1.0\n上年投入 / last year's spend: 续投 / renewed 2.0 万元 + "
				+ "不续投 / not renewed 4.0 万元 = 6.0 万元；各城市的门店投入金额不变，不续投的门店不再从中获得投入 / each city's "
				+ "store-investment money is unchanged; stores not renewed get none of it");
		assertThat(runtime.getVariables(cycle)).doesNotContainKeys("roiRenewals", "roiRenewalReason");
	}

}
