/**
 * What the planning-cycle process needs beyond the rules themselves: the facts and
 * results of its rule tasks (volume gap), forecasts, gap plans and reviews.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning",
		allowedDependencies = { "engine", "forms", "market", "rules", "rules :: fact" })
package io.regionplan.planning;
