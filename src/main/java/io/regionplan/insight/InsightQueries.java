package io.regionplan.insight;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers of the chart pages, read from a cycle's results and the market data.
 */
@Component
class InsightQueries {

	private final JdbcTemplate jdbc;

	private final MarketMetrics metrics;

	InsightQueries(JdbcTemplate jdbc, MarketMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/** The region's cycles that have rule results, newest first. */
	List<String> cycles(String region) {
		return jdbc.queryForList("select process_instance_id from decision where tenant_id = ? and rule_set = 'city-strategy' "
				+ "and kind = 'EVALUATION' group by process_instance_id order by max(evaluated_at) desc", String.class, region);
	}

	Optional<String> latestCycle(String region) {
		return cycles(region).stream().findFirst();
	}

	record QuadrantCity(String cityId, String name, BigDecimal share, BigDecimal marketSize, String strategy,
			boolean rangeDropped) {
	}

	record Quadrant(String cycle, YearMonth period, BigDecimal medianShare, BigDecimal medianMarketSize,
			List<QuadrantCity> cities) {
	}

	Quadrant quadrant(String region, String cycle, YearMonth period) {
		Map<String, Object[]> strategies = new TreeMap<>();
		jdbc.query("select city_id, strategy, range_dropped from cycle_city_strategy where process_instance_id = ?", rs -> {
			strategies.put(rs.getString(1), new Object[] { rs.getString(2), rs.getBoolean(3) });
		}, cycle);
		List<QuadrantCity> cities = new ArrayList<>();
		List<BigDecimal> shares = new ArrayList<>();
		List<BigDecimal> sizes = new ArrayList<>();
		for (CityMetrics city : metrics.cities(region, period)) {
			Object[] strategy = strategies.getOrDefault(city.cityId(), new Object[] { null, false });
			cities.add(new QuadrantCity(city.cityId(), city.nameZh() + " " + city.nameEn(), city.share(), city.marketSize(),
					(String) strategy[0], (Boolean) strategy[1]));
			if (city.monthsWithSales() >= 12) {
				sizes.add(city.marketSize());
				if (city.share() != null) {
					shares.add(city.share());
				}
			}
		}
		return new Quadrant(cycle, period, median(shares), median(sizes), cities);
	}

	static BigDecimal median(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), java.math.MathContext.DECIMAL64);
	}

	record CityMonth(String cityId, int month, BigDecimal plan, BigDecimal actual) {
	}

	record PlanVsActual(String cycle, int year, List<CityMonth> months, Map<String, BigDecimal> achievement,
			List<String> offTrack) {
	}

	PlanVsActual planVsActual(String region, String cycle, int year) {
		Map<String, Map<YearMonth, BigDecimal>> actual = metrics.cityMonthlyVolumes(region, YearMonth.of(year, 1),
				YearMonth.of(year, 12));
		List<CityMonth> months = new ArrayList<>();
		Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
		jdbc.query("select city_id, plan_month, coalesce(plan_volume, 0) from cycle_city_plan where process_instance_id = ? "
				+ "order by city_id, plan_month", rs -> {
					String city = rs.getString(1);
					int month = rs.getInt(2);
					BigDecimal done = actual.getOrDefault(city, Map.of()).getOrDefault(YearMonth.of(year, month), BigDecimal.ZERO);
					months.add(new CityMonth(city, month, rs.getBigDecimal(3), done));
					BigDecimal[] total = totals.computeIfAbsent(city, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
					if (done.signum() > 0) {
						total[0] = total[0].add(rs.getBigDecimal(3));
						total[1] = total[1].add(done);
					}
				}, cycle);
		Map<String, BigDecimal> achievement = new LinkedHashMap<>();
		totals.forEach((city, total) -> achievement.put(city, total[0].signum() == 0 ? null
				: total[1].divide(total[0], 4, java.math.RoundingMode.HALF_UP)));
		List<String> offTrack = jdbc.queryForList("select distinct subject_id from cycle_review where process_instance_id = ? "
				+ "and subject_type = 'city' and band = 'OFF_TRACK' and quarter = (select max(quarter) from cycle_review "
				+ "where process_instance_id = ?) order by 1", String.class, cycle, cycle);
		return new PlanVsActual(cycle, year, months, achievement, offTrack);
	}

	record TierMix(String cycle, Map<String, Integer> counts) {
	}

	record TierMove(String dealerId, String dealerName, String from, String to) {
	}

	record TierMixChange(TierMix current, TierMix previous, List<TierMove> moves) {
	}

	/** The tiers of {@code cycle} against {@code previous}; {@code names} names the dealers that moved. */
	TierMixChange tierMix(String cycle, String previous, Map<String, String> names) {
		Map<String, String> now = tiers(cycle);
		Map<String, String> before = previous == null ? Map.of() : tiers(previous);
		List<TierMove> moves = new ArrayList<>();
		now.forEach((dealer, tier) -> {
			String was = before.get(dealer);
			if (previous != null && !tier.equals(was)) {
				moves.add(new TierMove(dealer, names.get(dealer), was, tier));
			}
		});
		return new TierMixChange(new TierMix(cycle, counts(now)), previous == null ? null : new TierMix(previous, counts(before)),
				moves);
	}

	private Map<String, String> tiers(String cycle) {
		Map<String, String> tiers = new TreeMap<>();
		jdbc.query("select dealer_id, tier from cycle_dealer_tier where process_instance_id = ?", rs -> {
			tiers.put(rs.getString(1), rs.getString(2));
		}, cycle);
		return tiers;
	}

	private static Map<String, Integer> counts(Map<String, String> tiers) {
		Map<String, Integer> counts = new TreeMap<>(Map.of("A", 0, "B", 0, "C", 0, "D", 0));
		tiers.values().forEach(tier -> counts.merge(tier, 1, Integer::sum));
		return counts;
	}

}
