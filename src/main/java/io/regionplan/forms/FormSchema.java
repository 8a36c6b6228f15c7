package io.regionplan.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input fields of a Camunda Form (form-js JSON), as far as the server checks them.
 */
record FormSchema(String id, List<Field> fields) {

	record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
			Integer maxLength, List<String> values) {
	}

	static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "select", "radio", "checkbox",
			"datetime", "checklist", "taglist");

	/** Every key of a form, inputs or not: the variables a completion may write. */
	record Keys(String id, java.util.Set<String> keys) {
	}

	static Keys keys(JsonNode form) {
		java.util.Set<String> keys = new java.util.HashSet<>();
		form.findValues("key").forEach(key -> keys.add(key.asText()));
		return new Keys(form.path("id").asText(), java.util.Set.copyOf(keys));
	}

	static FormSchema parse(JsonNode form) {
		List<Field> fields = new ArrayList<>();
		collect(form.path("components"), fields);
		return new FormSchema(form.path("id").asText(), fields);
	}

	private static void collect(JsonNode components, List<Field> fields) {
		for (JsonNode component : components) {
			if (component.has("components")) {
				collect(component.get("components"), fields);
			}
			String type = component.path("type").asText();
			if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key") || component.path("disabled").asBoolean(false)
					|| component.path("readonly").asBoolean(false)) {
				continue;
			}
			JsonNode validate = component.path("validate");
			List<String> values = new ArrayList<>();
			component.path("values").forEach(value -> values.add(value.path("value").asText()));
			fields.add(new Field(component.get("key").asText(), component.path("label").asText(component.get("key").asText()),
					type, validate.path("required").asBoolean(false), decimal(validate.get("min")), decimal(validate.get("max")),
					validate.has("maxLength") ? validate.get("maxLength").asInt() : null, values));
		}
	}

	private static BigDecimal decimal(JsonNode node) {
		return node == null || node.isNull() ? null : new BigDecimal(node.asText());
	}

}
