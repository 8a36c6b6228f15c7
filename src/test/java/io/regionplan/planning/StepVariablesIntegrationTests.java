package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each step's variables are its own: the strategy review's city and reason, the tier
 * review's dealer and reason, each director's decision and comment. An override is its
 * subject, its new value and its reason together or nothing; a value of one step (or of
 * an earlier pass of the same step) never stands for another.
 */
@IntegrationTest
class StepVariablesIntegrationTests {

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	/**
	 * The strategy review's borderline cities are confirmed, so that the refusal is the
	 * one the test is about.
	 */
	private void refused(String cycle, String task, String user, Map<String, Object> given, String field) {
		Map<String, Object> variables = task.equals("Task_ReviewStrategy") ? CycleDriver.confirmed(given) : given;
		ResponseEntity<String> answer = driver.tryComplete(driver.task(cycle, task), user, variables);
		assertThat(answer.getStatusCode().value()).as(variables + " " + answer.getBody()).isEqualTo(400);
		assertThat(answer.getBody()).as(variables.toString()).contains("field '" + field + "'");
	}

	private String atStrategyReview(int hqVolumeTarget) {
		String cycle = driver.start("east", hqVolumeTarget);
		driver.complete(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true));
		driver.complete(cycle, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS);
		driver.complete(cycle, "Task_Swot", "wang.east", CycleDriver.SWOT);
		driver.runJobs(cycle);
		return cycle;
	}

	private int overrides(String cycle) {
		return jdbc.queryForObject("select count(*) from decision where process_instance_id = ? and kind = 'OVERRIDE'",
				Integer.class, cycle);
	}

	@Test
	void everyStrategyOverrideIsACityANewStrategyAndAReason() {
		String cycle = atStrategyReview(1_000_000);
		String list = "strategyOverrides";

		refused(cycle, "Task_ReviewStrategy", "wang.east",
				Map.of(list, rows(Map.of("strategy", "BREAKTHROUGH", "reason", "温州新经销商"))),
				"strategyOverrides[1].city");
		refused(cycle, "Task_ReviewStrategy", "wang.east",
				Map.of(list, rows(Map.of("city", "wenzhou", "strategy", "BREAKTHROUGH"))),
				"strategyOverrides[1].reason");
		refused(cycle, "Task_ReviewStrategy", "wang.east", Map.of(list, rows(Map.of("city", "wenzhou", "reason", "x"))),
				"strategyOverrides[1].strategy");
		refused(cycle, "Task_ReviewStrategy", "wang.east",
				Map.of(list,
						rows(CycleDriver.strategy("wenzhou", "BREAKTHROUGH", "温州新经销商"),
								CycleDriver.strategy("atlantis", "MAINTAIN", "不存在 / no such city"))),
				"strategyOverrides[2].city");
		refused(cycle, "Task_ReviewStrategy", "wang.east",
				Map.of(list,
						rows(CycleDriver.strategy("wenzhou", "BREAKTHROUGH", "温州新经销商"),
								CycleDriver.strategy("wenzhou", "MAINTAIN", "又一次 / again"))),
				"strategyOverrides[2].city");
		refused(cycle, "Task_ReviewStrategy", "wang.east",
				Map.of(list,
						rows(Map.of("city", "wenzhou", "strategy", "BREAKTHROUGH", "reason", "x", "priority", "1"))),
				"strategyOverrides[1].priority");
		// the single override of the forms before the lists is not on the form
		refused(cycle, "Task_ReviewStrategy", "wang.east", Map.of("overrideCity", "wenzhou"), "overrideCity");
		// the reason of both reviews was once one variable: the old name is not on the
		// form
		refused(cycle, "Task_ReviewStrategy", "wang.east",
				CycleDriver.confirmed(Map.of("overrideReason", "旧理由 / left over")), "overrideReason");
		assertThat(overrides(cycle)).isZero();

		driver.complete(cycle, "Task_ReviewStrategy", "wang.east",
				CycleDriver.confirmed(Map.of(list, rows(CycleDriver.strategy("wenzhou", "BREAKTHROUGH", "温州新开发了两个大经销商"),
						CycleDriver.strategy("hangzhou", "MAINTAIN", "杭州守住份额 / hold Hangzhou's share")))));

		assertThat(jdbc.queryForList(
				"select city_id || ' ' || strategy from cycle_city_strategy where "
						+ "process_instance_id = ? and city_id in ('wenzhou', 'hangzhou') order by city_id",
				String.class, cycle))
			.containsExactly("hangzhou MAINTAIN", "wenzhou BREAKTHROUGH");
		assertThat(overrides(cycle)).isEqualTo(2);
		assertThat(runtime.getVariables(cycle)).as("used, then removed").doesNotContainKeys(list);
	}

	private static CycleDriver.Rows rows(Map<String, String>... rows) {
		return CycleDriver.Rows.of(rows);
	}

	@Test
	void aTierOverrideNeedsItsOwnReasonWhateverTheStrategyReviewSaid() {
		String cycle = atStrategyReview(1_000_000);
		refused(cycle, "Task_ReviewStrategy", "wang.east", Map.of("overrideReason", "战略评审的理由 / the strategy's reason"),
				"overrideReason");
		driver.complete(cycle, "Task_ReviewStrategy", "wang.east", CycleDriver.confirmed(Map.of("strategyOverrides",
				rows(CycleDriver.strategy("wenzhou", "BREAKTHROUGH", "战略评审的理由 / the strategy's reason")))));
		long forecast = ((Number) runtime.getVariable(cycle, "forecastVolume")).longValue();
		driver.complete(cycle, "Task_VolumePlan", "wang.east", Map.of("plannedVolume", forecast));
		driver.reviewTeam(cycle, "wang.east");

		refused(cycle, "Task_ReviewDealersAndResources", "wang.east",
				Map.of("tierOverrides", rows(Map.of("dealer", "D-E-003", "tier", "C"))), "tierOverrides[1].reason");
		refused(cycle, "Task_ReviewDealersAndResources", "wang.east",
				Map.of("tierOverrides", rows(Map.of("tier", "C", "reason", "已签还款计划"))), "tierOverrides[1].dealer");
		refused(cycle, "Task_ReviewDealersAndResources", "wang.east",
				Map.of("tierOverrides", rows(CycleDriver.tier("D-E-003", "E", "已签还款计划"))), "tierOverrides[1].tier");
		refused(cycle, "Task_ReviewDealersAndResources", "wang.east",
				Map.of("tierOverrides", rows(CycleDriver.tier("D-E-003", "C", "已签还款计划")), "strategyOverrides",
						rows(CycleDriver.strategy("wenzhou", "BREAKTHROUGH", "借用 / borrowed"))),
				"strategyOverrides");

		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east",
				Map.of("tierOverrides", rows(CycleDriver.tier("D-E-003", "C", "已签还款计划 / repayment plan signed"))));
		driver.runJobs(cycle);

		String reasons = jdbc
			.queryForObject("select s.subjects from decision_subjects s join decision d on d.id = s.decision_id "
					+ "where d.process_instance_id = ? and d.kind = 'OVERRIDE' and d.rule_set = 'dealer-classification'",
					String.class, cycle);
		assertThat(reasons).contains("repayment plan signed").doesNotContain("the strategy's reason");
		// the review comes again after the reallocation: the reason of the first pass
		// does not carry over, the override itself does
		refused(cycle, "Task_ReviewDealersAndResources", "wang.east",
				Map.of("tierOverrides", rows(Map.of("dealer", "D-E-003", "tier", "B"))), "tierOverrides[1].reason");
		assertThat(runtime.getVariables(cycle)).doesNotContainKeys("tierOverrides");
		assertThat(jdbc.queryForObject(
				"select tier from cycle_dealer_tier where process_instance_id = ? " + "and dealer_id = 'D-E-003'",
				String.class, cycle))
			.isEqualTo("C");
	}

	@Test
	void aDirectorsCommentAndStepBelongToOneDecision() {
		String cycle = atStrategyReview(30_000_000);
		driver.complete(cycle, "Task_ReviewStrategy", "wang.east", CycleDriver.confirmed(Map.of()));
		driver.planAsForecast(cycle, "wang.east");
		driver.runJobs(cycle);
		Number gap = (Number) runtime.getVariable(cycle, "gapVolume");
		Map<String, Object> sources = CycleDriver
			.gapSources(CycleDriver.source("shanghai", (long) Math.ceil(gap.doubleValue()), 0, 0, 0));
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", sources);
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director",
				Map.of("gapDecision", "return", "gapDirectorComment", "新品来源不够具体 / be specific"));
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", sources);
		driver.runJobs(cycle);
		refused(cycle, "Task_DirectorGapApproval", "zhao.director", Map.of(), "gapDecision");
		driver.complete(cycle, "Task_DirectorGapApproval", "zhao.director", Map.of("gapDecision", "approve"));
		driver.reviewTeam(cycle, "wang.east");
		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of());
		driver.writeWorkPlan(cycle, "wang.east");

		refused(cycle, "Task_DirectorPlanApproval", "zhao.director",
				Map.of("planDecision", "return", "returnTo", "STRATEGY"), "planDirectorComment");
		driver.complete(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "return",
				"returnTo", "DEALERS_RESOURCES", "planDirectorComment", "D 级经销商太多 / too many D dealers"));
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of());
		driver.writeWorkPlan(cycle, "wang.east");

		refused(cycle, "Task_DirectorPlanApproval", "zhao.director",
				Map.of("planDecision", "return", "planDirectorComment", "再看一下"), "returnTo");
		refused(cycle, "Task_DirectorPlanApproval", "zhao.director",
				Map.of("planDecision", "return", "returnTo", "DEALERS_RESOURCES"), "planDirectorComment");
		refused(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of(), "planDecision");
		driver.complete(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "approve"));
	}

}
