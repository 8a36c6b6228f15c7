package io.regionplan.market;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the metrics of a region for a period from the market tables: the facts the
 * rule sets receive. Aggregation happens in SQL; every formula is in
 * {@link MarketFormulas}.
 */
@Service
public class MarketMetrics {

	private final JdbcTemplate jdbc;

	MarketMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The last month with sales in the region, the default period. */
	public Optional<YearMonth> latestMonth(String region) {
		// each dealer's last month from the end of the (dealer, month) index, not a scan
		// of the region's sales
		String month = jdbc.queryForObject("select max(m) from (select (select s.sales_month from market_sales s "
				+ "where s.dealer_id = d.id order by s.dealer_id desc, s.sales_month desc fetch first row only) m "
				+ "from market_dealer d where d.region_id = ?) last_months", String.class, region);
		return Optional.ofNullable(month).map(YearMonth::parse);
	}

	public List<CityMetrics> cities(String region, YearMonth period) {
		SalesWindow window = new SalesWindow(period);
		Map<String, BigDecimal[]> sales = new HashMap<>();
		jdbc.query("select s.city_id, " + "sum(case when s.sales_month between ? and ? then s.amount else 0 end), "
				+ "sum(case when s.sales_month between ? and ? then s.amount else 0 end), "
				+ "sum(case when s.sales_month between ? and ? then s.volume else 0 end), "
				+ "count(distinct case when s.sales_month between ? and ? then s.sales_month end) "
				+ "from market_sales s join market_city c on c.id = s.city_id where c.region_id = ? group by s.city_id",
				rs -> {
					sales.put(rs.getString(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3),
							rs.getBigDecimal(4), BigDecimal.valueOf(rs.getLong(5)) });
				}, window.from, window.to, window.previousFrom, window.previousTo, window.yearStart, window.to,
				window.from, window.to, region);
		Map<String, Map<String, BigDecimal>> targets = new HashMap<>();
		jdbc.query(
				"select t.city_id, t.target_period, t.volume from market_target t join market_city c on c.id = t.city_id "
						+ "where c.region_id = ? and t.target_period like ?",
				rs -> {
					targets.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
						.put(rs.getString(2), rs.getBigDecimal(3));
				}, region, period.getYear() + "%");
		Map<String, List<String>> neighbours = neighbours(region);
		return jdbc.query("select id, region_id, name_zh, name_en, tier, population, market_size, distance_km "
				+ "from market_city where region_id = ? order by id", (rs, n) -> {
					String city = rs.getString(1);
					BigDecimal[] s = sales.getOrDefault(city,
							new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
					BigDecimal target = targetToDate(targets.getOrDefault(city, Map.of()), period);
					BigDecimal marketSize = rs.getBigDecimal(7);
					return new CityMetrics(city, rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
							rs.getLong(6), marketSize, rs.getBigDecimal(8), s[0], s[1],
							MarketFormulas.growth(s[0], s[1]), MarketFormulas.share(s[0], marketSize), s[2], target,
							MarketFormulas.achievement(s[2], target), neighbours.getOrDefault(city, List.of()),
							s[3].intValue());
				}, region);
	}

	/**
	 * Monthly targets of the year up to the period if any are given, else the year's
	 * target pro rata.
	 */
	static BigDecimal targetToDate(Map<String, BigDecimal> targets, YearMonth period) {
		BigDecimal monthly = BigDecimal.ZERO;
		boolean anyMonthly = false;
		for (int m = 1; m <= period.getMonthValue(); m++) {
			BigDecimal target = targets.get(YearMonth.of(period.getYear(), m).toString());
			if (target != null) {
				monthly = monthly.add(target);
				anyMonthly = true;
			}
		}
		if (anyMonthly) {
			return monthly;
		}
		BigDecimal year = targets.get(String.valueOf(period.getYear()));
		return year == null ? null : MarketFormulas.proRata(year, period.getMonthValue());
	}

