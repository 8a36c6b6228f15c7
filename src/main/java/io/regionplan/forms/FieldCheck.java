package io.regionplan.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One field's value against the form (required, numbers, lengths, options, dates), and
 * each row of a dynamic list against the list's own fields; the options of a select with
 * a {@code valuesKey} are those the server offered in that variable.
 */
final class FieldCheck {

	private final ObjectMapper json;

	private final int maxTextLength;

	FieldCheck(ObjectMapper json, int maxTextLength) {
		this.json = json;
		this.maxTextLength = maxTextLength;
	}

	/**
	 * What is wrong with one value of the field, as an exception; a date field's value as
	 * a date.
	 */
	Object check(VariableScope task, FormSchema.Field field, Object value) {
		boolean missing = value == null || value instanceof String text && !FormText.written(text)
				|| field.type().equals("checkbox") && field.required() && Boolean.FALSE.equals(value);
		if (missing) {
			if (field.required()) {
				throw invalid(field, "必填", "is required");
			}
			return null;
		}
		switch (field.type()) {
			case "number" -> {
				if (!(value instanceof Number number) || value instanceof Double real && !Double.isFinite(real)
						|| value instanceof Float single && !Float.isFinite(single)) {
					throw invalid(field, "必须是数字，收到 " + value, "must be a number, got '" + value + "'");
				}
				BigDecimal decimal = new BigDecimal(number.toString());
				if (!field.takes(decimal)) {
					throw invalid(field, field.decimalsZh() + "，收到 " + decimal.toPlainString(),
							field.decimalsEn() + ", got " + decimal.toPlainString());
				}
				if (field.min() != null && decimal.compareTo(field.min()) < 0) {
					throw invalid(field, "不能小于 " + field.min(), "must be at least " + field.min());
				}
				if (field.max() != null && decimal.compareTo(field.max()) > 0) {
					throw invalid(field, "不能大于 " + field.max(), "must be at most " + field.max());
				}
			}
			case "textfield", "textarea" -> {
				if (!(value instanceof String text)) {
					throw invalid(field, "必须是文本", "must be text");
				}
				int maxLength = field.maxLength() == null ? maxTextLength : field.maxLength();
				if (text.length() > maxLength) {
					throw invalid(field, "最多 " + maxLength + " 个字符", "must be at most " + maxLength + " characters");
				}
				FormText.Refused refused = FormText.refused(text, field.type().equals("textarea"));
				if (refused != null) {
					throw invalid(field, "第 " + refused.position() + " 个字符 " + refused.code() + " 不可用（控制或不可见字符）",
							"holds a character that is not allowed at position " + refused.position() + ": "
									+ refused.code() + " (a control or invisible character)");
				}
			}
			case "select", "radio" -> {
				List<String> allowed = field.valuesKey() == null ? field.values() : options(task, field.valuesKey());
				if ((!allowed.isEmpty() || field.valuesKey() != null) && !allowed.contains(String.valueOf(value))) {
					throw invalid(field, field.valuesKey() == null ? "必须是 " + allowed + " 之一" : "不是可选的一项",
							field.valuesKey() == null ? "must be one of " + allowed
									: "is not one of the options offered");
				}
			}
			case "dynamiclist" -> rows(task, field, value);
			case "checklist", "taglist" -> choices(task, field, value);
			case "checkbox" -> {
				if (!(value instanceof Boolean)) {
					throw invalid(field, "必须是 true 或 false", "must be true or false");
				}
			}
			case "datetime" -> {
				return date(field, value);
			}
			default -> throw invalid(field, "字段类型 " + field.type() + " 不能提交",
					"of type " + field.type() + " cannot be submitted");
		}
		return value;
	}

	/**
	 * A checklist's or taglist's ticks: a list of at most {@link FormSchema#MAX_ROWS} of
	 * the options the field offers (its own values, or those the server offered in its
	 * {@code valuesKey}), each once.
	 */
	private void choices(VariableScope task, FormSchema.Field field, Object value) {
		JsonNode ticked = json(value);
		if (ticked == null || !ticked.isArray() || ticked.size() > FormSchema.MAX_ROWS) {
			throw invalid(field, "必须是最多 " + FormSchema.MAX_ROWS + " 项的列表",
					"must be a list of at most " + FormSchema.MAX_ROWS + " options");
		}
		List<String> allowed = field.valuesKey() == null ? field.values() : options(task, field.valuesKey());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < ticked.size(); i++) {
			JsonNode choice = ticked.get(i);
			FormSchema.Field at = field.named(field.key() + "[" + (i + 1) + "]");
			if (!choice.isTextual() || !allowed.contains(choice.asText())) {
				throw invalid(at, "不是可选的一项", "is not one of the options offered");
			}
			if (!seen.add(choice.asText())) {
				throw invalid(at, "重复勾选", "is ticked twice");
			}
		}
	}

	/** Each row of a dynamic list, each cell against the list's field of that name. */
	private void rows(VariableScope task, FormSchema.Field list, Object value) {
		JsonNode rows = json(value);
		if (rows == null || !rows.isArray() || rows.size() > FormSchema.MAX_ROWS) {
			throw invalid(list, "必须是最多 " + FormSchema.MAX_ROWS + " 行的列表",
					"must be a list of at most " + FormSchema.MAX_ROWS + " rows");
		}
		for (int i = 0; i < rows.size(); i++) {
			JsonNode row = rows.get(i);
			String at = list.key() + "[" + (i + 1) + "].";
			if (!row.isObject()) {
				throw invalid(list.named(list.key() + "[" + (i + 1) + "]"), "必须是一行字段", "must be a row of fields");
			}
			for (Map.Entry<String, JsonNode> cell : row.properties()) {
				if (list.item(cell.getKey()).isEmpty()) {
					throw invalid(list.named(at + cell.getKey()), "不是这个列表的字段", "is not a field of this list");
				}
			}
			for (FormSchema.Field item : list.items()) {
				check(task, item.named(at + item.key()), value(row.get(item.key())));
			}
		}
	}

	/** The values a select offers from the variable its {@code valuesKey} names. */
	private List<String> options(VariableScope task, String valuesKey) {
		JsonNode options = json(task.getVariable(valuesKey));
		List<String> values = new ArrayList<>();
		if (options != null) {
			options.forEach(option -> values.add(option.isObject() ? option.path("value").asText() : option.asText()));
		}
		return values;
	}

	/** A Json variable (or its text) as a tree, or {@code null}. */
	private JsonNode json(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return json.readTree(value.toString());
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** A cell of a row as the engine would hold a submitted value of its own. */
	private static Object value(JsonNode cell) {
		if (cell == null || cell.isNull()) {
			return null;
		}
		if (cell.isNumber()) {
			return cell.isIntegralNumber() ? (Object) cell.longValue() : (Object) cell.doubleValue();
		}
		return cell.isBoolean() ? (Object) cell.booleanValue() : cell.asText();
	}

	private static Date date(FormSchema.Field field, Object value) {
		if (value instanceof Date date) {
			return date;
		}
		String text = value.toString().strip();
		try {
			return text.length() == 10
					? Date.from(LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant())
					: Date.from(LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, "必须是日期 YYYY-MM-DD", "must be a date YYYY-MM-DD, got '" + text + "'");
		}
	}

	private static FormValidationException invalid(FormSchema.Field field, String zh, String en) {
		return new FormValidationException(field.key(), "字段 " + field.key() + "（" + field.label() + "）" + zh
				+ " / field '" + field.key() + "' (" + field.label() + ") " + en);
	}

}
