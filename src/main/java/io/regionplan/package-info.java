/**
 * RegionPlan 区域规划引擎: regional sales planning and dealer management on Camunda 7 and
 * Drools.
 */
package io.regionplan;
