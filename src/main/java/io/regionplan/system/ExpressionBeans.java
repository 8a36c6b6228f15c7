package io.regionplan.system;

import java.util.Set;

/**
 * The only Spring beans BPMN expressions may name ({@code ${cycleCalendar.inDays(7)}},
 * {@code ${evaluateRuleSetDelegate}}): the delegates and helpers the shipped processes use. The engine
 * resolves no other bean, and the deployment validator refuses a file that names another one, so that a
 * process file can never reach {@code jdbcTemplate}, {@code repositoryService} or {@code environment}. What an
 * expression may do with them is the {@link ExpressionAllowList}.
 */
public final class ExpressionBeans {

	public static final Set<String> ALLOWED = Set.of("benchmarkFollowers", "computeForecastDelegate",
			"copyWorkPlanDelegate", "cycleCalendar", "distributePlanDelegate", "evaluateRuleSetDelegate",
			"overrideCityStrategyDelegate", "overrideDealerTierDelegate", "quarterlyReviews",
			"recordMonthlySpendDelegate", "summarizeBenchmarkCityDelegate", "summarizeMarketDelegate",
			"writeWorkPlanDelegate");

	private ExpressionBeans() {
	}

}
