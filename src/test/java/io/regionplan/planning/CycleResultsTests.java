package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.CityMoney;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.DealerTier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a cycle's rule tasks store, on the tables of the migrations in an in-memory H2
 * database (no Spring, no engine): each evaluation replaces its cycle's results as a
 * whole.
 */
class CycleResultsTests {

	static final RuleSetVersion VERSION = new RuleSetVersion("any", "deployment-1", "0123456789abcdef0123");

	private final CycleTables tables = new CycleTables("V3__cycle_results.sql", "V5__cycle_team.sql",
			"V30__city_strategy_marks.sql", "V31__cycle_city_money.sql");

	private final CycleResults results = new CycleResults(tables.jdbc());

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static DealerTier tier(String dealer, String tier) {
		return new DealerTier(dealer, tier, "理由 " + dealer, "reason " + dealer);
	}

	private static CityStrategy strategy(String city, String name, String strategy, int priority) {
		return new CityStrategy(city, name, strategy, priority, name + "：" + strategy, city + ": " + strategy);
	}

	@Test
	void tiersAreReadBackWithTheirFlagsReasonsAndVersion() {
		// given
		results.saveTiers("cycle-1", "east", List.of(tier("d-02", "C"), tier("d-01", "A"), tier("苏州恒达", "D")),
				Map.of("d-01", List.of("OVERDUE", "DECLINING"), "苏州恒达", List.of("CROSS_REGION_SELLING")), VERSION);

		// when
		Map<String, String> tiers = results.tiers("cycle-1");

		// then
		assertThat(tiers).containsExactly(Map.entry("d-01", "A"), Map.entry("d-02", "C"), Map.entry("苏州恒达", "D"));
		assertThat(tables.jdbc()
			.queryForList(
					"select dealer_id, region_id, flags, reason_zh, reason_en, rule_version from cycle_dealer_tier "
							+ "order by dealer_id"))
			.extracting(row -> List.copyOf(row.values()))
			.containsExactly(
					List.of("d-01", "east", "OVERDUE,DECLINING", "理由 d-01", "reason d-01", "deployment-1:0123456789ab"),
					List.of("d-02", "east", "", "理由 d-02", "reason d-02", "deployment-1:0123456789ab"), List.of("苏州恒达",
							"east", "CROSS_REGION_SELLING", "理由 苏州恒达", "reason 苏州恒达", "deployment-1:0123456789ab"));
	}

	@Test
	void eachEvaluationReplacesItsCycleOnly() {
		results.saveTiers("cycle-1", "east", List.of(tier("d-01", "A"), tier("d-02", "B")), Map.of(), VERSION);
		results.saveTiers("cycle-2", "east", List.of(tier("d-01", "C")), Map.of(), VERSION);

		// a re-evaluation of cycle 1 (after an override) that no longer has d-02
		results.saveTiers("cycle-1", "east", List.of(tier("d-01", "D")), Map.of(), VERSION);

		assertThat(results.tiers("cycle-1")).containsExactly(Map.entry("d-01", "D"));
		assertThat(results.tiers("cycle-2")).containsExactly(Map.entry("d-01", "C"));
	}

	@Test
	void anEmptyEvaluationLeavesTheCycleEmpty() {
		results.saveTiers("cycle-1", "east", List.of(tier("d-01", "A")), Map.of(), VERSION);
		results.saveStrategies("cycle-1", "east", List.of(strategy("suzhou", "苏州", "BASE_CAMP", 1)), List.of(),
				VERSION);

		results.saveTiers("cycle-1", "east", List.of(), Map.of(), VERSION);
		results.saveStrategies("cycle-1", "east", List.of(), List.of(), VERSION);

		assertThat(results.tiers("cycle-1")).isEmpty();
		assertThat(results.strategies("cycle-1")).isEmpty();
		assertThat(results.strategies("no-such-cycle")).isEmpty();
	}

