package io.regionplan.rules;

import java.util.Optional;

/**
 * The rule sets new cycles start with: those of the latest deployment of the process files.
 */
public interface RuleSetsInForce {

	/** The rule set as the latest deployment holds it; empty when no deployment holds it. */
	Optional<RuleSetAt> inForce(String ruleSet);

}
