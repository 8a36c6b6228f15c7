package io.regionplan.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One variable of a completion or a start as the engine REST API receives it
 * ({@code {"value": …, "type": …}}), checked against the form while a number is still the
 * digits the client sent: a key the form does not let a person fill in, an object or
 * Java-serialized value, a value that does not fit its declared type, and a number that
 * the field or the stored type cannot take exactly are refused. Nothing is rounded or
 * converted into something else than what was sent.
 */
final class SubmittedVariable {

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,19}");

	private static final ObjectMapper ROWS = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

	/** The types a field's value may declare (lower case; empty: none declared). */
	private static final Map<String, List<String>> TYPES = Map.of("number",
			List.of("", "integer", "long", "short", "double"), "checkbox", List.of("", "boolean"), "datetime",
			List.of("", "string", "date"), "textfield", List.of("", "string"), "textarea", List.of("", "string"),
			"select", List.of("", "string"), "radio", List.of("", "string"), "dynamiclist", List.of("json"),
			"checklist", List.of("json"), "taglist", List.of("json"));

	/**
	 * The fields whose value is a list, sent as a Json variable ({@code []} for none).
	 */
	private static final List<String> LISTS = List.of("dynamiclist", "checklist", "taglist");

	/** The fields whose value is text (an option of a select or radio too). */
	private static final List<String> TEXT = List.of("textfield", "textarea", "select", "radio");

	private SubmittedVariable() {
	}

	/**
	 * What is wrong with the variable, "中文 / English", or {@code null}; {@code form}
	 * names the form in the message.
	 */
	static String refusal(String name, JsonNode variable, FormSchema schema, String form) {
		return refusal(name, name, variable, schema, form);
	}

	/** {@code key}: the field on the form; {@code name}: how the message names it. */
	private static String refusal(String key, String name, JsonNode variable, FormSchema schema, String form) {
		String field = "字段 " + name + "：";
		Optional<FormSchema.Field> input = schema.field(key);
		if (input.isEmpty() && schema.shown().contains(name)) {
			return field + "表单 " + schema.id() + " 只显示这个值，由系统计算，不能提交 / field '" + name + "' is only shown on " + form
					+ " '" + schema.id() + "': the server computes it, no completion may set it";
		}
		if (input.isEmpty()) {
			return field + "表单 " + schema.id() + " 没有这个字段 / field '" + name + "' is not on " + form + " '" + schema.id()
					+ "' (its fields: " + schema.keys() + ")";
		}
		String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
		String type = variable.path("type").asText("");
		if (format.contains("java") || type.equalsIgnoreCase("object")) {
			return field + "不接受对象或 Java 序列化值 / field '" + name
					+ "': objects and Java-serialized values are not accepted";
		}
		List<String> types = TYPES.get(input.get().type());
		if (types == null || !types.contains(type.toLowerCase())) {
			return field + "不能是 " + type + " 类型 / field '" + name + "': a value of type " + type + " does not fit a "
					+ input.get().type() + " field";
		}
		JsonNode value = variable.path("value");
		if ((value.isMissingNode() || value.isNull()) && LISTS.contains(input.get().type())) {
			return field + "必须是列表，没有就发送 [] / field '" + name + "': must be a list, [] for none";
		}
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (input.get().type().equals("number")) {
			return number(name, value, type, input.get());
		}
		if (input.get().type().equals("dynamiclist")) {
			return rows(name, value, input.get(), form);
		}
		if (TEXT.contains(input.get().type()) && !value.isTextual()) {
			return field + "必须是文本，收到 " + value + " / field '" + name + "': must be text, got " + value;
		}
		boolean fits = !type.equalsIgnoreCase("boolean") || value.isBoolean() || value.asText().matches("true|false");
		return fits ? null : field + "值 " + value + " 不是 " + type + " / field '" + name + "': value " + value
				+ " is not a " + type;
	}

	/**
	 * A number as sent (floats are read as exact decimals), against the field's decimals
	 * and the stored type.
	 */
	private static String number(String name, JsonNode value, String declared, FormSchema.Field input) {
		String field = "字段 " + name + "：";
		String type = declared.toLowerCase();
		boolean whole = List.of("integer", "long", "short").contains(type);
		BigDecimal number;
		if (value.isNumber() && !(whole && !value.isIntegralNumber())) {
			number = value.decimalValue();
		}
		else if (value.isTextual() && !type.isEmpty() && (whole ? WHOLE : DECIMAL).matcher(value.asText()).matches()) {
			number = new BigDecimal(value.asText());
		}
		else if (value.isTextual() && type.isEmpty()) {
			return null; // stored as text, which the form's check refuses as not a number
		}
		else if (type.isEmpty()) {
			return field + "必须是数字，收到 " + value + " / field '" + name + "': must be a number, got " + value;
		}
		else {
			return field + "值 " + value + " 不是 " + declared + " / field '" + name + "': value " + value + " is not a "
					+ declared;
		}
		if (!input.takes(number)) {
			return field + input.decimalsZh() + "，收到 " + number.toPlainString() + " / field '" + name + "' "
					+ input.decimalsEn() + ", got " + number.toPlainString();
		}
		String stored = !type.isEmpty() ? type : value.isIntegralNumber() ? "long" : "double";
		boolean exact = switch (stored) {
			case "integer" -> within(number, Integer.MIN_VALUE, Integer.MAX_VALUE);
			case "short" -> within(number, Short.MIN_VALUE, Short.MAX_VALUE);
			case "long" -> within(number, Long.MIN_VALUE, Long.MAX_VALUE);
			default -> Double.isFinite(number.doubleValue())
					&& new BigDecimal(Double.toString(number.doubleValue())).compareTo(number) == 0;
		};
		return exact ? null : field + "值 " + number.toPlainString() + " 无法按 " + stored + " 准确保存 / field '" + name
				+ "': value " + number.toPlainString() + " cannot be stored exactly as " + stored;
	}

	/**
	 * A dynamic list as Tasklist sends it: a Json variable whose value is the text of an
	 * array of rows, each an object of the list's own fields, each value checked as that
	 * field's.
	 */
	private static String rows(String name, JsonNode value, FormSchema.Field list, String form) {
		String field = "字段 " + name + "：";
		JsonNode rows;
		try {
			rows = value.isTextual() ? ROWS.readTree(value.asText()) : null;
		}
		catch (IOException ex) {
			rows = null;
		}
		if (rows == null || !rows.isArray()) {
			return field + "必须是由行组成的 JSON 数组文本 / field '" + name + "': must be the text of a JSON array of rows";
		}
		if (rows.size() > FormSchema.MAX_ROWS) {
			return field + "最多 " + FormSchema.MAX_ROWS + " 行，收到 " + rows.size() + " / field '" + name + "': at most "
					+ FormSchema.MAX_ROWS + " rows, got " + rows.size();
		}
		FormSchema items = new FormSchema(list.key(), list.items(), Set.of());
		for (int i = 0; i < rows.size(); i++) {
			JsonNode row = rows.get(i);
			String at = name + "[" + (i + 1) + "]";
			if (!row.isObject()) {
				return "字段 " + at + "：每一行必须是对象 / field '" + at + "': each row must be an object";
			}
			for (Map.Entry<String, JsonNode> cell : row.properties()) {
				ObjectNode submitted = ROWS.createObjectNode().set("value", cell.getValue());
				String refusal = refusal(cell.getKey(), at + "." + cell.getKey(), submitted, items, form);
				if (refusal != null) {
					return refusal;
				}
			}
		}
		return null;
	}

	private static boolean within(BigDecimal number, long min, long max) {
		return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
	}

}
