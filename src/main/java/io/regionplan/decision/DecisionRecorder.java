package io.regionplan.decision;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.DecisionOverridden;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetEvaluated;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.fact.Outcome;
import io.regionplan.rules.fact.Subject;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one decision per rule evaluation, in the evaluation's own transaction (a
 * synchronous listener inside the rule task), so a decision exists exactly when its
 * results do. Subjects are written with JDBC batches.
 */
@Component
class DecisionRecorder {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	DecisionRecorder(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	void on(RuleSetEvaluated event) {
		record(event.run(), event.processInstanceId(), event.activityId(), event.tenantId(), event.userId());
	}

	/**
	 * An override: the subject's old result as its input, the new result, the person's
	 * reason.
	 */
	@EventListener
	void on(DecisionOverridden event) {
		Row row = new Row(event.subjectType(), event.subjectId());
		row.inputs.add(Map.of("before", event.before()));
		row.overridden = event.after();
		row.overrideReason = event.reason();
		String id = UUID.randomUUID().toString();
		insertDecision(id, event.version(), event.processInstanceId(), event.activityId(), event.tenantId(),
				event.userId(), "OVERRIDE", List.of(row));
		insertSubjects(id, List.of(row));
	}

	String record(RuleRun run, String processInstanceId, String activityId, String tenantId, String userId) {
		List<Row> rows = rows(run);
		String id = UUID.randomUUID().toString();
		insertDecision(id, run.version(), processInstanceId, activityId, tenantId, userId, "EVALUATION", rows);
		insertSubjects(id, rows);
		insertFacts(id, run.inputs());
		return id;
	}

	/**
	 * Every input fact with its type, in insertion order, so that the decision can be
	 * re-run exactly.
	 */
	void insertFacts(String decisionId, List<Object> facts) {
		java.util.Set<Class<?>> checked = new java.util.HashSet<>();
		insertChunks("decision_facts", "facts", decisionId, facts, (out, fact) -> {
			if (checked.add(fact.getClass())) {
				// the reader accepts only the fact package's records; a binding giving
				// anything else is a bug
				DecisionQueries.factType(fact.getClass().getSimpleName());
			}
			out.writeStartObject();
			out.writeStringField("type", fact.getClass().getSimpleName());
			out.writeFieldName("fact");
			json.writeValue(out, fact);
			out.writeEndObject();
		});
	}

	/** One JSON element of a chunk. */
	private interface ElementWriter<T> {

		void write(JsonGenerator out, T element) throws IOException;

	}

	/**
	 * Items as JSON arrays of {@value DecisionQueries#CHUNK}, one row per chunk, in one
	 * JDBC batch.
	 */
	private <T> void insertChunks(String table, String column, String decisionId, List<T> items,
			ElementWriter<T> writer) {
		List<Object[]> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += DecisionQueries.CHUNK) {
			StringWriter text = new StringWriter();
			try (JsonGenerator out = json.getFactory().createGenerator(text)) {
				out.writeStartArray();
				for (T item : items.subList(from, Math.min(from + DecisionQueries.CHUNK, items.size()))) {
					writer.write(out, item);
				}
				out.writeEndArray();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot write the JSON of " + table, ex);
			}
			chunks.add(new Object[] { decisionId, from / DecisionQueries.CHUNK, text.toString() });
		}
		jdbc.batchUpdate("insert into " + table + " (decision_id, chunk, " + column + ") values (?, ?, ?)", chunks);
	}

	void insertDecision(String id, RuleSetVersion version, String processInstanceId, String activityId, String tenantId,
			String userId, String kind, List<Row> rows) {
		StringBuilder index = new StringBuilder("\n");
		rows.forEach(row -> index.append(row.id).append('\n'));
		jdbc.update(
				"insert into decision (id, rule_set, rule_version, deployment_id, content_hash, process_instance_id, "
						+ "activity_id, tenant_id, user_id, evaluated_at, kind, subject_count, subject_index) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				id, version.ruleSet(), version.label(), version.deploymentId(), version.contentHash(),
				processInstanceId, activityId, tenantId, userId, Timestamp.from(Instant.now()), kind, rows.size(),
				index.toString());
	}

