package io.regionplan.market;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names of a region's cities, stores and dealers, and of the channels every region
 * shares, by id, for what a form offers and shows: one query each, without computing any
 * metrics.
 */
@Component
public class MarketNames {

	private final JdbcTemplate jdbc;

	MarketNames(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The region's cities, id → Chinese name. */
	public Map<String, String> citiesZh(String region) {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select id, name_zh from market_city where region_id = ?", rs -> {
			names.put(rs.getString(1), rs.getString(2));
		}, region);
		return names;
	}

	/** The region's stores that have a name, id → name. */
	public Map<String, String> stores(String region) {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select s.id, s.name from market_store s join market_city c on c.id = s.city_id "
				+ "where c.region_id = ? and s.name is not null", rs -> {
					names.put(rs.getString(1), rs.getString(2));
				}, region);
		return names;
	}

	/** The region's dealers, id → name. */
	public Map<String, String> dealers(String region) {
		Map<String, String> names = new HashMap<>();
		jdbc.query("select id, name from market_dealer where region_id = ?", rs -> {
			names.put(rs.getString(1), rs.getString(2));
		}, region);
		return names;
	}

	/** The Chinese name of every channel (all regions share them), channel id → name. */
	public Map<String, String> channelsZh() {
		Map<String, String> names = new TreeMap<>();
		jdbc.query("select id, name_zh from market_channel", rs -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

}
