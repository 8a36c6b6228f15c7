package io.regionplan.market;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The volume each dealer of a region sold in each of the region's cities: the shares a
 * city's plan is split over its dealers by.
 */
@Component
public class DealerCityVolumes {

	private final JdbcTemplate jdbc;

	DealerCityVolumes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * City → dealer → volume over the months from {@code from} to {@code to}; a dealer of
	 * another region selling into a city (窜货) is left out.
	 */
	public Map<String, Map<String, BigDecimal>> of(String region, YearMonth from, YearMonth to) {
		Map<String, Map<String, BigDecimal>> volumes = new TreeMap<>();
		jdbc.query("select s.city_id, s.dealer_id, sum(s.volume) from market_sales s "
				+ "join market_city c on c.id = s.city_id join market_dealer d on d.id = s.dealer_id "
				+ "where c.region_id = ? and d.region_id = ? and s.sales_month between ? and ? "
				+ "group by s.city_id, s.dealer_id", rs -> {
					volumes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
						.put(rs.getString(2), rs.getBigDecimal(3));
				}, region, region, from.toString(), to.toString());
		return volumes;
	}

}
