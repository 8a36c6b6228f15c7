package io.regionplan.market;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each city × channel of a region with its stores, those that carry our product and our
 * volume there in the trailing 12 months: what a store that carries us sells a month, and
 * how many do not carry us yet.
 */
@Component
public class StoreVolumes {

	/** One city × channel; {@code volume} in cases over the 12 months. */
	public record ChannelStores(String cityId, String channelId, long stores, long carrying, BigDecimal volume) {
	}

	private final JdbcTemplate jdbc;

	StoreVolumes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every city × channel of the region, by city and channel id. */
	public List<ChannelStores> of(String region, YearMonth period) {
		SalesWindow window = new SalesWindow(period);
		Map<String, BigDecimal> volumes = new HashMap<>();
		jdbc.query("select s.city_id, s.channel_id, sum(s.volume) from market_sales s "
				+ "join market_city c on c.id = s.city_id where c.region_id = ? and s.sales_month between ? and ? "
				+ "group by s.city_id, s.channel_id", rs -> {
					volumes.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
				}, region, window.from, window.to);
		return jdbc.query(
				"select c.id, ch.id, count(s.id), " + "coalesce(sum(case when s.carries_product then 1 else 0 end), 0) "
						+ "from market_city c cross join market_channel ch "
						+ "left join market_store s on s.city_id = c.id and s.channel_id = ch.id "
						+ "where c.region_id = ? group by c.id, ch.id order by c.id, ch.id",
				(rs, n) -> new ChannelStores(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						volumes.getOrDefault(rs.getString(1) + "/" + rs.getString(2), BigDecimal.ZERO)),
				region);
	}

}
