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
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.fact.Subject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads decisions and their subjects back, filtered and paged.
 */
@Component
class DecisionQueries {

	/** Subjects per stored JSON chunk. */
	static final int CHUNK = 250;

	private static final String COLUMNS = "d.id, d.rule_set, d.rule_version, d.deployment_id, d.content_hash, "
			+ "d.process_instance_id, d.activity_id, d.tenant_id, d.user_id, d.evaluated_at, d.kind, d.subject_count, "
			+ "d.subject_index";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	DecisionQueries(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record Page(List<Decision> content, int page, int size, long totalElements) {
	}

	/**
	 * A page of decisions, newest first, each with its subjects (only the matching one
	 * when filtered by subject).
	 */
	Page list(DecisionFilter filter, int page, int size, int subjectsPerDecision) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, args);
		Long total = jdbc.queryForObject("select count(*) from decision d" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<Decision> withSubjects = jdbc.query(
				"select " + COLUMNS + " from decision d" + where
						+ " order by d.evaluated_at desc, d.id limit ? offset ?",
				(rs, n) -> decision(rs,
						subjects(rs.getString(1), rs.getString(13), filter.subject(), subjectsPerDecision)),
				pageArgs.toArray());
		return new Page(withSubjects, page, size, total == null ? 0 : total);
	}

	Optional<Decision> find(String id, java.util.Set<String> regions) {
		List<Object> args = new ArrayList<>();
		args.add(id);
		String scope = "";
		if (regions != null) {
			scope = " and " + inRegions(regions, args);
		}
		return jdbc
			.query("select " + COLUMNS + " from decision d where d.id = ?" + scope,
					(rs, n) -> decision(rs, subjects(rs.getString(1), rs.getString(13), null, Integer.MAX_VALUE)),
					args.toArray())
			.stream()
			.findFirst();
	}

	/**
	 * Every decision about one subject, oldest first: how its result changed from cycle
	 * to cycle.
	 */
	List<Map<String, Object>> history(String subjectType, String subjectId, String ruleSet,
			java.util.Set<String> regions) {
		List<Object> args = new ArrayList<>(List.of(indexPattern(subjectId)));
		String where = " where d.subject_index like ? escape '!'";
		if (ruleSet != null) {
			where += " and d.rule_set = ?";
			args.add(ruleSet);
		}
		if (regions != null) {
			where += " and " + inRegions(regions, args);
		}
		List<Map<String, Object>> history = new ArrayList<>();
		jdbc.query("select " + COLUMNS + " from decision d" + where + " order by d.evaluated_at, d.id", rs -> {
			for (DecisionSubject subject : subjects(rs.getString(1), rs.getString(13), subjectId, Integer.MAX_VALUE)) {
				if (subject.subjectType().equals(subjectType)) {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("decisionId", rs.getString(1));
					entry.put("ruleSet", rs.getString(2));
					entry.put("ruleVersion", rs.getString(3));
					entry.put("processInstanceId", rs.getString(6));
					entry.put("userId", rs.getString(9));
					entry.put("evaluatedAt", rs.getTimestamp(10).toInstant());
					entry.put("kind", rs.getString(11));
					entry.put("result", subject.result());
					entry.put("reason", subject.reason());
					history.add(entry);
				}
			}
		}, args.toArray());
		return history;
	}

	/**
	 * The facts a decision was given, in insertion order, as fact objects again; empty
	 * for an override and for a decision recorded before the facts were kept.
	 */
	List<Object> facts(String decisionId) {
		List<Object> facts = new ArrayList<>();
		jdbc.query("select facts from decision_facts where decision_id = ? order by chunk", rs -> {
			try {
				for (com.fasterxml.jackson.databind.JsonNode entry : json.readTree(rs.getString(1))) {
					facts.add(json.treeToValue(entry.get("fact"), factType(entry.get("type").asText())));
				}
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException("决策 " + decisionId + " 的输入无法读取 / the facts of decision " + decisionId
						+ " cannot be read: " + ex.getOriginalMessage(), ex);
			}
		}, decisionId);
		return facts;
	}

	/**
	 * Only the records of the fact package: the stored type name never names any other
	 * class.
	 */
	static Class<?> factType(String name) {
		if (name.matches("[A-Z][A-Za-z0-9]*")) {
			try {
				Class<?> type = Class.forName(Subject.class.getPackageName() + "." + name);
				if (type.isRecord()) {
					return type;
				}
			}
			catch (ClassNotFoundException ex) {
				// refused below
			}
		}
		throw new IllegalArgumentException("未知的事实类型 / unknown fact type '" + name + "'");
	}

	/**
	 * A LIKE pattern that finds a subject id in subject_index ("\nid\n"), wildcards
	 * escaped.
	 */
	private static String indexPattern(String subjectId) {
		return "%\n" + subjectId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\n%";
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
			conditions.add("d.subject_index like ? escape '!'");
			args.add(indexPattern(filter.subject()));
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

	/**
	 * The first {@code limit} subjects, or those with id {@code subject}, read from the
	 * chunks that hold them.
	 */
	private List<DecisionSubject> subjects(String decisionId, String subjectIndex, String subject, int limit) {
		if (limit == 0 || subjectIndex.length() <= 1) {
			return List.of();
		}
		List<String> ids = List.of(subjectIndex.substring(1).split("\n"));
		java.util.SortedSet<Integer> positions = new java.util.TreeSet<>();
		for (int i = 0; i < ids.size() && positions.size() < limit; i++) {
			if (subject == null || ids.get(i).equals(subject)) {
				positions.add(i);
			}
		}
		if (positions.isEmpty()) {
			return List.of();
		}
		java.util.SortedSet<Integer> chunks = new java.util.TreeSet<>();
		positions.forEach(position -> chunks.add(position / CHUNK));
		List<Object> args = new ArrayList<>(List.of(decisionId));
		args.addAll(chunks);
		Map<Integer, List<DecisionSubject>> byChunk = new java.util.HashMap<>();
		jdbc.query("select chunk, subjects from decision_subjects where decision_id = ? and chunk in ("
				+ String.join(", ", Collections.nCopies(chunks.size(), "?")) + ")", rs -> {
					byChunk.put(rs.getInt(1), readSubjects(rs.getString(2)));
				}, args.toArray());
		List<DecisionSubject> subjects = new ArrayList<>(positions.size());
		positions.forEach(position -> subjects.add(byChunk.get(position / CHUNK).get(position % CHUNK)));
		return subjects;
	}

	private List<DecisionSubject> readSubjects(String text) {
		try {
			return json.readValue(text, new TypeReference<List<DecisionSubject>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Decision decision(ResultSet rs, List<DecisionSubject> subjects) throws SQLException {
		return new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
				rs.getString(11), rs.getInt(12), subjects);
	}

}
