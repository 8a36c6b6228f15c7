/**
 * Security, identity (roles, regions as tenants, demo users) and the Camunda and web
 * configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = "engine")
package io.regionplan.system;
