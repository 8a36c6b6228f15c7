/**
 * The decision audit trail: every rule evaluation and override with its inputs, the rules
 * that fired, the rule version, the result, the reason, the user and the time; and the
 * API auditors read it with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decision audit",
		allowedDependencies = { "engine", "rules", "rules :: fact", "system" })
package io.regionplan.decision;
