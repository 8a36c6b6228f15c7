package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketNames;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.CoverageChannel;
import io.regionplan.rules.fact.CoverageCity;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coverage-targets seam without an engine: the cycle's strategies as stored (the
 * manager's overrides included), the cities' neighbours and each city × channel's stores,
 * ND, WTD and unserved sales in; the targets stored per city × channel and summarised for
 * the team review. By hand from DOMAIN.md ("Default policies, second set", Coverage
 * targets) and rules/coverage-targets/parameters.properties: 大本营 +5 in KA, supermarket
 * and convenience up to 90%; 三点攻一点 +8; 采蘑菇 +3 in traditional and convenience, the fewest
 * stores to win first; WTD + the points × 0.8; target stores rounded up.
 */
class CoverageTargetsBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final MarketNames names = mock(MarketNames.class);

	private final CycleTables tables = new CycleTables("V3__cycle_results.sql", "V50__cycle_coverage_target.sql");

	private final CoverageTargetsBinding binding = new CoverageTargetsBinding(metrics, names,
			new CycleResults(tables.jdbc()));

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("coverage-targets");
	}

	@AfterEach
	void dropTables() {
		tables.close();
	}

	private static CityMetrics city(String id, String name, String... neighbours) {
		return new CityMetrics(id, "east", name, id, 2, 1_000_000, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO,
				BigDecimal.ZERO, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, List.of(neighbours), 12);
	}

	private static ChannelMetrics channel(String city, String channel, long stores, long carrying, String nd,
			String wtd) {
		return new ChannelMetrics(city, channel, stores, carrying, nd == null ? null : new BigDecimal(nd),
				wtd == null ? null : new BigDecimal(wtd), new BigDecimal("1000000"));
	}

	private void strategy(String cycle, String city, String strategy) {
		tables.jdbc()
			.update("insert into cycle_city_strategy (process_instance_id, city_id, region_id, strategy, priority, "
					+ "range_dropped, reason_zh, reason_en, rule_version) values (?, ?, 'east', ?, 1, false, '-', '-', "
					+ "'v1')", cycle, city, strategy);
	}

	/**
	 * 杭州 and 苏州 BASE_CAMP, 南通 between them THREE_POINTS_ATTACK_ONE, 无锡 MUSHROOM_PICKING
	 * (as the manager overrode it: the stored strategy counts), 盐城 without a strategy
	 * this cycle. Another cycle holds other strategies.
	 */
	private void region() {
		strategy("cycle-1", "hangzhou", "BASE_CAMP");
		strategy("cycle-1", "suzhou", "BASE_CAMP");
		strategy("cycle-1", "nantong", "THREE_POINTS_ATTACK_ONE");
		strategy("cycle-1", "wuxi", "MUSHROOM_PICKING");
		strategy("cycle-2", "hangzhou", "MAINTAIN");
		when(metrics.cities("east", PERIOD))
			.thenReturn(List.of(city("hangzhou", "杭州", "nantong"), city("nantong", "南通", "wuxi", "suzhou", "hangzhou"),
					city("suzhou", "苏州", "nantong"), city("wuxi", "无锡", "nantong"), city("yancheng", "盐城")));
		when(metrics.channels("east")).thenReturn(List.of(channel("hangzhou", "CATERING", 0, 0, null, null),
				channel("hangzhou", "KA", 100, 62, "0.62", "0.70"),
				channel("hangzhou", "TRADITIONAL", 300, 120, "0.40", "0.50"),
				channel("nantong", "KA", 50, 20, "0.40", "0.50"), channel("suzhou", "KA", 10, 9, "0.90", "0.80"),
				channel("wuxi", "CONVENIENCE", 100, 30, "0.30", "0.40"),
				channel("wuxi", "TRADITIONAL", 400, 100, "0.25", "0.30"),
				channel("yancheng", "KA", 10, 5, "0.5", "0.5")));
		when(names.channelsZh())
			.thenReturn(Map.of("KA", "大卖场", "CONVENIENCE", "便利店", "TRADITIONAL", "传统渠道", "CATERING", "餐饮"));
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10");
	}

	/**
	 * 杭州 KA 62 → 67 of 100 (67%, WTD 70% + 4 = 74%), traditional holds; 南通 KA 20 of 50 +
	 * 8 points = 24 (48%, WTD 50% + 6.4 = 56.4%) from 杭州 and 苏州; 苏州 KA 90% is at the cap;
	 * 无锡 convenience needs 3 more stores, traditional ⌈3% × 400⌉ = 12: convenience first.
	 * Target stores 67 + 120 + 24 + 9 + 33 + 112 = 365 against 62 + 120 + 20 + 9 + 30 +
	 * 100 = 341 carrying today.
	 */
	@Test
	void targetsAreStoredPerCityAndChannelAndSummarisedInChineseNames() {
		// given
		region();
		FakeExecution execution = cycle();

		// when
		execution.evaluate(rules, binding);

		// then
		assertThat(tables.jdbc()
			.queryForList("select city_id, channel_id, strategy, nd_today, nd_target, wtd_today, wtd_target, "
					+ "target_stores, channel_order from cycle_coverage_target where process_instance_id = 'cycle-1' "
					+ "order by city_id, channel_id"))
			.extracting(row -> Arrays.asList(row.values().toArray()))
			.containsExactly(row("hangzhou", "KA", "BASE_CAMP", "0.62", "0.67", "0.70", "0.74", 67, 0),
					row("hangzhou", "TRADITIONAL", "BASE_CAMP", "0.40", "0.40", "0.50", "0.50", 120, 0),
					row("nantong", "KA", "THREE_POINTS_ATTACK_ONE", "0.40", "0.48", "0.50", "0.564", 24, 0),
					row("suzhou", "KA", "BASE_CAMP", "0.90", "0.90", "0.80", "0.80", 9, 0),
					row("wuxi", "CONVENIENCE", "MUSHROOM_PICKING", "0.30", "0.33", "0.40", "0.424", 33, 1),
					row("wuxi", "TRADITIONAL", "MUSHROOM_PICKING", "0.25", "0.28", "0.30", "0.324", 112, 2));
		assertThat(tables.jdbc()
			.queryForObject("select reason_zh from cycle_coverage_target where process_instance_id = 'cycle-1' "
					+ "and city_id = 'nantong'", String.class))
			.startsWith("三点攻一点：由相邻大本营（杭州、苏州）支援，ND +8 个点；");
		assertThat(
				tables.jdbc().queryForObject("select distinct rule_version from cycle_coverage_target", String.class))
			.isEqualTo("test:" + rules.contentHash().substring(0, 12));
		assertThat(execution.written()).containsOnlyKeys("coverageTargetSummary");
		assertThat((String) execution.written().get("coverageTargetSummary")).isEqualTo("""
				目标门店 / target stores 365，今天 / today 341（+24）
				杭州 大本营 / BASE_CAMP
				杭州 大卖场 ND 62% → 67% · WTD 70% → 74% · 门店 62 → 67 / 100
				杭州 保持 / hold: 传统渠道 40%
				南通 三点攻一点 / THREE_POINTS_ATTACK_ONE，相邻大本营 / adjacent base camps: 杭州、苏州
				南通 大卖场 ND 40% → 48% · WTD 50% → 56.4% · 门店 20 → 24 / 50
				苏州 大本营 / BASE_CAMP
				苏州 保持 / hold: 大卖场 90%
				无锡 采蘑菇 / MUSHROOM_PICKING
				无锡 便利店 ND 30% → 33% · WTD 40% → 42.4% · 门店 30 → 33 / 100 · 第 1 / #1
				无锡 传统渠道 ND 25% → 28% · WTD 30% → 32.4% · 门店 100 → 112 / 400 · 第 2 / #2""");
	}

	private static List<Object> row(String city, String channel, String strategy, String ndToday, String ndTarget,
			String wtdToday, String wtdTarget, long targetStores, int order) {
		return Arrays.asList(city, channel, strategy, new BigDecimal(ndToday).setScale(6),
				new BigDecimal(ndTarget).setScale(6), new BigDecimal(wtdToday).setScale(6),
				new BigDecimal(wtdTarget).setScale(6), targetStores, order);
	}

	/**
	 * The cities with a strategy this cycle, each with its adjacent base camps (Chinese
	 * names, by city id), and their channels with stores; 盐城 (no strategy) and 杭州's
	 * catering (no stores) are left out.
	 */
	@Test
	void everyCityWithAStrategyComesWithItsAdjacentBaseCampsAndItsChannelsWithStores() {
		region();

		List<Object> facts = new ArrayList<>(binding.facts(cycle().execution()));

		assertThat(facts).filteredOn(CoverageCity.class::isInstance)
			.containsExactly(new CoverageCity("hangzhou", "杭州", "BASE_CAMP", List.of()),
					new CoverageCity("nantong", "南通", "THREE_POINTS_ATTACK_ONE", List.of("杭州", "苏州")),
					new CoverageCity("suzhou", "苏州", "BASE_CAMP", List.of()),
					new CoverageCity("wuxi", "无锡", "MUSHROOM_PICKING", List.of()));
		assertThat(facts).filteredOn(CoverageChannel.class::isInstance)
			.extracting(fact -> ((CoverageChannel) fact).subjectId())
			.containsExactly("hangzhou/KA", "hangzhou/TRADITIONAL", "nantong/KA", "suzhou/KA", "wuxi/CONVENIENCE",
					"wuxi/TRADITIONAL");
		assertThat(facts).contains(new CoverageChannel("hangzhou", "KA", "大卖场", 100, 62, new BigDecimal("0.62"),
				new BigDecimal("0.70"), new BigDecimal("1000000")));
	}

	@Test
	void eachEvaluationReplacesItsCycleOnly() {
		region();
		String insert = "insert into cycle_coverage_target (process_instance_id, city_id, channel_id, strategy, "
				+ "stores, carrying, nd_today, nd_target, target_stores, channel_order, reason_zh, reason_en, "
				+ "rule_version) values (?, 'yancheng', 'KA', 'MAINTAIN', 1, 1, 1, 1, 1, 0, '旧', 'old', 'v0')";
		tables.jdbc().update(insert, "cycle-1");
		tables.jdbc().update(insert, "cycle-2");

		cycle().evaluate(rules, binding);

		assertThat(tables.jdbc()
			.queryForList("select distinct city_id from cycle_coverage_target where process_instance_id = 'cycle-1'",
					String.class))
			.containsExactlyInAnyOrder("hangzhou", "nantong", "suzhou", "wuxi");
		assertThat(tables.jdbc()
			.queryForList("select city_id from cycle_coverage_target where process_instance_id = 'cycle-2'",
					String.class))
			.containsExactly("yancheng");
	}

	@Test
	void aCycleWithoutStrategiesIsRefusedWithWhatToRunFirst() {
		FakeExecution execution = cycle();

		assertThatThrownBy(() -> binding.facts(execution.execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("run city-strategy first");
	}

}
