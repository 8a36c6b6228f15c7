package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paths of the planning cycle, worked over REST as wang.east and zhao.director.
 */
@IntegrationTest
class RegionalPlanningCycleIntegrationTests {

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	@Autowired
	TestRestTemplate rest;

	@AfterEach
	void resetTheEngineClock() {
		EngineClock.pin();
	}

	private String openTask(String cycle) {
		List<Task> open = tasks.createTaskQuery()
			.list()
			.stream()
			.filter(t -> cycle.equals(runtime.createProcessInstanceQuery()
				.processInstanceId(t.getProcessInstanceId())
				.singleResult()
				.getRootProcessInstanceId()))
			.toList();
		assertThat(open).hasSize(1);
		return open.get(0).getTaskDefinitionKey();
	}

	private Object variable(String cycle, String name) {
		return runtime.getVariable(cycle, name);
	}

	/** The forecast of the demo east region (a probe cycle's). */
	private long forecast;

	/**
	 * A cycle at its gap decision whose forecast is {@code gapPercent} under the HQ
	 * target (the target is set from the forecast), with the given plan.
	 */
	private String cycleWithGap(double gapPercent, java.util.function.LongUnaryOperator plan) {
		forecast = driver.forecast("east", "wang.east");
		String cycle = driver.start("east", CycleDriver.targetFor(forecast, gapPercent));
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		assertThat(variable(cycle, "forecastVolume")).as("the probe's forecast").isEqualTo(forecast);
		driver.complete(cycle, "Task_VolumePlan", "wang.east",
				Map.of("plannedVolume", plan.applyAsLong(forecast), "planNotes", "按预测 / as forecast"));
		driver.runJobs(cycle);
		return cycle;
	}

	/** A cycle whose plan is its forecast, {@code gapPercent} under the target. */
	private String cycleWithGap(double gapPercent) {
		return cycleWithGap(gapPercent, forecast -> forecast);
	}

	private long target(String cycle) {
		return ((Number) variable(cycle, "hqVolumeTarget")).longValue();
	}

	/**
	 * The sources in one city (a director's band: their bounds do not decide the way).
	 */
	private static Map<String, Object> sources(long dealers, long stores, long skus, long price) {
		return CycleDriver.gapSources(CycleDriver.source("shanghai", dealers, stores, skus, price));
	}

	@Test
	void startFormStartsTheCycleForTheManagersRegionAndShowsTheMarket() {
		String cycle = driver.start("east");

		assertThat(openTask(cycle)).isEqualTo("Task_DataRefreshCheck");
		Task task = driver.task(cycle, "Task_DataRefreshCheck");
		assertThat(task.getTenantId()).isEqualTo("east");
		assertThat(task.getDueDate()).isNotNull();
		assertThat(task.getName()).isEqualTo("数据刷新检查 / Data refresh check");
		assertThat((String) variable(cycle, "marketSummary")).contains("数据截至 / data up to 2026-10").contains("南通");
	}

	@Test
	void smallGapIsAcceptedWithoutAPlan() {
		// forecast 3% under the target, planned as forecast: accepted
		String cycle = cycleWithGap(3);

		assertThat(variable(cycle, "gapBand")).isEqualTo("ACCEPTED");
		assertThat(openTask(cycle)).isEqualTo("Task_ReviewTeam");
		assertThat(variable(cycle, "finalPlanVolume")).isEqualTo(forecast);
	}

