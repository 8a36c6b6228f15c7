package io.regionplan.market;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The regions the market data knows, for other features (deployment previews run a
 * changed rule set on every region's facts).
 */
@Component
public class MarketRegions {

	private final JdbcTemplate jdbc;

	MarketRegions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The region ids, in id order. */
	public List<String> ids() {
		return jdbc.queryForList("select id from market_region order by id", String.class);
	}

	public boolean exists(String region) {
		return region != null
				&& jdbc.queryForObject("select count(*) from market_region where id = ?", Integer.class, region) > 0;
	}

}
