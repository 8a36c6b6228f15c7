package io.regionplan.planning;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The city strategies of a region's latest planning cycle, for other features (benchmark markets).
 */
@Component
public class CycleStrategies {

	private final JdbcTemplate jdbc;

	private final CycleResults results;

	CycleStrategies(JdbcTemplate jdbc, CycleResults results) {
		this.jdbc = jdbc;
		this.results = results;
	}

	/** City id → strategy; empty when the region has no cycle with strategies yet. */
	public Map<String, String> latest(String region) {
		return jdbc.queryForList("select process_instance_id from decision where tenant_id = ? and rule_set = 'city-strategy' "
				+ "group by process_instance_id order by max(evaluated_at) desc", String.class, region).stream()
			.findFirst()
			.map(results::strategies)
			.orElse(Map.of());
	}

}