	/**
	 * The forecast 10% under the target and the plan typed equal to the target: the gap
	 * stays 10% (a gap-closing plan), and the sources must cover target − forecast.
	 */
	@Test
	void gapBetweenFiveAndFifteenPercentNeedsAPlanWhoseSourcesCoverTheUplift() {
		String cycle = cycleWithGap(10, forecast -> CycleDriver.targetFor(forecast, 10));
		long uplift = target(cycle) - forecast;
		assertThat(variable(cycle, "gapBand")).isEqualTo("GAP_PLAN");
		assertThat(variable(cycle, "gapVolume")).isEqualTo(uplift);
		assertThat(variable(cycle, "upliftVolume")).isEqualTo(uplift);
		assertThat(openTask(cycle)).isEqualTo("Task_GapClosingPlan");

		// one case short: 3 × a quarter + the rest − 1
		long quarter = uplift / 4;
		ResponseEntity<String> short_ = driver.tryComplete(driver.task(cycle, "Task_GapClosingPlan"), "wang.east",
				sources(quarter, quarter, quarter, uplift - 3 * quarter - 1));
		assertThat(short_.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(short_.getBody()).contains("add up to " + (uplift - 1) + " (")
			.contains("less than the " + uplift + " the plan is above the forecast");
		assertThat(openTask(cycle)).isEqualTo("Task_GapClosingPlan");

		// new stores in the cities within each one's bound: no director
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", CycleDriver.gapSources(GapSourceBounds
			.withinBounds(GapSourceBounds.newStores(jdbc, "east", (String) variable(cycle, "period")), uplift)));
		driver.runJobs(cycle);
		assertThat(openTask(cycle)).isEqualTo("Task_ReviewTeam");
		assertThat(variable(cycle, "finalPlanVolume")).as("the plan as typed, the sources not added")
			.isEqualTo(target(cycle));
	}

	/**
	 * The defect the honest-plan issue names: a plan typed equal to the target passed as
	 * ACCEPTED with the forecast 19.4% below it. The gap is the forecast's: the director
	 * must decide.
	 */
	@Test
	void aPlanTypedEqualToTheTargetWithTheForecast19PercentBelowReachesTheDirector() {
		String cycle = cycleWithGap(19.4, forecast -> CycleDriver.targetFor(forecast, 19.4));

		assertThat(variable(cycle, "gapBand")).isEqualTo("DIRECTOR_APPROVAL");
		assertThat((Double) variable(cycle, "gapRatio")).isEqualTo(0.194);
		long uplift = target(cycle) - forecast;
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", sources(uplift, 0, 0, 0));
		driver.runJobs(cycle);
		assertThat(openTask(cycle)).isEqualTo("Task_DirectorGapApproval");
	}

	/**
	 * A plan under the forecast must say why, and goes to the director even when the
	 * forecast meets the target.
	 */
	@Test
	void aPlanBelowTheForecastSaysWhyAndReachesTheDirector() {
		long forecast = driver.forecast("east", "wang.east");
		String cycle = driver.start("east", CycleDriver.targetFor(forecast, 0));
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		long plan = forecast * 19 / 100;

		ResponseEntity<String> silent = driver.tryComplete(driver.task(cycle, "Task_VolumePlan"), "wang.east",
				Map.of("plannedVolume", plan));
		assertThat(silent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(silent.getBody()).contains("field 'planNotes'")
			.contains("the plan of " + plan + " is below the forecast of " + forecast);

		driver.complete(cycle, "Task_VolumePlan", "wang.east",
				Map.of("plannedVolume", plan, "planNotes", "两家大经销商退出 / two large dealers leave"));
		driver.runJobs(cycle);
		assertThat(variable(cycle, "gapBand")).isEqualTo("DIRECTOR_APPROVAL");
		assertThat(variable(cycle, "upliftVolume")).isEqualTo(0L);
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", Map.of());
		driver.runJobs(cycle);
		assertThat(openTask(cycle)).isEqualTo("Task_DirectorGapApproval");
	}

	@Test
	void gapOverFifteenPercentLoopsWithTheDirectorUntilApproved() {
		String cycle = cycleWithGap(20);
		assertThat(variable(cycle, "gapBand")).isEqualTo("DIRECTOR_APPROVAL");
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", sources(100_000, 50_000, 30_000, 20_000));
		driver.runJobs(cycle);
		assertThat(openTask(cycle)).isEqualTo("Task_DirectorGapApproval");

		ResponseEntity<String> noComment = driver.tryComplete(driver.task(cycle, "Task_DirectorGapApproval"),
				"zhao.director", Map.of("gapDecision", "return"));
		assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noComment.getBody()).contains("gapDirectorComment");

		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director",
				Map.of("gapDecision", "return", "gapDirectorComment", "新品来源不够具体 / be specific about new SKUs"));
		assertThat(openTask(cycle)).isEqualTo("Task_GapClosingPlan");
		assertThat(variable(cycle, "gapDirectorComment")).isEqualTo("新品来源不够具体 / be specific about new SKUs");

		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", sources(100_000, 40_000, 40_000, 20_000));
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director", Map.of("gapDecision", "approve"));
		driver.runJobs(cycle);
		assertThat(openTask(cycle)).isEqualTo("Task_ReviewTeam");
		assertThat(history.createHistoricTaskInstanceQuery()
			.processInstanceId(cycle)
			.taskDefinitionKey("Task_DirectorGapApproval")
			.count()).as("sent back once, then approved").isEqualTo(2);
		assertThat(variable(cycle, "finalPlanVolume")).as("the director accepted the forecast as the plan")
			.isEqualTo(forecast);
	}

	@Test
	void directorSendsThePlanBackToANamedStep() {
		String cycle = cycleWithGap(0);
		driver.reviewTeam(cycle, "wang.east");
		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of());
		driver.writeWorkPlan(cycle, "wang.east");

		ResponseEntity<String> noStep = driver.tryComplete(driver.task(cycle, "Task_DirectorPlanApproval"),
				"zhao.director", Map.of("planDecision", "return", "planDirectorComment", "再看一下"));
		assertThat(noStep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noStep.getBody()).contains("returnTo");

		driver.complete(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "return",
				"returnTo", "VOLUME_PLAN", "planDirectorComment", "目标偏保守 / plan too cautious"));
		assertThat(openTask(cycle)).isEqualTo("Task_VolumePlan");

		driver.complete(cycle, "Task_VolumePlan", "wang.east", Map.of("plannedVolume", forecast));
		driver.reviewTeam(cycle, "wang.east");
		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of());
		driver.writeWorkPlan(cycle, "wang.east");
		driver.complete(cycle, "Task_DirectorPlanApproval", "zhao.director",
				Map.of("planDecision", "return", "returnTo", "STRATEGY", "planDirectorComment", "重新看 SWOT"));
		assertThat(openTask(cycle)).isEqualTo("Task_Swot");
	}

	@Test
	void overridesNeedAReasonAndAreRecordedAsDecisions() {
		String cycle = driver.start("east");
		driver.complete(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		driver.complete(cycle, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS);
		driver.complete(cycle, "Task_Swot", "wang.east", CycleDriver.SWOT);
		driver.runJobs(cycle);

		ResponseEntity<String> noReason = driver.tryComplete(driver.task(cycle, "Task_ReviewStrategy"), "wang.east",
				CycleDriver.confirmed(Map.of("strategyOverrides",
						CycleDriver.Rows.of(Map.of("city", "wenzhou", "strategy", "BREAKTHROUGH", "reason", " ")))));
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noReason.getBody()).contains("strategyOverrides[1].reason");
		ResponseEntity<String> unknownCity = driver
			.tryComplete(driver.task(cycle, "Task_ReviewStrategy"), "wang.east", CycleDriver.confirmed(Map.of(
					"strategyOverrides",
					CycleDriver.Rows.of(CycleDriver.strategy("<img src=x onerror=alert(1)>", "BREAKTHROUGH", "x")))));
		assertThat(unknownCity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownCity.getBody()).contains("strategyOverrides[1].city")
			.contains("not one of the options offered")
			.doesNotContain("<img");

		String before = jdbc.queryForObject(
				"select strategy from cycle_city_strategy where process_instance_id = ? " + "and city_id = 'wenzhou'",
				String.class, cycle);
		driver.complete(cycle, "Task_ReviewStrategy", "wang.east",
				CycleDriver.confirmed(Map.of("strategyOverrides", CycleDriver.Rows.of(CycleDriver.strategy("wenzhou",
						"BREAKTHROUGH", "温州新开发了两个大经销商 / two new large dealers in Wenzhou")))));

		assertThat(jdbc.queryForObject(
				"select strategy from cycle_city_strategy where process_instance_id = ? " + "and city_id = 'wenzhou'",
				String.class, cycle))
			.isEqualTo("BREAKTHROUGH");
		Map<String, Object> override = jdbc.queryForMap(
				"select user_id, kind, rule_set from decision where " + "process_instance_id = ? and kind = 'OVERRIDE'",
				cycle);
		assertThat(override).containsEntry("USER_ID", "wang.east").containsEntry("RULE_SET", "city-strategy");
		String subjects = jdbc
			.queryForObject("select s.subjects from decision_subjects s join decision d on d.id = s.decision_id "
					+ "where d.process_instance_id = ? and d.kind = 'OVERRIDE'", String.class, cycle);
		assertThat(subjects).contains("\"strategy\":\"" + before + "\"")
			.contains("\"strategy\":\"BREAKTHROUGH\"")
			.contains("two new large dealers in Wenzhou");
	}

	@Test
	void tierOverrideReallocatesAndReviewsAgain() {
		String cycle = cycleWithGap(0);
		driver.reviewTeam(cycle, "wang.east");

		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of("tierOverrides",
				CycleDriver.Rows.of(CycleDriver.tier("D-E-003", "C", "已签还款计划 / repayment plan signed"))));
		driver.runJobs(cycle);

		assertThat(openTask(cycle)).isEqualTo("Task_ReviewDealersAndResources");
		assertThat(jdbc.queryForObject(
				"select tier from cycle_dealer_tier where process_instance_id = ? and dealer_id = 'D-E-003'",
				String.class, cycle))
			.isEqualTo("C");
		assertThat(
				jdbc.queryForObject(
						"select sum(amount) from cycle_allocation where process_instance_id = ? "
								+ "and subject_type = 'dealer' and subject_id = 'D-E-003'",
						java.math.BigDecimal.class, cycle))
			.isPositive();
		assertThat(jdbc.queryForObject(
				"select count(*) from decision where process_instance_id = ? and rule_set = " + "'resource-allocation'",
				Integer.class, cycle))
			.isEqualTo(2);
	}

	@Test
	void invalidCompletionsAreRefusedNamingTheFieldAndTheTaskStaysOpen() {
		String cycle = driver.start("east");
		driver.complete(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));

		ResponseEntity<String> missing = driver.tryComplete(driver.task(cycle, "Task_MarketVisits"), "wang.east",
				Map.of("visitTargets", "x", "observations", "y", "interviews", "z"));
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missing.getBody()).contains("field 'dealerInterviews'").contains("is required");

		ResponseEntity<String> outOfRange = driver.tryComplete(driver.task(cycle, "Task_MarketVisits"), "wang.east",
				Map.of("visitTargets", "x", "observations", "y", "interviews", "z", "dealerInterviews", "w",
						"newMarketCity", "wenzhou", "scoreAdministrative", 6));
		assertThat(outOfRange.getBody()).contains("field 'scoreAdministrative'").contains("must be at most 5");
		assertThat(openTask(cycle)).isEqualTo("Task_MarketVisits");
		assertThat(variable(cycle, "visitTargets")).as("nothing saved").isNull();

		driver.complete(cycle, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS);
		driver.complete(cycle, "Task_Swot", "wang.east", CycleDriver.SWOT);
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_ReviewStrategy", "wang.east", CycleDriver.confirmed(Map.of()));
		ResponseEntity<String> text = driver.tryComplete(driver.task(cycle, "Task_VolumePlan"), "wang.east",
				Map.of("plannedVolume", "一百万"));
		assertThat(text.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(text.getBody()).contains("field 'plannedVolume'").contains("must be a number");
		assertThat(openTask(cycle)).isEqualTo("Task_VolumePlan");
	}

	@Test
	void overdueMonthlyReportEscalatesToTheDirector() {
		String cycle = driver.runPlanning("east", "wang.east");
		clock(2027, 1, 1, 8);
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_MonthlyItineraryPlan", "wang.east",
				Map.of("itinerary", "苏州、无锡", "plannedVisits", 40));
		for (int week = 1; week <= 4; week++) {
			driver.complete(cycle, "Task_WeeklyReport", "wang.east",
					Map.of("weeklySummary", "第 " + week + " 周", "storesVisited", 10));
		}
		clock(2027, 2, 1, 8);
		driver.runJobs(cycle);
		Task report = driver.task(cycle, "Task_MonthlyReport");
		assertThat(report.getDueDate()).isEqualTo(date(2027, 2, 6, 0));
		assertThat(driver.openTasks(cycle, "Task_EscalateReport")).isEmpty();

		clock(2027, 2, 6, 9);
		driver.runJobs(cycle);

		Task escalation = driver.task(cycle, "Task_EscalateReport");
		assertThat(escalation.getName()).isEqualTo("逾期提醒：月报告 / Overdue: monthly report");
		assertThat(tasks.createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("sales-director").count())
			.isEqualTo(1);
		assertThat(driver.task(cycle, "Task_MonthlyReport").getId()).as("the report stays open")
			.isEqualTo(report.getId());
		// the director's form names the region and the month whose report is late
		JsonNode shown = rest.withBasicAuth("zhao.director", "demo")
			.getForObject("/engine-rest/task/" + escalation.getId() + "/form-variables", JsonNode.class);
		assertThat(shown.at("/region/value").asText()).isEqualTo("east");
		assertThat(shown.at("/year/value").asInt()).isEqualTo(2027);
		assertThat(shown.at("/month/value").asInt()).isEqualTo(1);

		ResponseEntity<String> badSpend = driver.tryComplete(driver.task(cycle, "Task_MonthlyReport"), "wang.east",
				Map.of("actualVolume", 1000, "monthlySummary", "ok", "spendByCity", "suzhou | 100\nguangzhou | 200"));
		assertThat(badSpend.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badSpend.getBody()).contains("spendByCity")
			.contains("line 2 must be 'city of this region | amount'");
		assertThat(jdbc.queryForObject("select count(*) from market_spend where id like 'MR-east-2027-01-%'",
				Integer.class))
			.as("nothing of the refused report is kept")
			.isZero();
	}

	static Date date(int year, int month, int day, int hour) {
		return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ZoneId.systemDefault()).toInstant());
	}

	static void clock(int year, int month, int day, int hour) {
		ClockUtil.setCurrentTime(date(year, month, day, hour));
	}

	static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
		Map<String, Object> all = new HashMap<>(a);
		all.putAll(b);
		return all;
	}

}
