package io.regionplan.planning;

import static io.regionplan.forms.CompletionRule.invalid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.forms.FormText;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The overrides a review submits as a dynamic list (a Json variable of rows), and the
 * check of its completion: every row names a subject of this cycle once, a value the
 * rules could have given and a reason.
 */
final class ReviewOverrides {

	private ReviewOverrides() {
	}

	/** The rows of a dynamic list's variable (Json or its text); none for no variable. */
	static List<JsonNode> read(ObjectMapper json, Object variable) {
		List<JsonNode> rows = new ArrayList<>();
		if (variable == null) {
			return rows;
		}
		try {
			JsonNode tree = json.readTree(variable.toString());
			if (tree != null && tree.isArray()) {
				tree.forEach(rows::add);
			}
		}
		catch (IOException ex) {
			// the form's check has refused anything that is not a list of rows
		}
		return rows;
	}

	/**
	 * {@code row}: the list's subject, value and reason fields; {@code single}: the
	 * single override of an older form (subject, value, reason), checked the same way.
	 */
	static void check(DelegateTask task, JdbcTemplate jdbc, ObjectMapper json, String list, List<String> row,
			List<String> single, List<String> allowed, String table, String idColumn) {
		List<JsonNode> rows = read(json, task.getVariable(list));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			String at = list + "[" + (i + 1) + "].";
			JsonNode node = rows.get(i);
			String subject = node.path(row.get(0)).asText("").strip();
			known(task, jdbc, at + row.get(0), subject, table, idColumn);
			if (!seen.add(subject)) {
				throw invalid(at + row.get(0), "同一项调整了两次", "the same entry is overridden twice in one list");
			}
			value(at + row.get(1), node.path(row.get(1)).asText(""), allowed);
			reason(at + row.get(2), node.path(row.get(2)).asText(""));
		}
		Object subject = task.getVariable(single.get(0));
		if (FormText.blank(subject)) {
			for (String given : single.subList(1, 3)) {
				if (!FormText.blank(task.getVariable(given))) {
					throw invalid(single.get(0), "填写了 " + given + "，但没有写调整的对象",
							given + " is given, but not what it overrides");
				}
			}
			return;
		}
		known(task, jdbc, single.get(0), String.valueOf(subject).strip(), table, idColumn);
		value(single.get(1), String.valueOf(task.getVariable(single.get(1))), allowed);
		reason(single.get(2), task.getVariable(single.get(2)));
	}

	private static void known(DelegateTask task, JdbcTemplate jdbc, String field, String subject, String table,
			String idColumn) {
		Integer known = jdbc.queryForObject(
				"select count(*) from " + table + " where process_instance_id = ? and " + idColumn + " = ?",
				Integer.class, CycleContext.cycleId(task.getExecution()), subject);
		if (known == null || known == 0) {
			// the message names the field, not the value: what was typed is not repeated
			// back
			throw invalid(field, "本周期没有这一项", "no such entry in this cycle");
		}
	}

	private static void value(String field, String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			throw invalid(field, "必须是 " + allowed + " 之一", "must be one of " + allowed);
		}
	}

	private static void reason(String field, Object reason) {
		if (FormText.blank(reason)) {
			throw invalid(field, "调整结果必须写明理由", "an override needs a written reason");
		}
	}

}
