package io.regionplan.market.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ids an import's rows may refer to, and the region each city, dealer and store (and
 * each existing row of the kind imported) belongs to, read once per import.
 */
final class References {

	/** The kinds whose rows belong to a region. */
	static final Set<String> REGIONAL = Set.of("regions", "cities", "dealers", "stores");

	private final JdbcTemplate jdbc;

	private final Map<String, Set<String>> ids = new HashMap<>();

	private final Map<String, Map<String, String>> regions = new HashMap<>();

	References(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String kind, String id) {
		return ids.computeIfAbsent(kind, k -> {
			ImportKind referenced = ImportKinds.ALL.get(k);
			return Set.copyOf(
					jdbc.queryForList("select " + referenced.idColumn() + " from " + referenced.table(), String.class));
		}).contains(id);
	}

	/** The region of a row, from its region, city or dealer column (null if unknown). */
	String regionOf(String scope, String value) {
		return switch (scope) {
			case "region" -> value;
			case "city" -> regionOfId("cities", value);
			case "dealer" -> regionOfId("dealers", value);
			default -> throw new IllegalArgumentException(scope);
		};
	}

	/** The region of a region, city, dealer or store by its id (null if unknown). */
	String regionOfId(String kind, String id) {
		return kind.equals("regions") ? id : regionOfExisting(ImportKinds.ALL.get(kind), id);
	}

	/**
	 * The region the row of {@code kind} with this id belongs to now, for a kind keyed by
	 * one id that is not its region (null when there is no such row).
	 */
	String regionOfExisting(ImportKind kind, String id) {
		return regions.computeIfAbsent(kind.name(), k -> map(regionsSql(kind))).get(id);
	}

	private static String regionsSql(ImportKind kind) {
		String scope = kind.column(kind.scope()).orElseThrow().dbColumn();
		return switch (kind.scope()) {
			case "region" -> "select " + kind.idColumn() + ", " + scope + " from " + kind.table();
			case "city" -> "select t." + kind.idColumn() + ", c.region_id from " + kind.table()
					+ " t join market_city c on c.id = t." + scope;
			case "dealer" -> "select t." + kind.idColumn() + ", d.region_id from " + kind.table()
					+ " t join market_dealer d on d.id = t." + scope;
			default -> throw new IllegalArgumentException(kind.scope());
		};
	}

	private Map<String, String> map(String sql) {
		Map<String, String> map = new HashMap<>();
		jdbc.query(sql, rs -> {
			map.put(rs.getString(1), rs.getString(2).intern());
		});
		return map;
	}

}