	private Map<String, List<String>> neighbours(String region) {
		Map<String, List<String>> neighbours = new TreeMap<>();
		jdbc.query(
				"select a.city_id, a.neighbour_id from market_city_adjacency a join market_city c on c.id = a.city_id "
						+ "where c.region_id = ? union select a.neighbour_id, a.city_id from market_city_adjacency a "
						+ "join market_city c on c.id = a.neighbour_id where c.region_id = ? order by 1, 2",
				rs -> {
					neighbours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				}, region, region);
		return neighbours;
	}

	/** Volume per city and month, for the months from {@code from} to {@code to}. */
	public Map<String, Map<YearMonth, BigDecimal>> cityMonthlyVolumes(String region, YearMonth from, YearMonth to) {
		Map<String, Map<YearMonth, BigDecimal>> volumes = new TreeMap<>();
		jdbc.query(
				"select s.city_id, s.sales_month, sum(s.volume) from market_sales s join market_city c on c.id = s.city_id "
						+ "where c.region_id = ? and s.sales_month between ? and ? group by s.city_id, s.sales_month",
				rs -> {
					volumes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
						.put(YearMonth.parse(rs.getString(2).strip()), rs.getBigDecimal(3));
				}, region, from.toString(), to.toString());
		return volumes;
	}

	/** Volume per dealer and month, for the months from {@code from} to {@code to}. */
	public Map<String, Map<YearMonth, BigDecimal>> dealerMonthlyVolumes(String region, YearMonth from, YearMonth to) {
		Map<String, Map<YearMonth, BigDecimal>> volumes = new TreeMap<>();
		jdbc.query("select s.dealer_id, s.sales_month, sum(s.volume) from market_sales s join market_dealer d "
				+ "on d.id = s.dealer_id where d.region_id = ? and s.sales_month between ? and ? "
				+ "group by s.dealer_id, s.sales_month", rs -> {
					volumes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
						.put(YearMonth.parse(rs.getString(2).strip()), rs.getBigDecimal(3));
				}, region, from.toString(), to.toString());
		return volumes;
	}

	/**
	 * Trailing-12-month sales per city × channel ("city/channel"), and the reps covering
	 * each now.
	 */
	public record ChannelTeam(String cityId, String channelId, BigDecimal sales, int headcount) {
	}

	public List<ChannelTeam> channelTeams(String region, YearMonth period) {
		SalesWindow window = new SalesWindow(period);
		Map<String, BigDecimal> sales = new HashMap<>();
		jdbc.query(
				"select s.city_id, s.channel_id, sum(s.amount) from market_sales s join market_city c on c.id = s.city_id "
						+ "where c.region_id = ? and s.sales_month between ? and ? group by s.city_id, s.channel_id",
				rs -> {
					sales.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
				}, region, window.from, window.to);
		return jdbc
			.query("select c.id, ch.id, coalesce(h.headcount, 0) from market_city c cross join market_channel ch "
					+ "left join market_headcount h on h.city_id = c.id and h.channel_id = ch.id where c.region_id = ? "
					+ "order by c.id, ch.id",
					(rs, n) -> new ChannelTeam(rs.getString(1), rs.getString(2),
							sales.getOrDefault(rs.getString(1) + "/" + rs.getString(2), BigDecimal.ZERO), rs.getInt(3)),
					region);
	}

	/**
	 * A store investment of a year: what was spent on the store and the extra gross
	 * profit it brought.
	 */
	public record StoreSpend(String storeId, String cityId, BigDecimal spend, BigDecimal incrementalProfit) {
	}

