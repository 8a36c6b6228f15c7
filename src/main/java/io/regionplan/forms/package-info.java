/**
 * Camunda Forms on the server: every task completion is checked against the task's
 * deployed form (required fields, types, ranges, options) and the completion rules of the
 * features, so that a completion through REST is held to the same rules as one in
 * Tasklist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms", allowedDependencies = { "engine", "system" })
package io.regionplan.forms;
