/**
 * Rule sets: compiling each rule set of a deployment once (executable model), running it
 * with a firing cap, and the generic business-rule-task delegate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rules", allowedDependencies = "engine")
package io.regionplan.rules;