	@Test
	void aCityDroppedByRangeIsStoredOnePriorityLower() {
		// given 南通 MUSHROOM_PICKING (priority 5) beyond range, 苏州 BASE_CAMP (1) within
		results.saveStrategies("cycle-1", "east",
				List.of(strategy("suzhou", "苏州", "BASE_CAMP", 1), strategy("nantong", "南通", "MUSHROOM_PICKING", 5)),
				List.of("nantong"), VERSION);

		// then 5 + 1 = 6 for 南通, 苏州 keeps 1
		assertThat(results.strategies("cycle-1")).containsExactly(Map.entry("nantong", "MUSHROOM_PICKING"),
				Map.entry("suzhou", "BASE_CAMP"));
		assertThat(tables.jdbc()
			.queryForList("select city_id, region_id, priority, range_dropped, reason_zh, rule_version "
					+ "from cycle_city_strategy order by city_id"))
			.extracting(row -> List.copyOf(row.values()))
			.containsExactly(List.of("nantong", "east", 6, true, "南通：MUSHROOM_PICKING", "deployment-1:0123456789ab"),
					List.of("suzhou", "east", 1, false, "苏州：BASE_CAMP", "deployment-1:0123456789ab"));
	}

	@Test
	void strategiesAreMarkedWithTheVerdictAndBorderlineAndTheRangeDropsReadBack() {
		results.saveStrategies(
				"cycle-1", "east", List.of(strategy("suzhou", "苏州", "BASE_CAMP", 1),
						strategy("taizhou", "泰州", "NEW_MARKET", 6), strategy("wenzhou", "温州", "MUSHROOM_PICKING", 5)),
				List.of("wenzhou"), VERSION);
		results.saveStrategies("cycle-2", "east", List.of(strategy("suzhou", "苏州", "BASE_CAMP", 1)), List.of(),
				VERSION);

		results.markStrategies("cycle-1", Map.of("taizhou", "ENTER"), List.of("suzhou"));

		assertThat(tables.jdbc()
			.queryForList("select process_instance_id, city_id, verdict, flags from cycle_city_strategy "
					+ "order by process_instance_id, city_id"))
			.extracting(row -> java.util.Arrays.asList(row.values().toArray()))
			.containsExactly(java.util.Arrays.asList("cycle-1", "suzhou", null, "BORDERLINE"),
					java.util.Arrays.asList("cycle-1", "taizhou", "ENTER", ""),
					java.util.Arrays.asList("cycle-1", "wenzhou", null, ""),
					java.util.Arrays.asList("cycle-2", "suzhou", null, ""));
		assertThat(results.rangeDropped("cycle-1")).containsExactly("wenzhou");
		assertThat(results.rangeDropped("cycle-2")).isEmpty();
	}

	@Test
	void teamSizesAreTheCitysRowOrItsChannelsAddedUp() {
		tables.jdbc()
			.batchUpdate(
					"insert into cycle_team_size (process_instance_id, city_id, channel_id, required_reps, "
							+ "headcount, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, '', '', 'v')",
					List.of(new Object[] { "cycle-1", "suzhou", "*", 10, 7 },
							// a cycle of the rules before 2026-11-28: per channel
							new Object[] { "cycle-2", "suzhou", "KA", 4, 1 },
							new Object[] { "cycle-2", "suzhou", "SUPERMARKET", 3, 3 },
							new Object[] { "cycle-2", "wuxi", "KA", 2, 0 }));

		assertThat(results.teamSizes("cycle-1")).containsOnlyKeys("suzhou")
			.hasEntrySatisfying("suzhou", team -> assertThat(team).containsExactly(10, 7));
		assertThat(results.teamSizes("cycle-2")).containsOnlyKeys("suzhou", "wuxi")
			.hasEntrySatisfying("suzhou", team -> assertThat(team).containsExactly(7, 4))
			.hasEntrySatisfying("wuxi", team -> assertThat(team).containsExactly(2, 0));
		assertThat(results.teamSizes("no-such-cycle")).isEmpty();
	}

	@Test
	void moneyByCityAndPurposeIsReplacedPerCycle() {
		results.saveCityMoney("cycle-1",
				List.of(new CityMoney("suzhou", "DEALER_SUPPORT", new BigDecimal("180000.00"), "经销商支持", "dealers"),
						new CityMoney("suzhou", "TEAM", new BigDecimal("36000.00"), "团队", "team")),
				VERSION);
		results.saveCityMoney("cycle-1",
				List.of(new CityMoney("suzhou", "PROMOTION", new BigDecimal("54000.00"), "促销", "promotion")), VERSION);

		assertThat(tables.jdbc()
			.queryForList("select city_id, purpose, amount, reason_zh, reason_en, rule_version from cycle_city_money"))
			.extracting(row -> List.copyOf(row.values()))
			.containsExactly(List.of("suzhou", "PROMOTION", new BigDecimal("54000.00"), "促销", "promotion",
					"deployment-1:0123456789ab"));
	}

