/**
 * The pages managers look at (city quadrant, plan vs actual, dealer tier mix) and the
 * data behind them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
		allowedDependencies = { "market", "planning", "system" })
package io.regionplan.insight;
