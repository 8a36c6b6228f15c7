package io.regionplan.forms;

import io.regionplan.system.InvalidInput;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task completion refused because a variable is missing or wrong; the message names the
 * field. The completion rolls back, so the task stays open and nothing is saved.
 */
public class FormValidationException extends ProcessEngineException implements InvalidInput {

	private final String field;

	public FormValidationException(String field, String message) {
		super(message);
		this.field = field;
	}

	@Override
	public String field() {
		return field;
	}

}
