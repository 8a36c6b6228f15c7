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
 * The team-sizing seam without an engine: stores and reps per city × channel in, the
 * required reps stored per city and summed for the review form. By hand from DOMAIN.md
 * ("Default policies, second set", Team) and rules/team-sizing/parameters.properties:
 * reps per city = ⌈Σ channels stores × coverage target × visits a month ÷ (8 × 22)⌉;
 * UNDERSTAFFED below, OVERSTAFFED from 2 over.
 */
class TeamSizingBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleTables tables = new CycleTables("V5__cycle_team.sql");

	private final TeamSizingBinding binding = new TeamSizingBinding(metrics, tables.jdbc());

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
		when(metrics.channelTeams("east", PERIOD)).thenReturn(List.of(
				// suzhou: KA 88 × 1.0 × 8 = 704; supermarket 440 × 0.9 = 396 × 4 = 1,584;
				// traditional 880 × 0.6 = 528 × 2 = 1,056; 3,344 ÷ 176 = 19 reps; 2 + 9 +
				// 4
				// = 15 now: 4 short
				team("suzhou", "KA", "1000000", 2), team("suzhou", "SUPERMARKET", "900000", 9),
				team("suzhou", "TRADITIONAL", "1200000", 4),
				// wuxi: KA 176 × 8 = 1,408; no convenience stores; e-commerce 500 stores
				// are
				// not visited: 1,408 ÷ 176 = 8 reps; 12 now: 4 over
				team("wuxi", "CONVENIENCE", "0", 0), team("wuxi", "ECOMMERCE", "0", 0), team("wuxi", "KA", "100", 12)));
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10");
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void requiredRepsAreStoredPerCityAndTheCitiesShortOrOverAreListed() {
		// given
		region();
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
						缺人的城市 / cities short of reps:
						suzhou 苏州: 缺 4 人 / 4 reps short（每月拜访 3344 次 ÷ (8 × 22) = 19 人，现有 15 人；人均销售 / sales per rep 20.7 万元）
						人多的城市 / cities with more reps than needed:
						wuxi 无锡: 多 4 人 / 4 reps more than needed（每月拜访 1408 次 ÷ (8 × 22) = 8 人，现有 12 人；人均销售 / sales per rep 0.0 万元）""");
		assertThat(tables.jdbc()
			.queryForList("select city_id, channel_id, required_reps, headcount, sales_per_rep, flag, rule_version "
					+ "from cycle_team_size where process_instance_id = 'cycle-1' order by city_id, channel_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(Arrays.asList("changzhou", "*", 0, 0, null, null, version()),
					Arrays.asList("suzhou", "*", 19, 15, new BigDecimal("206667.00"), "UNDERSTAFFED", version()),
					Arrays.asList("wuxi", "*", 8, 12, new BigDecimal("8.00"), "OVERSTAFFED", version()));
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

		List<CityChannelTeam> channels = List.of(new CityChannelTeam("suzhou", "KA", 88, 2, new BigDecimal("1000000")),
				new CityChannelTeam("suzhou", "SUPERMARKET", 440, 9, new BigDecimal("900000")),
				new CityChannelTeam("suzhou", "TRADITIONAL", 880, 4, new BigDecimal("1200000")),
				new CityChannelTeam("wuxi", "CONVENIENCE", 0, 0, BigDecimal.ZERO),
				new CityChannelTeam("wuxi", "ECOMMERCE", 500, 0, BigDecimal.ZERO),
				new CityChannelTeam("wuxi", "KA", 176, 12, new BigDecimal("100")));
		// the cities, then each channel for the rules of older deployments
		assertThat(new ArrayList<Object>(binding.facts(cycle().execution()))).containsAll(channels)
			.startsWith(new CityTeam("changzhou", "常州", List.of()),
					new CityTeam("suzhou", "苏州",
							List.of(new CityChannelTeam("suzhou", "KA", 88, 2, new BigDecimal("1000000")),
									new CityChannelTeam("suzhou", "SUPERMARKET", 440, 9, new BigDecimal("900000")),
									new CityChannelTeam("suzhou", "TRADITIONAL", 880, 4, new BigDecimal("1200000")))),
					new CityTeam("wuxi", "无锡",
							List.of(new CityChannelTeam("wuxi", "CONVENIENCE", 0, 0, BigDecimal.ZERO),
									new CityChannelTeam("wuxi", "ECOMMERCE", 500, 0, BigDecimal.ZERO),
									new CityChannelTeam("wuxi", "KA", 176, 12, new BigDecimal("100")))));
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
