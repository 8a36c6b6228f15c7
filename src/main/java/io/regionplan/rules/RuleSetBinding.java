package io.regionplan.rules;

import java.util.Collection;

import io.regionplan.engine.VariableContract;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a feature provides for one rule set: the facts of a process instance, and what to
 * do with the results. The generic rule-task delegate does the rest (version,
 * compilation, firing cap, events).
 */
public interface RuleSetBinding extends VariableContract {

	/** The rule set's folder name under {@code rules/}. */
	String ruleSet();

	/**
	 * The binding's name, which a rule task picks with the extension property
	 * {@code binding} when one rule set is used in two ways (e.g.
	 * {@code quarterly-review} for a cycle and for a benchmark market).
	 */
	default String name() {
		return ruleSet();
	}

	/** The facts to insert, read from the instance (its variables, region and period). */
	Collection<?> facts(DelegateExecution execution);

	/**
	 * Stores the results and puts a short summary into process variables for the forms.
	 */
	void apply(DelegateExecution execution, RuleRun run);

}
