package io.regionplan.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Camunda Form (form-js JSON) as far as the server checks it: the fields a person fills
 * in, and the keys the form only shows (disabled or read-only fields, anything that is
 * not an input), which the server computes and no completion may set.
 */
record FormSchema(String id, List<Field> fields, Set<String> shown) {

	/**
	 * An input field; a number field without {@code decimalDigits} takes whole numbers
	 * only.
	 */
	record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
			Integer maxLength, List<String> values, int decimalDigits) {

		/**
		 * Whether a number has no more decimal places than the field takes (form-js
		 * {@code decimalDigits}).
		 */
		boolean takes(BigDecimal number) {
			return Math.max(0, number.stripTrailingZeros().scale()) <= decimalDigits;
		}

		String decimalsZh() {
			return decimalDigits == 0 ? "必须是整数" : "最多 " + decimalDigits + " 位小数";
		}

		String decimalsEn() {
			return decimalDigits == 0 ? "must be a whole number"
					: "must have at most " + decimalDigits + " decimal places";
		}

	}

	static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "select", "radio", "checkbox",
			"datetime", "checklist", "taglist");

	Optional<Field> field(String key) {
		return fields.stream().filter(field -> field.key().equals(key)).findFirst();
	}

	List<String> keys() {
		return fields.stream().map(Field::key).sorted().toList();
	}

	static FormSchema parse(JsonNode form) {
		List<Field> fields = new ArrayList<>();
		Set<String> shown = new LinkedHashSet<>();
		collect(form.path("components"), fields, shown);
		return new FormSchema(form.path("id").asText(), List.copyOf(fields), Set.copyOf(shown));
	}

	private static void collect(JsonNode components, List<Field> fields, Set<String> shown) {
		for (JsonNode component : components) {
			if (component.has("components")) {
				collect(component.get("components"), fields, shown);
			}
			if (!component.hasNonNull("key")) {
				continue;
			}
			String key = component.get("key").asText();
			String type = component.path("type").asText();
			if (!INPUT_TYPES.contains(type) || component.path("disabled").asBoolean(false)
					|| component.path("readonly").asBoolean(false)) {
				shown.add(key);
				continue;
			}
			JsonNode validate = component.path("validate");
			List<String> values = new ArrayList<>();
			component.path("values").forEach(value -> values.add(value.path("value").asText()));
			fields.add(new Field(key, component.path("label").asText(key), type,
					validate.path("required").asBoolean(false), decimal(validate.get("min")),
					decimal(validate.get("max")), validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
					values, component.path("decimalDigits").asInt(0)));
		}
	}

	private static BigDecimal decimal(JsonNode node) {
		return node == null || node.isNull() ? null : new BigDecimal(node.asText());
	}

}
