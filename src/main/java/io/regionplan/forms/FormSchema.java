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
 * not an input), which the server computes and no completion may set. A dynamic list is
 * one field (its {@code path}) whose value is a list of rows of its own fields.
 */
record FormSchema(String id, List<Field> fields, Set<String> shown) {

	/**
	 * An input field; a number field without {@code decimalDigits} takes whole numbers
	 * only.
	 */
	record Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
			Integer maxLength, List<String> values, int decimalDigits, String valuesKey, List<Field> items) {

		Field(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
				Integer maxLength, List<String> values, int decimalDigits) {
			this(key, label, type, required, min, max, maxLength, values, decimalDigits, null, List.of());
		}

		/** The row field {@code key} of a dynamic list, or empty. */
		Optional<Field> item(String key) {
			return items.stream().filter(item -> item.key().equals(key)).findFirst();
		}

		/** The same field under the name of one of its rows' cells. */
		Field named(String name) {
			return new Field(name, label, type, required, min, max, maxLength, values, decimalDigits, valuesKey, items);
		}

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

	/** At most this many rows in a dynamic list. */
	static final int MAX_ROWS = 200;

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
			if (component.path("type").asText().equals("dynamiclist") && component.hasNonNull("path")) {
				List<Field> items = new ArrayList<>();
				collect(component.get("components"), items, new LinkedHashSet<>());
				String path = component.get("path").asText();
				fields.add(new Field(path, component.path("label").asText(path), "dynamiclist", false, null, null, null,
						List.of(), 0, null, List.copyOf(items)));
				continue;
			}
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
					values, component.path("decimalDigits").asInt(0),
					component.hasNonNull("valuesKey") ? component.get("valuesKey").asText() : null, List.of()));
		}
	}

	private static BigDecimal decimal(JsonNode node) {
		return node == null || node.isNull() ? null : new BigDecimal(node.asText());
	}

}
