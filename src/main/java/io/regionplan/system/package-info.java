/**
 * Security, identity (roles, regions as tenants, demo users) and the Camunda and web configuration.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package io.regionplan.system;
