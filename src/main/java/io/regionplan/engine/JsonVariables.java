package io.regionplan.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Json process variables: what a form's dynamic list submits and what its selects offer
 * ({@code valuesKey}), which Tasklist reads and writes as Json. Only JSON text goes in;
 * no Java object is serialized into the engine.
 */
public final class JsonVariables {

	private static final ObjectMapper JSON = new ObjectMapper();

	private JsonVariables() {
	}

	/**
	 * A Json variable holding {@code values}: a list of records, maps or strings as a
	 * JSON array, a map as a JSON object.
	 */
	public static TypedValue of(Object values) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(values)).create();
		}
		catch (JsonProcessingException ex) {
			throw new ProcessEngineException("无法写成 JSON / could not be written as JSON", ex);
		}
	}

}
