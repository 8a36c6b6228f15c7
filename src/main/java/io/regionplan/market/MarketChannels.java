package io.regionplan.market;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The channels every region shares, for other features (the coverage targets name them in
 * Chinese).
 */
@Component
public class MarketChannels {

	private final JdbcTemplate jdbc;

	MarketChannels(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The Chinese name of every channel, channel id → name. */
	public Map<String, String> namesZh() {
		Map<String, String> names = new TreeMap<>();
		jdbc.query("select id, name_zh from market_channel", rs -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

}
