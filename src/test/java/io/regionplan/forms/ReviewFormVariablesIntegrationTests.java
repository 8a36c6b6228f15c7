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

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

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
	 * markets. A city over 300 km away with no adjacent base camp drops one level. An old
	 * market within 10% of the median share or the median size is borderline, listed for
	 * the manager to confirm.
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
		// borderline: an old market within 10% of the median share or the median market
		// size (relative to the median), for the manager to confirm
		List<String> borderline = old.stream()
			.filter(m -> near(share.get(m.id()), medianShare) || near(m.size(), medianSize))
			.map(Market::id)
			.toList();
		System.out.printf("east: borderline %s (median share %s, median size %s)%n", borderline, medianShare,
				medianSize);
		assertThat(review.get("borderlineCityCount").asInt()).isEqualTo(borderline.size());
		assertThat(review.get("borderlineCities").asText().lines().map(line -> line.substring(0, line.indexOf(' '))))
			.containsExactlyElementsOf(borderline.isEmpty() ? List.of("无") : borderline);
		borderline.forEach(city -> assertThat(review.get("borderlineCities").asText())
			.contains(city + " " + names.get(city) + " " + strategy.get(city) + " — 象限临界："));
		assertThat(summary.lines()
			.filter(line -> line.contains("；象限临界："))
			.map(line -> line.substring(0, line.indexOf(' ')))).containsExactlyElementsOf(borderline);
		assertThat(summary.lines()
			.filter(line -> line.endsWith("（射程降一级 / one level lower by range）"))
			.map(line -> line.substring(0, line.indexOf(' ')))).containsExactlyElementsOf(dropped);
	}

	/** city-strategy's {@code borderline.band}: |value − median| ≤ 10% of the median. */
	private static boolean near(BigDecimal value, BigDecimal median) {
		return median.signum() > 0
				&& value.subtract(median).abs().compareTo(median.multiply(new BigDecimal("0.10"))) <= 0;
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

	/**
	 * The tier review shows the money by city and purpose in 万元 with the cities' Chinese
	 * names, and the reps of a headcount budget by city: to the cities team-sizing found
	 * short, the largest shortfall first (of two equally short the larger market, then
	 * the id), each up to its shortfall. The budget of 10,000,000 less the reserve of 10%
	 * is 9,000,000: 50% dealer support, 25% store investment, 15% promotion, 10% team.
	 */
	@Test
	void theTierReviewShowsMoneyByCityAndPurposeAndRepsToTheCitiesShortOfThem() {
		String cycle = driver.start(REGION);
		runtime.setVariable(cycle, "headcountBudget", 9);
		driver.readMarketAndChooseStrategy(cycle, MANAGER);
		driver.planAsForecast(cycle, MANAGER);
		driver.reviewTeam(cycle, MANAGER);

		Map<String, JsonNode> review = shown(cycle, "Task_ReviewDealersAndResources");

		Map<String, String> names = new HashMap<>();
		jdbc.query("select id, name_zh from market_city where region_id = ?", rs -> {
			names.put(rs.getString(1), rs.getString(2));
		}, REGION);
		List<String> money = review.get("moneyByCityAndPurpose").asText().lines().toList();
		assertThat(money.get(0)).isEqualTo("合计 / total: 900.0 万元 — 经销商支持 / dealer support 450.0 万元 · "
				+ "门店投入 / store investment 225.0 万元 · 促销 / promotion 135.0 万元 · 团队 / team 90.0 万元");
		assertThat(money).as("the total, then every city of the region").hasSize(1 + names.size());
		assertThat(money.subList(1, money.size())).allSatisfy(line -> {
			String id = line.substring(line.indexOf(' ') + 1, line.indexOf(':'));
			assertThat(line).startsWith(names.get(id) + " " + id + ": ")
				.contains("经销商支持 / dealer support ")
				.contains("门店投入 / store investment ")
				.contains("促销 / promotion ")
				.endsWith(" 万元");
		});

		record Team(String city, int shortfall, BigDecimal marketSize) {
		}
		List<Team> short_ = new ArrayList<>(jdbc.query(
				"select t.city_id, t.required_reps - t.headcount, c.market_size from cycle_team_size t "
						+ "join market_city c on c.id = t.city_id where t.process_instance_id = ? "
						+ "and t.required_reps > t.headcount",
				(rs, n) -> new Team(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)), cycle));
		short_.sort(java.util.Comparator.comparingInt(Team::shortfall)
			.reversed()
			.thenComparing(Team::marketSize, java.util.Comparator.reverseOrder())
			.thenComparing(Team::city));
		List<String> expected = new ArrayList<>();
		int left = 9;
		for (Team team : short_) {
			int given = Math.min(left, team.shortfall());
			left -= given;
			expected.add(names.get(team.city()) + " " + team.city() + ": " + given + " 人 / reps — 缺 " + team.shortfall()
					+ " 人");
		}
		if (left > 0) {
			expected.add("区域统筹 / region: " + left + " 人 / reps — ");
		}
		System.out.println("east people: " + review.get("peopleByCity").asText());
		List<String> people = review.get("peopleByCity").asText().lines().toList();
		assertThat(people).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(people.get(i)).startsWith(expected.get(i));
		}
	}

}
