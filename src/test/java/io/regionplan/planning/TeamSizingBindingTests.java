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
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.CityChannelTeam;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The team-sizing seam without an engine: stores and reps per city × channel in, the
 * required reps stored per city × channel and summed for the review form. By hand from
 * DOMAIN.md (Team size) and rules/team-sizing/parameters.properties: reps = stores ×
 * coverage target × visits a month ÷ (8 × 22); UNDERSTAFFED below, OVERSTAFFED from 2
 * over. How a fraction of a rep is rounded changes with issue 18, so every city × channel
 * here needs a whole number of reps.
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
		return new ChannelMetrics(city, channel, stores, stores / 2, new BigDecimal("0.5"), new BigDecimal("0.6"));
	}

	private static MarketMetrics.ChannelTeam team(String city, String channel, String sales, int headcount) {
		return new MarketMetrics.ChannelTeam(city, channel, new BigDecimal(sales), headcount);
	}

	private void region() {
		when(metrics.channels("east")).thenReturn(List.of(stores("suzhou", "KA", 88),
				stores("suzhou", "SUPERMARKET", 440), stores("suzhou", "TRADITIONAL", 880), stores("wuxi", "KA", 176)));
		when(metrics.channelTeams("east", PERIOD)).thenReturn(List.of(
				// 88 × 1.0 × 8 = 704 ÷ 176 = 4; 2 reps: 2 short
				team("suzhou", "KA", "1000000", 2),
				// 440 × 0.9 = 396 × 4 = 1,584 ÷ 176 = 9; 9 reps
				team("suzhou", "SUPERMARKET", "900000", 9),
				// 880 × 0.6 = 528 × 2 = 1,056 ÷ 176 = 6; 8 reps: 2 over
				team("suzhou", "TRADITIONAL", "1200000", 8),
				// no stores in the channel universe: 0; no reps
				team("wuxi", "CONVENIENCE", "0", 0),
				// 176 × 1.0 × 8 = 1,408 ÷ 176 = 8; 5 reps: 3 short
				team("wuxi", "KA", "100", 5)));
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10");
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void requiredRepsAreStoredPerCityChannelAndSummed() {
		// given
		region();
		FakeExecution execution = cycle();

		// when
		evaluate(execution);

		// then 4 + 9 + 6 + 0 + 8 = 27 required, 2 + 9 + 8 + 0 + 5 = 24 now
		assertThat(execution.written()).containsOnlyKeys("requiredReps", "currentReps", "teamSizeSummary")
			.contains(entry("requiredReps", 27), entry("currentReps", 24));
		String[] summary = ((String) execution.written().get("teamSizeSummary")).split("\n");
		assertThat(summary[0]).isEqualTo("需要 / required 27，现有 / now 24（缺人的城市渠道 / understaffed city × channel:）");
		assertThat(Arrays.asList(summary).subList(1, summary.length)).containsExactlyInAnyOrder(
				"suzhou/KA: 目标门店 88 × 每月拜访 8 ÷ (8 × 22) = 4 人，现有 2 人 / "
						+ "target stores 88 × 8 visits a month ÷ (8 × 22) = 4 reps, 2 now",
				"wuxi/KA: 目标门店 176 × 每月拜访 8 ÷ (8 × 22) = 8 人，现有 5 人 / "
						+ "target stores 176 × 8 visits a month ÷ (8 × 22) = 8 reps, 5 now");
		// sales per rep: 1,000,000 ÷ 2 = 500,000; 900,000 ÷ 9 = 100,000; 1,200,000 ÷ 8 =
		// 150,000; none without reps; 100 ÷ 5 = 20
		assertThat(tables.jdbc()
			.queryForList("select city_id, channel_id, required_reps, headcount, sales_per_rep, flag, rule_version "
					+ "from cycle_team_size where process_instance_id = 'cycle-1' order by city_id, channel_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(
					Arrays.asList("suzhou", "KA", 4, 2, new BigDecimal("500000.00"), "UNDERSTAFFED", version()),
					Arrays.asList("suzhou", "SUPERMARKET", 9, 9, new BigDecimal("100000.00"), null, version()),
					Arrays.asList("suzhou", "TRADITIONAL", 6, 8, new BigDecimal("150000.00"), "OVERSTAFFED", version()),
					Arrays.asList("wuxi", "CONVENIENCE", 0, 0, null, null, version()),
					Arrays.asList("wuxi", "KA", 8, 5, new BigDecimal("20.00"), "UNDERSTAFFED", version()));
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
			.hasSize(5)
			.doesNotContain("nantong");
		assertThat(tables.jdbc()
			.queryForList("select city_id from cycle_team_size where process_instance_id = 'cycle-2'", String.class))
			.containsExactly("nantong");
	}

	@Test
	void everyTeamGetsTheStoresOfItsCityAndChannelOrNone() {
		region();

		assertThat(new ArrayList<Object>(binding.facts(cycle().execution()))).containsExactly(
				new CityChannelTeam("suzhou", "KA", 88, 2, new BigDecimal("1000000")),
				new CityChannelTeam("suzhou", "SUPERMARKET", 440, 9, new BigDecimal("900000")),
				new CityChannelTeam("suzhou", "TRADITIONAL", 880, 8, new BigDecimal("1200000")),
				new CityChannelTeam("wuxi", "CONVENIENCE", 0, 0, BigDecimal.ZERO),
				new CityChannelTeam("wuxi", "KA", 176, 5, new BigDecimal("100")));
	}

	@Test
	void aRegionWithoutTeamsNeedsNoReps() {
		when(metrics.channels("east")).thenReturn(List.of());
		when(metrics.channelTeams("east", PERIOD)).thenReturn(List.of());
		FakeExecution execution = cycle();

		evaluate(execution);

		assertThat(execution.written()).containsOnly(entry("requiredReps", 0), entry("currentReps", 0),
				entry("teamSizeSummary", "需要 / required 0，现有 / now 0（缺人的城市渠道 / understaffed city × channel:）"));
		assertThat(tables.jdbc().queryForObject("select count(*) from cycle_team_size", Integer.class)).isZero();
	}

	private static String version() {
		return "test:" + rules.contentHash().substring(0, 12);
	}

}
