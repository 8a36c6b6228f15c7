/**
 * OGSPM work plans (Objective, Goals, Strategies, Plans, Measures) and the kanban that
 * follows their actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work plans",
		allowedDependencies = { "engine", "forms", "system" })
package io.regionplan.workplan;
