package io.regionplan.deployment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.decision.DecisionReplayed;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail of what process owners did with process files: deployments, what-ifs,
 * replays and migrations, each with who, when, which files (or rule versions) with their
 * SHA-256, and the outcome.
 */
@Component
class DeploymentAudit {

	enum Action {

		DEPLOY, PREVIEW, REPLAY, MIGRATE

	}

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	DeploymentAudit(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void record(Action action, String outcome, String deploymentId, String userId, Object files, Object problems,
			boolean forced) {
		try {
			jdbc.update(
					"insert into deployment_audit (id, deployment_id, user_id, attempted_at, outcome, files, problems, "
							+ "action, forced) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					UUID.randomUUID().toString(), deploymentId, userId, Timestamp.from(Instant.now()), outcome,
					json.writeValueAsString(files), json.writeValueAsString(problems), action.name(), forced);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@EventListener
	void replayed(DecisionReplayed replay) {
		Map<String, Object> what = new LinkedHashMap<>();
		what.put("decision", replay.decisionId());
		what.put("ruleSet", replay.ruleSet());
		what.putAll(replay.versions());
		record(Action.REPLAY, replay.outcome(), null, replay.userId(), what,
				replay.problem() == null ? List.of() : List.of(replay.problem()), false);
	}

	List<Map<String, Object>> all() {
		return jdbc
			.queryForList("select id, action, deployment_id, user_id, attempted_at, outcome, forced, files, problems "
					+ "from deployment_audit order by attempted_at desc");
	}

}
