package io.regionplan.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A cycle's overrides of its rule results (table cycle_override): the latest value and
 * reason per subject, so that a rule task that runs again in the cycle (a director's
 * return, a re-classification during the year) puts them back over its new results.
 */
@Component
class CycleOverrides {

	/** The kind of the city strategies' overrides. */
	static final String STRATEGY = "strategy";

	/** The kind of the dealer tiers' overrides. */
	static final String TIER = "tier";

	/** One override: its subject (city or dealer id), the value it set and why. */
	record Override(String subjectId, String value, String reason) {
	}

	private final JdbcTemplate jdbc;

	CycleOverrides(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void save(String cycle, String kind, Override override, String user) {
		jdbc.update("delete from cycle_override where process_instance_id = ? and kind = ? and subject_id = ?", cycle,
				kind, override.subjectId());
		jdbc.update(
				"insert into cycle_override (process_instance_id, kind, subject_id, override_value, reason, "
						+ "overridden_by, overridden_at) values (?, ?, ?, ?, ?, ?, ?)",
				cycle, kind, override.subjectId(), override.value(), override.reason(), user,
				Timestamp.from(Instant.now()));
	}

	/** The cycle's overrides of one kind, by subject. */
	List<Override> of(String cycle, String kind) {
		return jdbc.query(
				"select subject_id, override_value, reason from cycle_override where process_instance_id = ? "
						+ "and kind = ? order by subject_id",
				(rs, n) -> new Override(rs.getString(1), rs.getString(2), rs.getString(3)), cycle, kind);
	}

	/**
	 * Puts the cycle's overrides of {@code kind} back over the rows the rule task has
	 * just stored in {@code table} ({@code column} the value, {@code idColumn} the
	 * subject). How many rows it changed.
	 */
	int reapply(String cycle, String kind, String table, String column, String idColumn) {
		int changed = 0;
		for (Override override : of(cycle, kind)) {
			changed += jdbc.update("update " + table + " set " + column
					+ " = ?, reason_zh = ?, reason_en = ? where process_instance_id = ? and " + idColumn + " = ?",
					override.value(), CycleSummaries.OVERRIDDEN_ZH + override.reason(),
					"overridden, reason: " + override.reason(), cycle, override.subjectId());
		}
		return changed;
	}

}
