package io.regionplan.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The new-store bound of each city of a region, worked out in the test from the market
 * tables as DOMAIN.md words it (not with the binding's code): Σ over the city's channels
 * of unserved stores × (our 12-month volume in the channel ÷ its carrying stores ÷ 12), ×
 * 6 months, rounded down to whole cases; a channel without carrying stores adds nothing.
 */
final class GapSourceBounds {

	private GapSourceBounds() {
	}

	/** City id → its new-store bound, largest first. */
	static Map<String, Long> newStores(JdbcTemplate jdbc, String region, String period) {
		YearMonth to = YearMonth.parse(period);
		Map<String, BigDecimal> volume = new HashMap<>();
		jdbc.query("select s.city_id, s.channel_id, sum(s.volume) from market_sales s join market_city c "
				+ "on c.id = s.city_id where c.region_id = ? and s.sales_month between ? and ? "
				+ "group by s.city_id, s.channel_id", rs -> {
					volume.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
				}, region, to.minusMonths(11).toString(), to.toString());
		// each city's bound as a sum of exact fractions (numerator, denominator) over its
		// channels, rounded down once
		Map<String, BigDecimal[]> fractions = new HashMap<>();
		jdbc.query("select s.city_id, s.channel_id, count(*), sum(case when s.carries_product then 1 else 0 end) "
				+ "from market_store s join market_city c on c.id = s.city_id where c.region_id = ? "
				+ "group by s.city_id, s.channel_id", rs -> {
					long stores = rs.getLong(3);
					long carrying = rs.getLong(4);
					BigDecimal sold = volume.getOrDefault(rs.getString(1) + "/" + rs.getString(2), BigDecimal.ZERO);
					if (carrying > 0) {
						BigDecimal[] term = { sold.multiply(BigDecimal.valueOf(6 * (stores - carrying))),
								BigDecimal.valueOf(12 * carrying) };
						fractions.merge(rs.getString(1), term, (a, b) -> new BigDecimal[] {
								a[0].multiply(b[1]).add(b[0].multiply(a[1])), a[1].multiply(b[1]) });
					}
				}, region);
		Map<String, Long> floors = new HashMap<>();
		fractions.forEach((city, f) -> floors.put(city, f[0].divide(f[1], 0, RoundingMode.FLOOR).longValueExact()));
		List<Map.Entry<String, Long>> cities = new ArrayList<>(floors.entrySet());
		cities.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		Map<String, Long> bounds = new LinkedHashMap<>();
		cities.forEach(city -> bounds.put(city.getKey(), city.getValue()));
		return bounds;
	}

	/**
	 * Rows of new stores that cover {@code uplift} within each city's bound, the largest
	 * bound first (the test asserts the bounds cover it).
	 */
	static List<Map<String, Object>> withinBounds(Map<String, Long> bounds, long uplift) {
		List<Map<String, Object>> rows = new ArrayList<>();
		long left = uplift;
		for (Map.Entry<String, Long> city : bounds.entrySet()) {
			if (left == 0) {
				break;
			}
			long stores = Math.min(left, city.getValue());
			rows.add(CycleDriver.source(city.getKey(), 0, stores, 0, 0));
			left -= stores;
		}
		if (left > 0) {
			throw new IllegalStateException("the new-store bounds " + bounds + " do not cover " + uplift);
		}
		return rows;
	}

}
