package io.regionplan.market;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ids an import's rows may refer to, and the region each city and dealer belongs to, read once per
 * import.
 */
final class References {

	private final JdbcTemplate jdbc;

	private final Map<String, Set<String>> ids = new HashMap<>();

	private Map<String, String> regionOfCity;

	private Map<String, String> regionOfDealer;

	References(JdbcTemplate jdbc, ImportKind kind) {
		this.jdbc = jdbc;
	}

	boolean exists(String kind, String id) {
		return ids.computeIfAbsent(kind, k -> {
			ImportKind referenced = ImportKinds.ALL.get(k);
			return Set.copyOf(jdbc.queryForList("select " + referenced.idColumn() + " from " + referenced.table(), String.class));
		}).contains(id);
	}

	/** The region of a row, from its region, city or dealer column (null if unknown). */
	String regionOf(String scope, String value) {
		return switch (scope) {
			case "region" -> value;
			case "city" -> cities().get(value);
			case "dealer" -> dealers().get(value);
			default -> throw new IllegalArgumentException(scope);
		};
	}

	private Map<String, String> cities() {
		if (regionOfCity == null) {
			regionOfCity = map("select id, region_id from market_city");
		}
		return regionOfCity;
	}

	private Map<String, String> dealers() {
		if (regionOfDealer == null) {
			regionOfDealer = map("select id, region_id from market_dealer");
		}
		return regionOfDealer;
	}

	private Map<String, String> map(String sql) {
		Map<String, String> map = new HashMap<>();
		jdbc.query(sql, rs -> {
			map.put(rs.getString(1), rs.getString(2));
		});
		return map;
	}

}