	@Test
	void theSummaryLinesAreReadAsTheCycleHoldsThemNow() {
		results.saveTiers("cycle-1", "east", List.of(tier("d-02", "D"), tier("d-01", "A")),
				Map.of("d-02", List.of("OVERDUE")), VERSION);
		results.saveStrategies("cycle-1", "east",
				List.of(strategy("suzhou", "苏州", "BASE_CAMP", 1), strategy("wenzhou", "温州", "MUSHROOM_PICKING", 5)),
				List.of("wenzhou"), VERSION);
		// an override as OverrideDelegates writes it
		tables.jdbc()
			.update("update cycle_dealer_tier set tier = 'C', reason_zh = '人工调整，理由：还款', reason_en = "
					+ "'overridden, reason: paid' where process_instance_id = 'cycle-1' and dealer_id = 'd-02'");

		assertThat(results.tierLines("cycle-1")).containsExactly(
				new CycleSummaries.TierLine("d-01", "A", false, "理由 d-01", "reason d-01"),
				new CycleSummaries.TierLine("d-02", "C", true, "人工调整，理由：还款", "overridden, reason: paid"));
		assertThat(results.strategyLines("cycle-1", Map.of("suzhou", "苏州"))).containsExactly(
				new CycleSummaries.StrategyLine("suzhou", "苏州", "BASE_CAMP", false, "苏州：BASE_CAMP",
						"suzhou: BASE_CAMP"),
				new CycleSummaries.StrategyLine("wenzhou", "wenzhou", "MUSHROOM_PICKING", true, "温州：MUSHROOM_PICKING",
						"wenzhou: MUSHROOM_PICKING"));
	}

	@Test
	void allocationsKeepTheirAmountsAndTheReserveHasNoCity() {
		List<Allocation> allocations = List.of(
				new Allocation("money", "reserve", "east", null, new BigDecimal("100000.00"), "预留 10%", "reserve 10%"),
				new Allocation("money", "city", "suzhou", "suzhou", new BigDecimal("514285.71"), "城市", "city"),
				new Allocation("money", "dealer", "d-01", "suzhou", new BigDecimal("192857.14"), "经销商", "dealer"),
				new Allocation("headcount", "dealer", "d-01", "suzhou", new BigDecimal("2"), "人", "reps"));
		results.saveAllocations("cycle-1", allocations, VERSION);
		results.saveAllocations("cycle-2", allocations.subList(0, 1), VERSION);

		assertThat(tables.jdbc()
			.queryForList("select resource, subject_type, subject_id, city_id, amount, reason_zh, rule_version "
					+ "from cycle_allocation where process_instance_id = 'cycle-1' order by resource, subject_type"))
			.extracting(row -> List.copyOf(row.values()))
			.containsExactly(
					List.of("headcount", "dealer", "d-01", "suzhou", new BigDecimal("2.00"), "人",
							"deployment-1:0123456789ab"),
					List.of("money", "city", "suzhou", "suzhou", new BigDecimal("514285.71"), "城市",
							"deployment-1:0123456789ab"),
					List.of("money", "dealer", "d-01", "suzhou", new BigDecimal("192857.14"), "经销商",
							"deployment-1:0123456789ab"),
					List.of("money", "reserve", "east", "", new BigDecimal("100000.00"), "预留 10%",
							"deployment-1:0123456789ab"));

		results.saveAllocations("cycle-1", allocations.subList(0, 1), VERSION);

		assertThat(tables.jdbc()
			.queryForObject("select count(*) from cycle_allocation where process_instance_id = 'cycle-1'",
					Integer.class))
			.isOne();
		assertThat(tables.jdbc()
			.queryForObject("select count(*) from cycle_allocation where process_instance_id = 'cycle-2'",
					Integer.class))
			.isOne();
	}

}
