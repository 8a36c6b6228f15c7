/**
 * Deploying processes/, rules/ and forms/ as one Camunda deployment, only when something
 * changed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deployment",
		allowedDependencies = { "decision", "engine", "market", "rules", "system" })
package io.regionplan.deployment;