	/**
	 * The subjects as JSON arrays of {@value DecisionQueries#CHUNK} (the API's
	 * DecisionSubject shape).
	 */
	void insertSubjects(String decisionId, List<Row> rows) {
		insertChunks("decision_subjects", "subjects", decisionId, rows, (out, row) -> {
			out.writeStartObject();
			out.writeStringField("subjectType", row.type);
			out.writeStringField("subjectId", row.id);
			out.writeFieldName("inputs");
			json.writeValue(out, row.inputs.size() == 1 ? row.inputs.get(0) : row.inputs);
			out.writeFieldName("firedRules");
			json.writeValue(out, row.rules);
			out.writeFieldName("result");
			json.writeValue(out, row.result());
			out.writeObjectFieldStart("reason");
			out.writeStringField("zh", row.reasonZh());
			out.writeStringField("en", row.reasonEn());
			out.writeEndObject();
			out.writeEndObject();
		});
	}

	/**
	 * One subject's inputs, the rules that touched it in firing order, and its outcomes.
	 */
	static final class Row {

		final String type;

		final String id;

		final List<Object> inputs = new ArrayList<>();

		final List<String> rules = new ArrayList<>();

		final List<Outcome> outcomes = new ArrayList<>();

		/** For an override: the result a person chose and why. */
		Map<String, Object> overridden;

		String overrideReason;

		Row(String type, String id) {
			this.type = type;
			this.id = id;
		}

		Map<String, Object> result() {
			if (overridden != null) {
				return overridden;
			}
			Map<String, Object> result = new LinkedHashMap<>();
			for (Outcome outcome : outcomes) {
				result.merge(outcome.kind(), outcome.value(), (before, added) -> {
					List<Object> values = before instanceof List<?> list ? new ArrayList<>(list)
							: new ArrayList<>(List.of(before));
					values.add(added);
					return values;
				});
			}
			return result;
		}

		String reasonZh() {
			if (overridden != null) {
				return "人工调整：" + inputs.get(0) + " → " + overridden + "；理由：" + overrideReason;
			}
			return String.join("；", outcomes.stream().map(Outcome::reasonZh).toList());
		}

		String reasonEn() {
			if (overridden != null) {
				return "override: " + inputs.get(0) + " → " + overridden + "; reason: " + overrideReason;
			}
			return String.join("; ", outcomes.stream().map(Outcome::reasonEn).toList());
		}

	}

	/**
	 * Subjects in input order; each firing is attributed to the subjects it matched or
	 * produced an outcome for.
	 */
	static List<Row> rows(RuleRun run) {
		Map<String, Row> byKey = new LinkedHashMap<>();
		Map<String, List<Row>> byId = new LinkedHashMap<>();
		for (Object input : run.inputs()) {
			if (input instanceof Subject subject) {
				Row row = byKey.computeIfAbsent(subject.subjectType() + "\u0001" + subject.subjectId(), k -> {
					Row created = new Row(subject.subjectType(), subject.subjectId());
					byId.computeIfAbsent(subject.subjectId(), i -> new ArrayList<>()).add(created);
					return created;
				});
				row.inputs.add(subject);
			}
		}
		for (RuleRun.Firing firing : run.firings()) {
			List<Row> touched = new ArrayList<>();
			for (Object matched : firing.matched()) {
				if (matched instanceof Subject subject) {
					Row row = byKey.get(subject.subjectType() + "\u0001" + subject.subjectId());
					if (row != null && !touched.contains(row)) {
						touched.add(row);
					}
				}
			}
			for (Object inserted : firing.inserted()) {
				if (inserted instanceof Outcome outcome) {
					for (Row row : byId.getOrDefault(outcome.subjectId(), List.of())) {
						row.outcomes.add(outcome);
						if (!touched.contains(row)) {
							touched.add(row);
						}
					}
				}
			}
			touched.forEach(row -> row.rules.add(firing.rule()));
		}
		return new ArrayList<>(byKey.values());
	}

}