	public List<StoreSpend> storeInvestments(String region, int year) {
		return jdbc.query(
				"select s.store_id, s.city_id, sum(s.amount), coalesce(sum(s.incremental_profit), 0) from market_spend s "
						+ "join market_city c on c.id = s.city_id where c.region_id = ? and s.store_id is not null "
						+ "and s.spend_month like ? group by s.store_id, s.city_id order by 1",
				(rs, n) -> new StoreSpend(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
				region, year + "-%");
	}

	/** Actual spending per city for the months from {@code from} to {@code to}. */
	public Map<String, BigDecimal> citySpend(String region, YearMonth from, YearMonth to) {
		Map<String, BigDecimal> spend = new TreeMap<>();
		jdbc.query("select s.city_id, sum(s.amount) from market_spend s join market_city c on c.id = s.city_id "
				+ "where c.region_id = ? and s.spend_month between ? and ? group by s.city_id", rs -> {
					spend.put(rs.getString(1), rs.getBigDecimal(2));
				}, region, from.toString(), to.toString());
		return spend;
	}

	/**
	 * The cities each dealer of the region serves (from dealer coverage), dealers in id
	 * order.
	 */
	public Map<String, List<String>> dealerCities(String region) {
		Map<String, List<String>> cities = new TreeMap<>();
		jdbc.query("select distinct c.dealer_id, c.city_id from market_dealer_coverage c join market_dealer d "
				+ "on d.id = c.dealer_id where d.region_id = ? order by 1, 2", rs -> {
					cities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				}, region);
		return cities;
	}

	public List<ChannelMetrics> channels(String region) {
		return jdbc.query("select c.id, ch.id, count(s.id), "
				+ "coalesce(sum(case when s.carries_product then 1 else 0 end), 0), "
				+ "coalesce(sum(case when s.carries_product then s.category_sales else 0 end), 0), "
				+ "coalesce(sum(s.category_sales), 0) " + "from market_city c cross join market_channel ch "
				+ "left join market_store s on s.city_id = c.id and s.channel_id = ch.id "
				+ "where c.region_id = ? group by c.id, ch.id order by c.id, ch.id", (rs, n) -> {
					long stores = rs.getLong(3);
					long carrying = rs.getLong(4);
					return new ChannelMetrics(rs.getString(1), rs.getString(2), stores, carrying,
							MarketFormulas.numericDistribution(carrying, stores),
							MarketFormulas.weightedDistribution(rs.getBigDecimal(5), rs.getBigDecimal(6)),
							rs.getBigDecimal(6).subtract(rs.getBigDecimal(5)));
				}, region);
	}

	public List<DealerMetrics> dealers(String region, YearMonth period) {
		SalesWindow window = new SalesWindow(period);
		Map<String, BigDecimal[]> sales = new HashMap<>();
		jdbc.query("select s.dealer_id, " + "sum(case when s.sales_month between ? and ? then s.amount else 0 end), "
				+ "sum(case when s.sales_month between ? and ? then s.amount else 0 end) "
				+ "from market_sales s join market_dealer d on d.id = s.dealer_id "
				+ "where d.region_id = ? and s.sales_month between ? and ? group by s.dealer_id", rs -> {
					sales.put(rs.getString(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
				}, window.from, window.to, window.previousFrom, window.previousTo, region, window.previousFrom,
				window.to);
		Map<String, Long> served = new HashMap<>();
		jdbc.query("select s.dealer_id, count(*) from market_store s join market_dealer d on d.id = s.dealer_id "
				+ "where d.region_id = ? group by s.dealer_id", rs -> {
					served.put(rs.getString(1), rs.getLong(2));
				}, region);
		List<DealerMetrics> dealers = jdbc.query("select id, region_id, name, target_stores, overdue_days, "
				+ "cross_region_incidents, compliance_score, receivables from market_dealer where region_id = ? order by id",
				(rs, n) -> {
					String dealer = rs.getString(1);
					BigDecimal[] s = sales.getOrDefault(dealer, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
					long target = rs.getLong(4);
					long servedStores = served.getOrDefault(dealer, 0L);
					return new DealerMetrics(dealer, rs.getString(2), rs.getString(3), s[0], s[1],
							MarketFormulas.growth(s[0], s[1]), null, servedStores, target,
							MarketFormulas.coverage(servedStores, target), rs.getInt(5), rs.getInt(6),
							rs.getBigDecimal(7), rs.getBigDecimal(8));
				}, region);
		return DealerRanking.withPercentiles(dealers);
	}

}
