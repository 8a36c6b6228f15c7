package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.regionplan.IntegrationTest;
import io.regionplan.market.demo.DemoMarket;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cycle's rule tasks on the demo regions: the deliberate cases of the demo data get
 * the expected results, and the results are stored per cycle.
 */
@IntegrationTest
class CycleRuleTasksIntegrationTests {

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	private static String eastCycle;

	private static String southCycle;

	@BeforeEach
	void runOneCyclePerRegion() {
		if (eastCycle == null) {
			eastCycle = driver.runPlanning("east", "wang.east");
			southCycle = driver.runPlanning("south", "li.south");
		}
	}

	private String tier(String cycle, String dealer) {
		return jdbc.queryForObject("select tier from cycle_dealer_tier where process_instance_id = ? and dealer_id = ?",
				String.class, cycle, dealer);
	}

	private String strategy(String cycle, String city) {
		return jdbc.queryForObject(
				"select strategy from cycle_city_strategy where process_instance_id = ? and city_id = ?", String.class,
				cycle, city);
	}

	@Test
	void approvedCycleWaitsForItsFirstMonthAfterTheRuleTasks() {
		assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(eastCycle).singleResult()).isNotNull();
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(eastCycle)
			.activityType("businessRuleTask")
			.list()).extracting(a -> a.getActivityId())
			.containsExactlyInAnyOrder("Task_CityStrategy", "Task_VolumeGap", "Task_DistributePlan",
					"Task_CoverageTargets", "Task_TeamSizing", "Task_DealerClassification", "Task_ResourceAllocation");
	}

	@Test
	void deliberateDealersGetTheirTiers() {
		assertThat(tier(eastCycle, DemoMarket.OVERDUE_DEALER)).isEqualTo("D");
		assertThat(tier(eastCycle, DemoMarket.DECLINING_DEALER)).isEqualTo("D");
		assertThat(tier(southCycle, DemoMarket.CROSS_REGION_DEALER)).isEqualTo("D");
		assertThat(tier(eastCycle, DemoMarket.CORE_DEALER)).isEqualTo("A");
		assertThat(jdbc.queryForObject(
				"select flags from cycle_dealer_tier where process_instance_id = ? and dealer_id = ?", String.class,
				eastCycle, DemoMarket.OVERDUE_DEALER))
			.contains("OVERDUE");
		assertThat(jdbc.queryForObject(
				"select reason_en from cycle_dealer_tier where process_instance_id = ? and dealer_id = ?", String.class,
				eastCycle, DemoMarket.OVERDUE_DEALER))
			.isEqualTo("D: overdue 104 days > 90");
	}

	@Test
	void lowShareCityBesideTwoBaseCampsIsThreePointsAttackOne() {
		DemoMarket.THREE_POINTS_BASE_CAMPS
			.forEach(city -> assertThat(strategy(eastCycle, city)).isEqualTo("BASE_CAMP"));
		assertThat(strategy(eastCycle, DemoMarket.THREE_POINTS_CITY)).isEqualTo("THREE_POINTS_ATTACK_ONE");
	}

	@Test
	void farCityWithoutAdjacentBaseCampDropsOneLevel() {
		Map<String, Object> wenzhou = jdbc.queryForMap(
				"select range_dropped, priority, strategy from cycle_city_strategy where process_instance_id = ? and city_id = 'wenzhou'",
				eastCycle);

		assertThat(wenzhou.get("RANGE_DROPPED")).isEqualTo(true);
		// one level lower: the priority of its strategy in
		// rules/city-strategy/parameters.properties
		// (BASE_CAMP 1 … MUSHROOM_PICKING 5, NEW_MARKET 6) plus one
		Map<String, Integer> priorities = Map.of("BASE_CAMP", 1, "THREE_POINTS_ATTACK_ONE", 2, "BREAKTHROUGH", 3,
				"MAINTAIN", 4, "MUSHROOM_PICKING", 5, "NEW_MARKET", 6);
		assertThat(((Number) wenzhou.get("PRIORITY")).intValue())
			.isEqualTo(priorities.get((String) wenzhou.get("STRATEGY")) + 1);
	}

	/**
	 * 温州 is beyond range (above): its money weight is strategy weight × market size × 0.8
	 * (rules/resource-allocation/parameters.properties).
	 */
	@Test
	void aCityBeyondRangeHasItsMoneyWeightLoweredByAFifth() {
		Map<String, Object> wenzhou = jdbc.queryForMap("select s.strategy, c.market_size from cycle_city_strategy s "
				+ "join market_city c on c.id = s.city_id where s.process_instance_id = ? and s.city_id = 'wenzhou'",
				eastCycle);
		Map<String, BigDecimal> weights = Map.of("BASE_CAMP", new BigDecimal("1.0"), "THREE_POINTS_ATTACK_ONE",
				new BigDecimal("1.2"), "BREAKTHROUGH", new BigDecimal("1.5"), "MAINTAIN", new BigDecimal("0.6"),
				"MUSHROOM_PICKING", new BigDecimal("0.3"), "NEW_MARKET", new BigDecimal("0.3"));
		BigDecimal weight = weights.get((String) wenzhou.get("STRATEGY"))
			.multiply(new BigDecimal(wenzhou.get("MARKET_SIZE").toString()))
			.multiply(new BigDecimal("0.8"));

		assertThat(jdbc.queryForObject(
				"select reason_en from cycle_allocation where process_instance_id = ? "
						+ "and resource = 'money' and subject_type = 'city' and subject_id = 'wenzhou'",
				String.class, eastCycle))
			.startsWith("city weight " + weight.stripTrailingZeros().toPlainString() + " of total ");
	}

	@Test
	void everyDealerAndCityHasOneResultAndAllocationsAddUpToTheBudget() {
		assertThat(jdbc.queryForObject("select count(*) from cycle_dealer_tier where process_instance_id = ?",
				Integer.class, eastCycle))
			.isEqualTo(150);
		assertThat(jdbc.queryForObject("select count(*) from cycle_city_strategy where process_instance_id = ?",
				Integer.class, eastCycle))
			.as("twelve old markets and the new market 镇江 (DemoMarket case g)")
			.isEqualTo(13);
		// the reserve and the money per city and purpose add up to the budget; a city's
		// dealer support is what its dealers and its pool get
		BigDecimal reserveAndPurposes = jdbc.queryForObject(
				"select (select sum(amount) from cycle_allocation "
						+ "where process_instance_id = ? and resource = 'money' and subject_type = 'reserve') + "
						+ "(select sum(amount) from cycle_city_money where process_instance_id = ?)",
				BigDecimal.class, eastCycle, eastCycle);
		assertThat(reserveAndPurposes).isEqualByComparingTo("10000000");
		BigDecimal total = jdbc.queryForObject("select (select sum(amount) from cycle_allocation "
				+ "where process_instance_id = ? and resource = 'money' and subject_type in ('reserve', 'dealer', "
				+ "'city-pool')) + (select sum(amount) from cycle_city_money where process_instance_id = ? "
				+ "and purpose <> 'DEALER_SUPPORT')", BigDecimal.class, eastCycle, eastCycle);
		assertThat(total).isEqualByComparingTo("10000000");
		assertThat(jdbc.queryForList("select m.city_id from cycle_city_money m where m.process_instance_id = ? "
				+ "and m.purpose = 'DEALER_SUPPORT' and m.amount <> (select coalesce(sum(a.amount), 0) from "
				+ "cycle_allocation a where a.process_instance_id = m.process_instance_id and a.resource = 'money' "
				+ "and a.city_id = m.city_id and a.subject_type in ('dealer', 'city-pool'))", String.class, eastCycle))
			.as("cities whose dealer support is not their dealers' and pool's money")
			.isEmpty();
		// each city's money: 50% dealer support, 25% store investment, 15% promotion, 10%
		// team (DOMAIN, second set), to the cent as rounded
		Map<String, BigDecimal> shares = Map.of("DEALER_SUPPORT", new BigDecimal("0.50"), "STORE_INVESTMENT",
				new BigDecimal("0.25"), "PROMOTION", new BigDecimal("0.15"), "TEAM", new BigDecimal("0.10"));
		for (Map<String, Object> row : jdbc.queryForList("select m.purpose, m.amount, a.amount city from "
				+ "cycle_city_money m join cycle_allocation a on a.process_instance_id = m.process_instance_id "
				+ "and a.resource = 'money' and a.subject_type = 'city' and a.subject_id = m.city_id "
				+ "where m.process_instance_id = ?", eastCycle)) {
			BigDecimal expected = ((BigDecimal) row.get("CITY")).multiply(shares.get((String) row.get("PURPOSE")));
			assertThat(((BigDecimal) row.get("AMOUNT")).subtract(expected).abs()).as(row.toString())
				.isLessThanOrEqualTo(new BigDecimal("0.05"));
		}
		// the reserve is exactly 10% of the budget of 10,000,000 (DOMAIN, second set)
		assertThat(jdbc.queryForObject("select amount from cycle_allocation where process_instance_id = ? "
				+ "and resource = 'money' and subject_type = 'reserve'", BigDecimal.class, eastCycle))
			.isEqualByComparingTo("1000000");
		assertThat(jdbc.queryForObject(
				"select sum(amount) from cycle_allocation where process_instance_id = ? "
						+ "and subject_type = 'dealer' and subject_id = ?",
				BigDecimal.class, eastCycle, DemoMarket.OVERDUE_DEALER))
			.isEqualByComparingTo("0");
	}

	/**
	 * DOMAIN (second set, Coverage targets) and
	 * rules/coverage-targets/parameters.properties, computed here from the market's
	 * stores: a base camp's KA, supermarket and convenience rise 5 ND points, at most to
	 * 90%, its other channels hold; 南通 (three points attack one) rises 8 points in every
	 * channel, and its reason names the adjacent base camps 上海 and 苏州. Target stores =
	 * ⌈ND target × stores⌉, counted from the stores carrying today. Every city × channel
	 * with stores has its target.
	 */
	@Test
	void coverageTargetsRaiseEachCitysChannelsByItsStrategy() {
		Map<String, String> strategies = new java.util.HashMap<>();
		jdbc.query("select city_id, strategy from cycle_city_strategy where process_instance_id = ?", rs -> {
			strategies.put(rs.getString(1), rs.getString(2));
		}, eastCycle);
		List<Map<String, Object>> cells = jdbc.queryForList("select s.city_id, s.channel_id, count(*) stores, "
				+ "sum(case when s.carries_product then 1 else 0 end) carrying from market_store s "
				+ "join market_city c on c.id = s.city_id where c.region_id = 'east' group by s.city_id, s.channel_id");
		int checked = 0;
		for (Map<String, Object> cell : cells) {
			String city = (String) cell.get("CITY_ID");
			String channel = (String) cell.get("CHANNEL_ID");
			String strategy = strategies.get(city);
			BigDecimal[] pointsAndCap = switch (strategy) {
				case "BASE_CAMP" -> List.of("KA", "SUPERMARKET", "CONVENIENCE").contains(channel)
						? decimals("0.05", "0.90") : decimals("0", "1");
				case "THREE_POINTS_ATTACK_ONE" -> decimals("0.08", "1");
				default -> null;
			};
			if (pointsAndCap == null) {
				continue;
			}
			long stores = ((Number) cell.get("STORES")).longValue();
			long carrying = ((Number) cell.get("CARRYING")).longValue();
			BigDecimal cap = pointsAndCap[1].multiply(BigDecimal.valueOf(stores));
			long expected = BigDecimal.valueOf(carrying).compareTo(cap) >= 0 ? carrying
					: BigDecimal.valueOf(carrying)
						.add(pointsAndCap[0].multiply(BigDecimal.valueOf(stores)))
						.min(cap)
						.setScale(0, RoundingMode.CEILING)
						.longValueExact();
			assertThat(jdbc.queryForObject(
					"select target_stores from cycle_coverage_target where "
							+ "process_instance_id = ? and city_id = ? and channel_id = ?",
					Long.class, eastCycle, city, channel))
				.as("%s %s %s: %d of %d carrying", city, channel, strategy, carrying, stores)
				.isEqualTo(expected);
			checked++;
		}
		assertThat(checked).as("base camps and 南通 checked").isGreaterThan(10);
		assertThat(jdbc.queryForObject("select count(*) from cycle_coverage_target where process_instance_id = ?",
				Integer.class, eastCycle))
			.as("one target per city × channel with stores")
			.isEqualTo(cells.size());
		List<String> baseCamps = DemoMarket.THREE_POINTS_BASE_CAMPS.stream()
			.map(city -> jdbc.queryForObject("select name_zh from market_city where id = ?", String.class, city))
			.toList();
		assertThat(jdbc.queryForList(
				"select reason_zh from cycle_coverage_target where process_instance_id = ? " + "and city_id = ?",
				String.class, eastCycle, DemoMarket.THREE_POINTS_CITY))
			.isNotEmpty()
			.allSatisfy(reason -> assertThat(reason).startsWith("三点攻一点：由相邻大本营（").contains(baseCamps));
	}

	@Test
	void teamSizingVisitsTheTargetStoresRoundsOncePerCityAndDoesNotVisitECommerce() {
		Map<String, Object> shanghai = jdbc
			.queryForMap("select required_reps, headcount, reason_en from cycle_team_size where "
					+ "process_instance_id = ? and city_id = 'shanghai' and channel_id = '*'", eastCycle);
		// DOMAIN (second set, Team) and the parameters: the coverage target's stores ×
		// visits a month per channel; e-commerce 0
		Map<String, BigDecimal> visitsPerStore = Map.of("KA", new BigDecimal("8"), "SUPERMARKET", new BigDecimal("4"),
				"CONVENIENCE", new BigDecimal("2"), "TRADITIONAL", new BigDecimal("2"), "CATERING", new BigDecimal("2"),
				"ECOMMERCE", BigDecimal.ZERO);
		BigDecimal visits = BigDecimal.ZERO;
		long targetStores = 0;
		for (Map<String, Object> channel : jdbc.queryForList("select channel_id, target_stores from "
				+ "cycle_coverage_target where process_instance_id = ? and city_id = 'shanghai'", eastCycle)) {
			long stores = ((Number) channel.get("TARGET_STORES")).longValue();
			targetStores += stores;
			visits = visits.add(BigDecimal.valueOf(stores)
				.multiply(visitsPerStore.getOrDefault((String) channel.get("CHANNEL_ID"), new BigDecimal("2"))));
		}
		int headcount = jdbc.queryForObject(
				"select coalesce(sum(headcount), 0) from market_headcount where city_id = 'shanghai'", Integer.class);

		// ⌈visits ÷ (8 visits a day × 22 days)⌉, once for the city
		int required = visits.divide(new BigDecimal("176"), 0, RoundingMode.CEILING).intValueExact();
		assertThat(targetStores).as("shanghai has coverage targets").isPositive();
		assertThat(shanghai.get("REQUIRED_REPS")).as("%s visits a month", visits).isEqualTo(required);
		assertThat(shanghai.get("HEADCOUNT")).isEqualTo(headcount);
		assertThat((String) shanghai.get("REASON_EN")).isEqualTo(targetStores + " target stores, "
				+ visits.toPlainString() + " visits a month ÷ (8 × 22) = " + required + " reps, " + headcount + " now");
		assertThat(jdbc.queryForList("select channel_id from cycle_team_size where process_instance_id = ?",
				String.class, eastCycle))
			.as("one row per city of east (the new market 镇江 too), for all its channels")
			.hasSize(13)
			.containsOnly("*");
	}

	private static BigDecimal[] decimals(String points, String cap) {
		return new BigDecimal[] { new BigDecimal(points), new BigDecimal(cap) };
	}

	/**
	 * DOMAIN (second set, Plan split): each city's plan is the plan × its forecast × its
	 * strategy's uplift ÷ the sum of those (the plan is the forecast here, so there are
	 * no sources), each month the city's plan × last year's share of the month (the
	 * region's for a city without sales in all 12 months); rounding by largest remainder
	 * moves a cell by less than one case, and the whole adds up to the plan exactly.
	 */
	@Test
	void thePlanIsSplitByStrategyAndLastYearsSeasonAndAddsUpExactly() {
		long plan = ((Number) runtime.getVariable(eastCycle, "finalPlanVolume")).longValue();
		Map<String, BigDecimal> uplift = Map.of("BASE_CAMP", new BigDecimal("1.05"), "BREAKTHROUGH",
				new BigDecimal("1.15"), "THREE_POINTS_ATTACK_ONE", new BigDecimal("1.10"), "MUSHROOM_PICKING",
				new BigDecimal("1.03"), "MAINTAIN", BigDecimal.ONE, "NEW_MARKET", BigDecimal.ONE);
		Map<String, BigDecimal> weights = new java.util.TreeMap<>();
		jdbc.query("select p.city_id, sum(p.forecast_volume), max(s.strategy) from cycle_city_plan p "
				+ "join cycle_city_strategy s on s.process_instance_id = p.process_instance_id and s.city_id = p.city_id "
				+ "where p.process_instance_id = ? group by p.city_id", rs -> {
					weights.put(rs.getString(1),
							rs.getBigDecimal(2)
								.setScale(0, RoundingMode.HALF_UP)
								.multiply(uplift.get(rs.getString(3))));
				}, eastCycle);
		BigDecimal totalWeight = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		Map<String, BigDecimal[]> lastYear = new java.util.TreeMap<>();
		jdbc.query("select s.city_id, s.sales_month, sum(s.volume) from market_sales s join market_city c "
				+ "on c.id = s.city_id where c.region_id = 'east' and s.sales_month between '2025-11' and '2026-10' "
				+ "group by s.city_id, s.sales_month", rs -> {
					lastYear.computeIfAbsent(rs.getString(1),
							c -> zeros())[Integer.parseInt(rs.getString(2).strip().substring(5)) - 1] = rs
								.getBigDecimal(3);
				});
		BigDecimal[] region = zeros();
		lastYear.values()
			.stream()
			.filter(months -> java.util.Arrays.stream(months).allMatch(v -> v.signum() > 0))
			.forEach(months -> {
				for (int m = 0; m < 12; m++) {
					region[m] = region[m].add(months[m]);
				}
			});
		Map<String, List<BigDecimal>> cells = new java.util.TreeMap<>();
		jdbc.query("select city_id, plan_volume from cycle_city_plan where process_instance_id = ? "
				+ "order by city_id, plan_month", rs -> {
					cells.computeIfAbsent(rs.getString(1), c -> new java.util.ArrayList<>()).add(rs.getBigDecimal(2));
				}, eastCycle);

		// twelve old markets and the new market 镇江, which has no forecast: 0 in every
		// month
		assertThat(cells).hasSize(13)
			.allSatisfy((city, months) -> assertThat(months).hasSize(12)
				.allSatisfy(cell -> assertThat(cell.stripTrailingZeros().scale()).as("whole cases")
					.isLessThanOrEqualTo(0)));
		assertThat(cells.values().stream().flatMap(List::stream).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(BigDecimal.valueOf(plan));
		cells.forEach((city, months) -> {
			BigDecimal cityPlan = months.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal exact = BigDecimal.valueOf(plan)
				.multiply(weights.get(city))
				.divide(totalWeight, 6, RoundingMode.HALF_UP);
			assertThat(cityPlan.subtract(exact).abs()).as(city).isLessThan(BigDecimal.ONE);
			BigDecimal[] own = lastYear.getOrDefault(city, zeros());
			BigDecimal[] season = java.util.Arrays.stream(own).allMatch(v -> v.signum() > 0) ? own : region;
			BigDecimal seasonTotal = java.util.Arrays.stream(season).reduce(BigDecimal.ZERO, BigDecimal::add);
			for (int m = 0; m < 12; m++) {
				BigDecimal month = cityPlan.multiply(season[m]).divide(seasonTotal, 6, RoundingMode.HALF_UP);
				assertThat(months.get(m).subtract(month).abs()).as(city + " month " + (m + 1))
					.isLessThan(BigDecimal.ONE);
			}
		});
		assertThat((String) runtime.getVariable(eastCycle, "cityPlanSummary")).contains("万箱")
			.contains("上海：")
			.contains("苏州：");
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO);
		return months;
	}

	@Test
	void formsGetASummaryInTypedVariables() {
		List<String> names = List.of("dealersTierA", "dealersTierD", "dealerTierSummary", "cityStrategySummary",
				"allocationReserve", "gapBand", "period");
		Map<String, Object> variables = new java.util.HashMap<>();
		history.createHistoricVariableInstanceQuery()
			.processInstanceId(eastCycle)
			.list()
			.forEach(v -> variables.put(v.getName(), v.getValue()));

		assertThat(variables).containsKeys(names.toArray(String[]::new));
		assertThat(variables.get("dealersTierD")).isInstanceOf(Integer.class);
		assertThat((String) variables.get("cityStrategySummary")).contains("THREE_POINTS_ATTACK_ONE: 南通");
		assertThat(variables.get("allocationReserve")).isInstanceOf(Double.class);
		assertThat(variables.get("period")).isEqualTo("2026-10");
		assertThat(variables.get("triggeredBy")).as("the last to complete a task").isEqualTo("zhao.director");
	}

}
