package io.regionplan.forms;

import java.util.Map;
import java.util.TreeMap;

/**
 * A process's variables as a test compares them before and after a refused completion: a
 * Json variable (a Spin node, which compares by identity) by its text.
 */
final class VariableValues {

	private VariableValues() {
	}

	static Map<String, Object> comparable(Map<String, Object> variables) {
		Map<String, Object> values = new TreeMap<>();
		variables.forEach((name, value) -> values.put(name,
				value != null && value.getClass().getName().startsWith("org.camunda.spin") ? value.toString() : value));
		return values;
	}

}
