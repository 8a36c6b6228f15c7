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
import io.regionplan.rules.DirectorDecided;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetEvaluated;
import io.regionplan.rules.RuleSetVersion;

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
		SubjectRow row = new SubjectRow(event.subjectType(), event.subjectId());
		row.inputs.add(Map.of("before", event.before()));
		row.overridden = event.after();
		row.overrideReason = event.reason();
		String id = UUID.randomUUID().toString();
		insertDecision(id, event.version(), event.processInstanceId(), event.activityId(), event.tenantId(),
				event.userId(), "OVERRIDE", List.of(row));
		insertSubjects(id, List.of(row));
	}

	/**
	 * The director's answer to a rule's flag: what the rules saw as its inputs, the rules
	 * that flagged it, the answer and the director's reason.
	 */
	@EventListener
	void on(DirectorDecided event) {
		SubjectRow row = new SubjectRow(event.subjectType(), event.subjectId());
		row.inputs.add(event.inputs());
		row.rules.addAll(event.firedRules());
		row.overridden = event.result();
		row.givenReasonZh = event.reasonZh();
		row.givenReasonEn = event.reasonEn();
		String id = UUID.randomUUID().toString();
		insertDecision(id, event.version(), event.processInstanceId(), event.activityId(), event.tenantId(),
				event.userId(), "DIRECTOR", List.of(row));
		insertSubjects(id, List.of(row));
	}

	String record(RuleRun run, String processInstanceId, String activityId, String tenantId, String userId) {
		List<SubjectRow> rows = SubjectRow.rows(run);
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
			String userId, String kind, List<SubjectRow> rows) {
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
	void insertSubjects(String decisionId, List<SubjectRow> rows) {
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

}
