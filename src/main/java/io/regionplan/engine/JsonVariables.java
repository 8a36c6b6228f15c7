package io.regionplan.engine;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Json process variables: what a form's dynamic list submits and what its selects offer
 * ({@code valuesKey}), which Tasklist reads and writes as Json. Only text in JSON form
 * goes in; no Java object is serialized.
 */
public final class JsonVariables {

	private JsonVariables() {
	}

	/** A Json variable holding {@code json}, the text of a JSON value. */
	public static TypedValue of(String json) {
		return SpinValues.jsonValue(json).create();
	}

}
