package io.regionplan.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads decisions and their subjects back, filtered and paged.
 */
@Component
class DecisionQueries {

	private static final String COLUMNS = "d.id, d.rule_set, d.rule_version, d.deployment_id, d.content_hash, "
			+ "d.process_instance_id, d.activity_id, d.tenant_id, d.user_id, d.evaluated_at, d.kind, d.subject_count";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	DecisionQueries(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record Page(List<Decision> content, int page, int size, long totalElements) {
	}

	/** A page of decisions, newest first, each with its subjects (only the matching one when filtered by subject). */
	Page list(DecisionFilter filter, int page, int size, int subjectsPerDecision) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, args);
		Long total = jdbc.queryForObject("select count(*) from decision d" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<Decision> decisions = jdbc.query("select " + COLUMNS + " from decision d" + where
				+ " order by d.evaluated_at desc, d.id limit ? offset ?", (rs, n) -> decision(rs, List.of()), pageArgs.toArray());
		List<Decision> withSubjects = decisions.stream()
			.map(d -> withSubjects(d, subjects(d.id(), filter.subject(), subjectsPerDecision)))
			.toList();
		return new Page(withSubjects, page, size, total == null ? 0 : total);
	}

	Optional<Decision> find(String id, java.util.Set<String> regions) {
		List<Object> args = new ArrayList<>();
		args.add(id);
		String scope = "";
		if (regions != null) {
			scope = " and " + inRegions(regions, args);
		}
		return jdbc.query("select " + COLUMNS + " from decision d where d.id = ?" + scope, (rs, n) -> decision(rs, List.of()),
				args.toArray()).stream().findFirst().map(d -> withSubjects(d, subjects(d.id(), null, Integer.MAX_VALUE)));
	}

	/** Every decision about one subject, oldest first: how its result changed from cycle to cycle. */
	List<Map<String, Object>> history(String subjectType, String subjectId, String ruleSet, java.util.Set<String> regions) {
		List<Object> args = new ArrayList<>(List.of(subjectType, subjectId));
		String where = " where s.subject_type = ? and s.subject_id = ?";
		if (ruleSet != null) {
			where += " and d.rule_set = ?";
			args.add(ruleSet);
		}
		if (regions != null) {
			where += " and " + inRegions(regions, args);
		}
		return jdbc.query("select d.id, d.rule_set, d.rule_version, d.process_instance_id, d.user_id, d.evaluated_at, d.kind, "
				+ "s.result, s.reason_zh, s.reason_en from decision_subject s join decision d on d.id = s.decision_id" + where
				+ " order by d.evaluated_at, d.id", (rs, n) -> {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("decisionId", rs.getString(1));
					entry.put("ruleSet", rs.getString(2));
					entry.put("ruleVersion", rs.getString(3));
					entry.put("processInstanceId", rs.getString(4));
					entry.put("userId", rs.getString(5));
					entry.put("evaluatedAt", rs.getTimestamp(6).toInstant());
					entry.put("kind", rs.getString(7));
					entry.put("result", tree(rs.getString(8)));
					entry.put("reason", new DecisionSubject.Reason(rs.getString(9), rs.getString(10)));
					return entry;
				}, args.toArray());
	}

	private String where(DecisionFilter filter, List<Object> args) {
		List<String> conditions = new ArrayList<>();
		if (filter.processInstanceId() != null) {
			conditions.add("d.process_instance_id = ?");
			args.add(filter.processInstanceId());
		}
		if (filter.ruleSet() != null) {
			conditions.add("d.rule_set = ?");
			args.add(filter.ruleSet());
		}
		if (filter.subject() != null) {
			conditions.add("exists (select 1 from decision_subject s where s.decision_id = d.id and s.subject_id = ?)");
			args.add(filter.subject());
		}
		if (filter.from() != null) {
			conditions.add("d.evaluated_at >= ?");
			args.add(Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add("d.evaluated_at < ?");
			args.add(Timestamp.from(filter.to()));
		}
		if (filter.regions() != null) {
			conditions.add(inRegions(filter.regions(), args));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static String inRegions(java.util.Set<String> regions, List<Object> args) {
		if (regions.isEmpty()) {
			return "1 = 0";
		}
		args.addAll(regions);
		return "d.tenant_id in (" + String.join(", ", Collections.nCopies(regions.size(), "?")) + ")";
	}

	private List<DecisionSubject> subjects(String decisionId, String subject, int limit) {
		List<Object> args = new ArrayList<>(List.of(decisionId));
		String where = " where decision_id = ?";
		if (subject != null) {
			where += " and subject_id = ?";
			args.add(subject);
		}
		args.add(limit);
		return jdbc.query("select subject_type, subject_id, inputs, fired_rules, result, reason_zh, reason_en "
				+ "from decision_subject" + where + " order by seq limit ?", (rs, n) -> new DecisionSubject(rs.getString(1),
						rs.getString(2), tree(rs.getString(3)), rules(rs.getString(4)), tree(rs.getString(5)),
						new DecisionSubject.Reason(rs.getString(6), rs.getString(7))), args.toArray());
	}

	private static Decision decision(ResultSet rs, List<DecisionSubject> subjects) throws SQLException {
		return new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
				rs.getString(11), rs.getInt(12), subjects);
	}

	private static Decision withSubjects(Decision d, List<DecisionSubject> subjects) {
		return new Decision(d.id(), d.ruleSet(), d.ruleVersion(), d.deploymentId(), d.contentHash(), d.processInstanceId(),
				d.activityId(), d.tenantId(), d.userId(), d.evaluatedAt(), d.kind(), d.subjectCount(), subjects);
	}

	private JsonNode tree(String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> rules(String text) {
		try {
			return json.readValue(text, new TypeReference<List<String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
