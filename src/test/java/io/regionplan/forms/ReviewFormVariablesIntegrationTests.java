package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the review tasks of a planning cycle show the regional manager over {@code GET
 * /engine-rest/task/{id}/form-variables}: the data check, the city strategies and the
 * sales team. Every expected value is computed here from the market tables with
 * DOMAIN.md's definitions (and the rule set's parameters: 12 months of sales make an old
 * market, 300 km is the range), not by the code under test.
 */
@IntegrationTest
class ReviewFormVariablesIntegrationTests {

	static final String MANAGER = "wang.east";

	static final String REGION = "east";

	/** city-strategy's {@code range.maxDistanceKm}. */
	static final BigDecimal RANGE_KM = BigDecimal.valueOf(300);

	/** city-strategy's {@code eligible.minMonths}. */
	static final int OLD_MARKET_MONTHS = 12;

	/** city-strategy's {@code threePoints.minAdjacentBaseCamps}. */
	static final int THREE_POINTS_BASE_CAMPS = 2;

	@Autowired
	CycleDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	private Map<String, JsonNode> shown(String cycle, String taskId) {
		return driver.formVariables(cycle, taskId, MANAGER);
	}

	/** The latest month of the region's sales: the data period of a new cycle. */
	private YearMonth latestMonth() {
		return YearMonth.parse(jdbc.queryForObject("select max(s.sales_month) from market_sales s "
				+ "join market_dealer d on d.id = s.dealer_id where d.region_id = ?", String.class, REGION));
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class, REGION);
	}

	private BigDecimal salesBetween(YearMonth from, YearMonth to) {
		return jdbc.queryForObject("select coalesce(sum(s.amount), 0) from market_sales s "
				+ "join market_city c on c.id = s.city_id where c.region_id = ? and s.sales_month between ? and ?",
				BigDecimal.class, REGION, from.toString(), to.toString());
	}

	@Test
	void theDataCheckShowsTheRegionsMarketAsTheTablesHoldIt() {
		String cycle = driver.start(REGION);
		driver.runJobs(cycle);

		Map<String, JsonNode> check = shown(cycle, "Task_DataRefreshCheck");

		YearMonth period = latestMonth();
		long cities = count("select count(*) from market_city where region_id = ?");
		long dealers = count("select count(*) from market_dealer where region_id = ?");
		long stores = count("select count(*) from market_store s join market_city c on c.id = s.city_id "
				+ "where c.region_id = ?");
		long carrying = count("select count(*) from market_store s join market_city c on c.id = s.city_id "
				+ "where c.region_id = ? and s.carries_product");
		// sales of the 12 months up to the period, against the 12 months before
		BigDecimal sales = salesBetween(period.minusMonths(11), period);
		BigDecimal before = salesBetween(period.minusMonths(23), period.minusMonths(12));
		String yoy = sales.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP)
				+ "%";
		// ND = stores carrying ÷ stores, in percent with one decimal
		String nd = BigDecimal.valueOf(carrying * 1000 / stores + ((carrying * 1000 % stores) * 2 >= stores ? 1 : 0))
			.movePointLeft(1) + "%";

		assertThat(check.get("period").asText()).isEqualTo(period.toString());
		assertThat(check.get("marketSummary").asText()).startsWith("数据截至 / data up to " + period + "\n")
			.contains("城市 / cities " + cities + "，经销商 / dealers " + dealers + "，门店 / stores " + stores + "\n")
			.contains("近 12 个月销售额 / sales, last 12 months " + sales.setScale(0, RoundingMode.HALF_UP).toPlainString()
					+ "，同比 / YoY " + yoy + "\n")
			.contains("数值铺货率 / ND " + nd);
		assertThat(cities).as("the demo region has cities").isPositive();
	}

	/**
	 * DOMAIN.md, City strategy: old markets (12 months of sales) by share against the
	 * median share and market size against the median size; a low-share, high-potential
	 * city with two adjacent base camps attacks with three points; the others are new
	 * markets. A city over 300 km away with no adjacent base camp drops one level.
	 */
	@Test
	void theStrategyReviewShowsEachCitysQuadrantAndTheCitiesDroppedByRange() {
		String cycle = driver.start(REGION);
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_DataRefreshCheck", MANAGER, Map.of("dataConfirmed", true));
		driver.complete(cycle, "Task_MarketVisits", MANAGER, CycleDriver.MARKET_VISITS);
		driver.complete(cycle, "Task_Swot", MANAGER, CycleDriver.SWOT);
		driver.runJobs(cycle);

		Map<String, JsonNode> review = shown(cycle, "Task_ReviewStrategy");

		YearMonth period = latestMonth();
		record Market(String id, String name, BigDecimal size, BigDecimal distance, BigDecimal sales, long months) {
		}
		List<Market> markets = jdbc.query(
				"select c.id, c.name_zh, c.market_size, c.distance_km, "
						+ "coalesce(sum(s.amount), 0), count(distinct s.sales_month) from market_city c "
						+ "left join market_sales s on s.city_id = c.id and s.sales_month between ? and ? "
						+ "where c.region_id = ? group by c.id, c.name_zh, c.market_size, c.distance_km order by c.id",
				(rs, n) -> new Market(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getLong(6)),
				period.minusMonths(11).toString(), period.toString(), REGION);
		Map<String, Set<String>> neighbours = new HashMap<>();
		jdbc.query("select city_id, neighbour_id from market_city_adjacency", rs -> {
			neighbours.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
			neighbours.computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getString(1));
		});
		List<Market> old = markets.stream().filter(m -> m.months() >= OLD_MARKET_MONTHS).toList();
		Map<String, BigDecimal> share = old.stream()
			.collect(Collectors.toMap(Market::id, m -> m.sales().divide(m.size(), MathContext.DECIMAL64)));
		BigDecimal medianShare = median(new ArrayList<>(share.values()));
		BigDecimal medianSize = median(old.stream().map(Market::size).collect(Collectors.toList()));

		Map<String, String> strategy = new TreeMap<>();
		for (Market m : old) {
			boolean highShare = share.get(m.id()).compareTo(medianShare) >= 0;
			boolean highPotential = m.size().compareTo(medianSize) >= 0;
			if (highShare) {
				strategy.put(m.id(), highPotential ? "BASE_CAMP" : "MAINTAIN");
			}
			else if (!highPotential) {
				strategy.put(m.id(), "MUSHROOM_PICKING");
			}
		}
		for (Market m : old) {
			if (!strategy.containsKey(m.id())) {
				long baseCamps = baseCampsNextTo(m.id(), neighbours, strategy);
				strategy.put(m.id(), baseCamps >= THREE_POINTS_BASE_CAMPS ? "THREE_POINTS_ATTACK_ONE" : "BREAKTHROUGH");
			}
		}
		markets.stream().filter(m -> m.months() < OLD_MARKET_MONTHS).forEach(m -> strategy.put(m.id(), "NEW_MARKET"));
		List<String> dropped = markets.stream()
			.filter(m -> m.distance().compareTo(RANGE_KM) > 0 && baseCampsNextTo(m.id(), neighbours, strategy) == 0)
			.map(Market::id)
			.toList();
		Map<String, String> names = markets.stream().collect(Collectors.toMap(Market::id, Market::name));
		String byStrategy = strategy.entrySet()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new,
					Collectors.mapping(e -> names.get(e.getKey()), Collectors.joining("、"))))
			.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + e.getValue())
			.collect(Collectors.joining("; "));

		String summary = review.get("cityStrategySummary").asText();
		System.out.printf("east: %d cities, %d old markets, dropped by range %s%n", markets.size(), old.size(),
				dropped);
		assertThat(summary.lines().findFirst()).hasValue(byStrategy);
		assertThat(summary.lines().skip(1).map(line -> line.substring(0, line.indexOf(' '))))
			.as("one line per city, in id order")
			.containsExactlyElementsOf(strategy.keySet());
		assertThat(review.get("citiesRangeDropped").asInt()).isEqualTo(dropped.size());
		assertThat(summary.lines()
			.filter(line -> line.endsWith("（射程降一级 / one level lower by range）"))
			.map(line -> line.substring(0, line.indexOf(' ')))).containsExactlyElementsOf(dropped);
	}

	private static long baseCampsNextTo(String city, Map<String, Set<String>> neighbours,
			Map<String, String> strategy) {
		return neighbours.getOrDefault(city, Set.of())
			.stream()
			.filter(neighbour -> "BASE_CAMP".equals(strategy.get(neighbour)))
			.count();
	}

	/** The middle value, or the mean of the two middle values. */
	private static BigDecimal median(List<BigDecimal> values) {
		values.sort(null);
		int middle = values.size() / 2;
		return values.size() % 2 == 1 ? values.get(middle)
				: values.get(middle - 1).add(values.get(middle)).divide(BigDecimal.valueOf(2));
	}

	/**
	 * The team review shows the region's headcount as imported and, as required, the sum
	 * the cycle holds per city; the cities it lists as short are those with fewer people
	 * than required. (How many each city requires is checked by hand in
	 * CycleRuleTasksIntegrationTests.)
	 */
	@Test
	void theTeamReviewShowsTheHeadcountAsImportedAndTheCellsShortOfPeople() {
		String cycle = driver.start(REGION);
		driver.readMarketAndChooseStrategy(cycle, MANAGER);
		long forecast = shown(cycle, "Task_VolumePlan").get("forecastVolume").asLong();
		driver.complete(cycle, "Task_VolumePlan", MANAGER, Map.of("plannedVolume", forecast));
		driver.runJobs(cycle);

		Map<String, JsonNode> team = shown(cycle, "Task_ReviewTeam");

		long headcount = count("select coalesce(sum(h.headcount), 0) from market_headcount h "
				+ "join market_city c on c.id = h.city_id where c.region_id = ?");
		long required = jdbc.queryForObject(
				"select sum(required_reps) from cycle_team_size where process_instance_id = ?", Long.class, cycle);
		List<String> short_ = jdbc.queryForList(
				"select city_id from cycle_team_size "
						+ "where process_instance_id = ? and required_reps > headcount order by 1",
				String.class, cycle);
		assertThat(team.get("currentReps").asLong()).isEqualTo(headcount);
		assertThat(team.get("requiredReps").asLong()).isEqualTo(required);
		String summary = team.get("teamSizeSummary").asText();
		assertThat(summary).startsWith("需要 / required " + required + "，现有 / now " + headcount);
		assertThat(summary.lines()
			.filter(line -> line.contains(" reps short"))
			.map(line -> line.substring(0, line.indexOf(' ')))
			.sorted()).containsExactlyElementsOf(short_);
		// every city's team, by its Chinese name
		List<String> cityNames = jdbc.queryForList("select name_zh from market_city where region_id = ?", String.class,
				REGION);
		assertThat(summary.lines().filter(line -> line.contains(" required, ")).map(line -> line.split(":")[0]))
			.containsExactlyInAnyOrderElementsOf(cityNames);
	}

	/**
	 * The team review shows the coverage targets the team is sized on: the stores
	 * carrying the product today as the market tables hold them, against the target
	 * stores the cycle holds, then each city (Chinese name) and strategy and each of its
	 * channels with ND, WTD and stores today → target.
	 */
	@Test
	void theTeamReviewShowsTheCoverageTargetsByCityAndChannelInChineseNames() {
		String cycle = driver.start(REGION);
		driver.readMarketAndChooseStrategy(cycle, MANAGER);
		long forecast = shown(cycle, "Task_VolumePlan").get("forecastVolume").asLong();
		driver.complete(cycle, "Task_VolumePlan", MANAGER, Map.of("plannedVolume", forecast));
		driver.runJobs(cycle);

		String summary = shown(cycle, "Task_ReviewTeam").get("coverageTargetSummary").asText();

		long carrying = count("select count(*) from market_store s join market_city c on c.id = s.city_id "
				+ "where c.region_id = ? and s.carries_product");
		long target = jdbc.queryForObject(
				"select sum(target_stores) from cycle_coverage_target where process_instance_id = ?", Long.class,
				cycle);
		assertThat(target).isGreaterThan(carrying);
		assertThat(summary).startsWith(
				String.format("目标门店 / target stores %,d，今天 / today %,d（+%,d）", target, carrying, target - carrying));
		String shanghai = jdbc.queryForObject("select name_zh from market_city where id = 'shanghai'", String.class);
		// convenience, where the demo's stores carry the product least among base-camp
		// channels: it rises (KA is at its 90% cap in 上海)
		String convenience = jdbc.queryForObject("select name_zh from market_channel where id = 'CONVENIENCE'",
				String.class);
		Map<String, Object> shanghaiConvenience = jdbc.queryForMap("select strategy, stores, carrying, target_stores "
				+ "from cycle_coverage_target where process_instance_id = ? and city_id = 'shanghai' "
				+ "and channel_id = 'CONVENIENCE'", cycle);
		assertThat(shanghaiConvenience.get("STRATEGY")).isEqualTo("BASE_CAMP");
		assertThat(((Number) shanghaiConvenience.get("TARGET_STORES")).longValue())
			.isGreaterThan(((Number) shanghaiConvenience.get("CARRYING")).longValue());
		assertThat(summary).contains("\n" + shanghai + " 大本营 / BASE_CAMP\n")
			.containsPattern(
					"\n" + shanghai + " " + convenience + " ND [0-9.]+% → [0-9.]+% · WTD [0-9.]+% → [0-9.]+% · 门店 "
							+ shanghaiConvenience.get("CARRYING") + " → " + shanghaiConvenience.get("TARGET_STORES")
							+ " / " + shanghaiConvenience.get("STORES") + "\n")
			.hasSizeLessThanOrEqualTo(4000)
			.doesNotContain("more lines");
	}

}
