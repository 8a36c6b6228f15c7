/**
 * The benchmark market 标杆市场建设: select a city, analyse its growth opportunity, plan and
 * execute, watch the output every month, then summarise and roll out to follower cities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmark market",
		allowedDependencies = { "engine", "market", "planning", "rules", "rules :: fact" })
package io.regionplan.benchmark;
