package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.CityChannelTeam;
import io.regionplan.rules.fact.CityTeam;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The team-sizing seam without an engine: the cycle's coverage targets and the reps per
 * city × channel in, the required reps stored per city and summed for the review form. By
 * hand from DOMAIN.md ("Default policies, second set", Team) and
 * rules/team-sizing/parameters.properties: reps per city = ⌈Σ channels target stores ×
 * visits a month ÷ (8 × 22)⌉; UNDERSTAFFED below, OVERSTAFFED from 2 over.
 */
class TeamSizingBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleTables tables = new CycleTables("V5__cycle_team.sql", "V50__cycle_coverage_target.sql");

	private final TeamSizingBinding binding = new TeamSizingBinding(metrics, tables.jdbc(),
			new CycleResults(tables.jdbc()));

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("team-sizing");
	}

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static ChannelMetrics stores(String city, String channel, long stores) {
		return new ChannelMetrics(city, channel, stores, stores / 2, new BigDecimal("0.5"), new BigDecimal("0.6"),
				BigDecimal.ZERO);
	}

	private static MarketMetrics.ChannelTeam team(String city, String channel, String sales, int headcount) {
		return new MarketMetrics.ChannelTeam(city, channel, new BigDecimal(sales), headcount);
	}

	private static CityMetrics city(String id, String name) {
		return new CityMetrics(id, "east", name, id, 2, 1_000_000, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO,
				BigDecimal.ZERO, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of(), 12);
	}

	private void region() {
		when(metrics.cities("east", PERIOD))
			.thenReturn(List.of(city("changzhou", "常州"), city("suzhou", "苏州"), city("wuxi", "无锡")));
		when(metrics.channels("east"))
			.thenReturn(List.of(stores("suzhou", "KA", 88), stores("suzhou", "SUPERMARKET", 440),
					stores("suzhou", "TRADITIONAL", 880), stores("wuxi", "KA", 176), stores("wuxi", "ECOMMERCE", 500)));
		when(metrics.channelTeams("east", PERIOD)).thenReturn(List.of(team("suzhou", "KA", "1000000", 2),
				team("suzhou", "SUPERMARKET", "900000", 9), team("suzhou", "TRADITIONAL", "1200000", 4),
				team("wuxi", "CONVENIENCE", "0", 0), team("wuxi", "ECOMMERCE", "0", 0), team("wuxi", "KA", "100", 12)));
	}

	/** The target stores of a coverage target the cycle holds for a city × channel. */
	private void coverageTarget(String cycle, String city, String channel, long targetStores) {
		tables.jdbc()
			.update("insert into cycle_coverage_target (process_instance_id, city_id, channel_id, strategy, stores, "
					+ "carrying, nd_today, nd_target, target_stores, channel_order, reason_zh, reason_en, rule_version) "
					+ "values (?, ?, ?, 'BASE_CAMP', 0, 0, 0, 0, ?, 0, '-', '-', 'v1')", cycle, city, channel,
					targetStores);
	}

	/**
	 * The coverage targets of cycle-1: suzhou KA 80, supermarket 400, traditional 500;
	 * wuxi KA 176, e-commerce 300 (wuxi's convenience has no stores and no target).
	 */
	private void coverageTargets() {
		coverageTarget("cycle-1", "suzhou", "KA", 80);
		coverageTarget("cycle-1", "suzhou", "SUPERMARKET", 400);
		coverageTarget("cycle-1", "suzhou", "TRADITIONAL", 500);
		coverageTarget("cycle-1", "wuxi", "KA", 176);
		coverageTarget("cycle-1", "wuxi", "ECOMMERCE", 300);
		coverageTarget("cycle-2", "suzhou", "KA", 1000);
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10");
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	/**
	 * suzhou: KA 80 × 8 = 640, supermarket 400 × 4 = 1,600, traditional 500 × 2 = 1,000:
	 * 980 target stores, 3,240 visits ÷ 176 = 18.4 → 19 reps; 2 + 9 + 4 = 15 now: 4
	 * short. wuxi: KA 176 × 8 = 1,408, e-commerce 300 stores are not visited: 476 target
	 * stores, 1,408 ÷ 176 = 8 reps; 12 now: 4 over. changzhou has no channels: 0.
	 */
	@Test
	void requiredRepsAreStoredPerCityAndTheCitiesShortOrOverAreListed() {
		// given
		region();
		coverageTargets();
		FakeExecution execution = cycle();

		// when
		evaluate(execution);

		// then 0 + 19 + 8 = 27 required, 0 + 15 + 12 = 27 now; sales per rep: suzhou
		// 3,100,000 ÷ 15 = 206,667 (20.7 万元), wuxi 100 ÷ 12 = 8 (0.0 万元)
		assertThat(execution.written()).containsOnlyKeys("requiredReps", "currentReps", "teamSizeSummary")
			.contains(entry("requiredReps", 27), entry("currentReps", 27));
		assertThat((String) execution.written().get("teamSizeSummary")).isEqualTo(
				"""
						需要 / required 27，现有 / now 27
						各城市 / by city:
						常州: 需要 0 人，现有 0 人 / 0 required, 0 now
						苏州: 需要 19 人，现有 15 人 / 19 required, 15 now
						无锡: 需要 8 人，现有 12 人 / 8 required, 12 now
						缺人的城市 / cities short of reps:
						suzhou 苏州: 缺 4 人 / 4 reps short（目标门店 980 家，每月拜访 3240 次 ÷ (8 × 22) = 19 人，现有 15 人；人均销售 / sales per rep 20.7 万元）
						人多的城市 / cities with more reps than needed:
						wuxi 无锡: 多 4 人 / 4 reps more than needed（目标门店 476 家，每月拜访 1408 次 ÷ (8 × 22) = 8 人，现有 12 人；人均销售 / sales per rep 0.0 万元）""");
		assertThat(tables.jdbc()
			.queryForList("select city_id, channel_id, required_reps, headcount, sales_per_rep, flag, rule_version "
					+ "from cycle_team_size where process_instance_id = 'cycle-1' order by city_id, channel_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(Arrays.asList("changzhou", "*", 0, 0, null, null, version()),
					Arrays.asList("suzhou", "*", 19, 15, new BigDecimal("206667.00"), "UNDERSTAFFED", version()),
					Arrays.asList("wuxi", "*", 8, 12, new BigDecimal("8.00"), "OVERSTAFFED", version()));
	}

	/**
	 * Without coverage targets (a cycle started before them), each channel is sized on
	 * the stores that carry the product today, half of each universe here: suzhou KA 44 ×
	 * 8 = 352, supermarket 220 × 4 = 880, traditional 440 × 2 = 880: 2,112 ÷ 176 = 12
	 * exactly; wuxi KA 88 × 8 = 704 ÷ 176 = 4.
	 */
	@Test
	void aCycleWithoutCoverageTargetsIsSizedOnTheStoresCarryingToday() {
		region();
		coverageTarget("cycle-2", "suzhou", "KA", 1000);

		evaluate(cycle());

		assertThat(tables.jdbc()
			.queryForList("select city_id, required_reps from cycle_team_size "
					+ "where process_instance_id = 'cycle-1' order by city_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(Arrays.asList("changzhou", 0), Arrays.asList("suzhou", 12), Arrays.asList("wuxi", 4));
	}

	@Test
	void eachEvaluationReplacesItsCycleOnly() {
		region();
		String insert = "insert into cycle_team_size (process_instance_id, city_id, channel_id, required_reps, "
				+ "headcount, flag, reason_zh, reason_en, rule_version) values (?, ?, ?, 1, 1, null, '旧', 'old', 'v0')";
		tables.jdbc().update(insert, "cycle-1", "nantong", "KA");
		tables.jdbc().update(insert, "cycle-2", "nantong", "KA");

		evaluate(cycle());

		assertThat(tables.jdbc()
			.queryForList("select city_id from cycle_team_size where process_instance_id = 'cycle-1'", String.class))
			.containsExactlyInAnyOrder("changzhou", "suzhou", "wuxi");
		assertThat(tables.jdbc()
			.queryForList("select city_id from cycle_team_size where process_instance_id = 'cycle-2'", String.class))
			.containsExactly("nantong");
	}

	@Test
	void everyCityGetsTheStoresOfEachOfItsChannelsOrNone() {
		region();

		coverageTargets();

		List<CityChannelTeam> channels = List.of(
				new CityChannelTeam("suzhou", "KA", 88, 2, new BigDecimal("1000000"), 80),
				new CityChannelTeam("suzhou", "SUPERMARKET", 440, 9, new BigDecimal("900000"), 400),
				new CityChannelTeam("suzhou", "TRADITIONAL", 880, 4, new BigDecimal("1200000"), 500),
				new CityChannelTeam("wuxi", "CONVENIENCE", 0, 0, BigDecimal.ZERO, 0),
				new CityChannelTeam("wuxi", "ECOMMERCE", 500, 0, BigDecimal.ZERO, 300),
				new CityChannelTeam("wuxi", "KA", 176, 12, new BigDecimal("100"), 176));
		// the cities, then each channel for the rules of older deployments
		assertThat(new ArrayList<Object>(binding.facts(cycle().execution()))).containsAll(channels)
			.startsWith(new CityTeam("changzhou", "常州", List.of()),
					new CityTeam("suzhou", "苏州", channels.subList(0, 3)),
					new CityTeam("wuxi", "无锡", channels.subList(3, 6)));
		assertThat(binding.facts(cycle().execution())).hasSize(3 + channels.size());
	}

	/**
	 * A cycle started on a deployment of the rules before 2026-11-28 (sized per city ×
	 * channel) still runs them: the old file compiles against today's facts and its rows
	 * are stored per channel. Its KA row by its own arithmetic: 88 × 1.0 × 8 = 704 ÷ 176
	 * = 4.
	 */
	@Test
	void theRulesOfAnOlderDeploymentStillSizeTheirCycle() throws java.io.IOException {
		region();
		java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
		for (String name : List.of("team.drl", "parameters.properties")) {
			files.put("rules/team-sizing/" + name, java.nio.file.Files
				.readAllBytes(java.nio.file.Path.of("src/test/resources/older-rules/team-sizing", name)));
		}
		CompiledRuleSet older = new io.regionplan.rules.RuleSetCompiler()
			.compile(new io.regionplan.rules.RuleSetSource("team-sizing", files));
		FakeExecution execution = cycle();

		execution.evaluate(older, binding);

		assertThat(tables.jdbc()
			.queryForList("select city_id, channel_id, required_reps from cycle_team_size "
					+ "where process_instance_id = 'cycle-1' and channel_id = 'KA' order by city_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(Arrays.asList("suzhou", "KA", 4), Arrays.asList("wuxi", "KA", 8));
		assertThat(tables.jdbc()
			.queryForObject("select count(*) from cycle_team_size where process_instance_id = 'cycle-1' "
					+ "and channel_id = '*'", Integer.class))
			.as("no city rows from the older rules")
			.isZero();
	}

	/**
	 * A cycle started on a deployment of the rules of 2026-11-28 (per city, before the
	 * coverage targets) still runs them: they size on the universe × their coverage
	 * parameters, whatever the coverage targets say. suzhou: KA 88 × 1.0 × 8 = 704,
	 * supermarket 440 × 0.9 = 396 × 4 = 1,584, traditional 880 × 0.6 = 528 × 2 = 1,056:
	 * 3,344 ÷ 176 = 19; wuxi: KA 176 × 8 = 1,408 ÷ 176 = 8.
	 */
	@Test
	void theRulesOfTheDeploymentBeforeTheCoverageTargetsStillSizeTheirCycle() throws java.io.IOException {
		region();
		coverageTargets();
		java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
		for (String name : List.of("team.drl", "parameters.properties")) {
			files.put("rules/team-sizing/" + name, java.nio.file.Files
				.readAllBytes(java.nio.file.Path.of("src/test/resources/older-rules/team-sizing-per-city", name)));
		}
		CompiledRuleSet older = new io.regionplan.rules.RuleSetCompiler()
			.compile(new io.regionplan.rules.RuleSetSource("team-sizing", files));
		FakeExecution execution = cycle();

		execution.evaluate(older, binding);

		assertThat(tables.jdbc()
			.queryForList("select city_id, required_reps, reason_en from cycle_team_size "
					+ "where process_instance_id = 'cycle-1' order by city_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(Arrays.asList("changzhou", 0, "0 visits a month ÷ (8 × 22) = 0 reps, 0 now"),
					Arrays.asList("suzhou", 19, "3344 visits a month ÷ (8 × 22) = 19 reps, 15 now"),
					Arrays.asList("wuxi", 8, "1408 visits a month ÷ (8 × 22) = 8 reps, 12 now"));
	}

	@Test
	void aRegionWithoutCitiesNeedsNoReps() {
		when(metrics.cities("east", PERIOD)).thenReturn(List.of());
		when(metrics.channels("east")).thenReturn(List.of());
		when(metrics.channelTeams("east", PERIOD)).thenReturn(List.of());
		FakeExecution execution = cycle();

		evaluate(execution);

		assertThat(execution.written()).containsOnly(entry("requiredReps", 0), entry("currentReps", 0),
				entry("teamSizeSummary", "需要 / required 0，现有 / now 0"));
		assertThat(tables.jdbc().queryForObject("select count(*) from cycle_team_size", Integer.class)).isZero();
	}

	private static String version() {
		return "test:" + rules.contentHash().substring(0, 12);
	}

}
