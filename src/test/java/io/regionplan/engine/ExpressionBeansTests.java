package io.regionplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionBeansTests {

	@Test
	void theBeansMarkedForExpressionsAreTheDelegatesAndHelpersOfTheShippedProcesses() {
		assertThat(ExpressionBeans.ALLOWED).containsExactlyInAnyOrder("applyReclassificationDelegate",
				"benchmarkFollowers", "computeForecastDelegate", "copyWorkPlanDelegate", "cycleCalendar",
				"distributePlanDelegate", "evaluateRuleSetDelegate", "overrideCityStrategyDelegate",
				"overrideDealerTierDelegate", "quarterlyReviews", "recordMonthlySpendDelegate",
				"recordStoreRenewalsDelegate", "summarizeBenchmarkCityDelegate", "summarizeMarketDelegate",
				"writeWorkPlanDelegate");
	}

	@Test
	void aBeanWithoutTheMarkIsNotAnExpressionBean() {
		assertThat(ExpressionBeans.ALLOWED).doesNotContain("planningCycles", "marketMetrics", "jdbcTemplate",
				"decisionRecorder", "ruleSetRegistry");
	}

}
