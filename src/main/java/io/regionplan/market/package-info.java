/**
 * The regional market model: regions, cities, channels, dealers, stores, sales and
 * targets, their validated import, and the metrics the rule sets read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market", allowedDependencies = "system")
package io.regionplan.market;
