package io.regionplan.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A feature's own check of a task completion beyond what the form declares (e.g. a
 * gap-closing plan whose sources must cover the gap). Throws
 * {@link FormValidationException} naming the field.
 */
public interface CompletionRule {

	/** The task definition keys (BPMN ids) the rule applies to. */
	java.util.Set<String> taskIds();

	void check(DelegateTask task);

	/**
	 * The variables that belong to this step alone (an override's subject, value and
	 * reason; a decision and its comment): removed when the task is created, so that a
	 * value of an earlier pass cannot stand for this one.
	 */
	default java.util.Set<String> ownVariables() {
		return java.util.Set.of();
	}

	static FormValidationException invalid(String field, String zh, String en) {
		return new FormValidationException(field, "字段 " + field + "：" + zh + " / field '" + field + "': " + en);
	}

}
