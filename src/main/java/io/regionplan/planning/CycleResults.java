package io.regionplan.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.BorderlineFlag;
import io.regionplan.rules.fact.CityMoney;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.CoverageTarget;
import io.regionplan.rules.fact.DealerTier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The results of a cycle's rule tasks, replaced as a whole by each evaluation (in its
 * transaction).
 */
@Component
class CycleResults {

	private final JdbcTemplate jdbc;

	CycleResults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void saveTiers(String cycle, String region, List<DealerTier> tiers, Map<String, List<String>> flags,
			RuleSetVersion version) {
		jdbc.update("delete from cycle_dealer_tier where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		for (DealerTier tier : tiers) {
			rows.add(new Object[] { cycle, tier.dealerId(), region, tier.tier(),
					String.join(",", flags.getOrDefault(tier.dealerId(), List.of())), tier.reasonZh(), tier.reasonEn(),
					version.label() });
		}
		jdbc.batchUpdate(
				"insert into cycle_dealer_tier (process_instance_id, dealer_id, region_id, tier, flags, reason_zh, "
						+ "reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	void saveStrategies(String cycle, String region, List<CityStrategy> strategies, List<String> rangeDropped,
			RuleSetVersion version) {
		jdbc.update("delete from cycle_city_strategy where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		for (CityStrategy s : strategies) {
			boolean dropped = rangeDropped.contains(s.cityId());
			rows.add(new Object[] { cycle, s.cityId(), region, s.strategy(), s.priority() + (dropped ? 1 : 0), dropped,
					s.reasonZh(), s.reasonEn(), version.label() });
		}
		jdbc.batchUpdate(
				"insert into cycle_city_strategy (process_instance_id, city_id, region_id, strategy, priority, "
						+ "range_dropped, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	void saveAllocations(String cycle, List<Allocation> allocations, RuleSetVersion version) {
		jdbc.update("delete from cycle_allocation where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		for (Allocation a : allocations) {
			rows.add(new Object[] { cycle, a.resource(), a.subjectType(), a.subjectId(),
					a.cityId() == null ? "" : a.cityId(), a.amount(), a.reasonZh(), a.reasonEn(), version.label() });
		}
		jdbc.batchUpdate(
				"insert into cycle_allocation (process_instance_id, resource, subject_type, subject_id, city_id, "
						+ "amount, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	/**
	 * Marks the cycle's stored strategies: a new market's 7C verdict (city id → ENTER,
	 * WATCH or HOLD) and the borderline cities (flag {@code BORDERLINE}).
	 */
	void markStrategies(String cycle, Map<String, String> verdicts, List<String> borderline) {
		List<Object[]> rows = new ArrayList<>();
		verdicts.forEach((city, verdict) -> rows.add(new Object[] { verdict, cycle, city }));
		jdbc.batchUpdate("update cycle_city_strategy set verdict = ? where process_instance_id = ? and city_id = ?",
				rows);
		jdbc.batchUpdate("update cycle_city_strategy set flags = ? where process_instance_id = ? and city_id = ?",
				borderline.stream().map(city -> new Object[] { BorderlineFlag.BORDERLINE, cycle, city }).toList());
	}

	/** The cities of the cycle the range rule dropped (beyond range). */
	Set<String> rangeDropped(String cycle) {
		return new TreeSet<>(jdbc.queryForList(
				"select city_id from cycle_city_strategy where process_instance_id = ? and range_dropped = true",
				String.class, cycle));
	}

	/**
	 * The reps each city of the cycle requires and has, city id → {required, headcount},
	 * from {@code team-sizing}'s rows: the city's own row, or (rules sized per channel
	 * before 2026-11-28) its channels' rows added up.
	 */
	Map<String, int[]> teamSizes(String cycle) {
		Map<String, int[]> cities = new TreeMap<>();
		Map<String, int[]> channels = new TreeMap<>();
		jdbc.query("select city_id, channel_id, required_reps, headcount from cycle_team_size "
				+ "where process_instance_id = ?", rs -> {
					Map<String, int[]> into = TeamSizingBinding.ALL_CHANNELS.equals(rs.getString(2)) ? cities
							: channels;
					int[] sum = into.computeIfAbsent(rs.getString(1), city -> new int[2]);
					sum[0] += rs.getInt(3);
					sum[1] += rs.getInt(4);
				}, cycle);
		channels.forEach(cities::putIfAbsent);
		return cities;
	}

	/** Replaces the cycle's money per city and purpose. */
	void saveCityMoney(String cycle, List<CityMoney> money, RuleSetVersion version) {
		jdbc.update("delete from cycle_city_money where process_instance_id = ?", cycle);
		jdbc.batchUpdate(
				"insert into cycle_city_money (process_instance_id, city_id, purpose, amount, reason_zh, reason_en, "
						+ "rule_version) values (?, ?, ?, ?, ?, ?, ?)",
				money.stream()
					.map(m -> new Object[] { cycle, m.cityId(), m.purpose(), m.amount(), m.reasonZh(), m.reasonEn(),
							version.label() })
					.toList());
	}

	void saveCoverageTargets(String cycle, List<CoverageTarget> targets, RuleSetVersion version) {
		jdbc.update("delete from cycle_coverage_target where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		for (CoverageTarget t : targets) {
			rows.add(new Object[] { cycle, t.cityId(), t.channelId(), t.strategy(), t.stores(), t.carrying(),
					t.ndToday(), t.ndTarget(), t.wtdToday(), t.wtdTarget(), t.targetStores(), t.order(), t.reasonZh(),
					t.reasonEn(), version.label() });
		}
		jdbc.batchUpdate(
				"insert into cycle_coverage_target (process_instance_id, city_id, channel_id, strategy, "
						+ "stores, carrying, nd_today, nd_target, wtd_today, wtd_target, target_stores, channel_order, "
						+ "reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	/**
	 * The stores each city × channel must carry by the cycle's coverage targets,
	 * "city/channel" → stores; empty before the coverage targets are set.
	 */
	Map<String, Long> coverageTargetStores(String cycle) {
		Map<String, Long> stores = new TreeMap<>();
		jdbc.query("select city_id, channel_id, target_stores from cycle_coverage_target "
				+ "where process_instance_id = ?", rs -> {
					stores.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
				}, cycle);
		return stores;
	}

	/** The cycle's city strategies, city id → strategy. */
	Map<String, String> strategies(String cycle) {
		Map<String, String> strategies = new TreeMap<>();
		jdbc.query("select city_id, strategy from cycle_city_strategy where process_instance_id = ?", rs -> {
			strategies.put(rs.getString(1), rs.getString(2));
		}, cycle);
		return strategies;
	}

	/** The cycle's dealer tiers, dealer id → tier. */
	Map<String, String> tiers(String cycle) {
		Map<String, String> tiers = new TreeMap<>();
		jdbc.query("select dealer_id, tier from cycle_dealer_tier where process_instance_id = ?", rs -> {
			tiers.put(rs.getString(1), rs.getString(2));
		}, cycle);
		return tiers;
	}

	/**
	 * The cycle's strategies as stored now (overrides included), for the summaries; the
	 * names from {@code names}, city id → name (the id where there is none).
	 */
	List<CycleSummaries.StrategyLine> strategyLines(String cycle, Map<String, String> names) {
		return jdbc.query(
				"select city_id, strategy, range_dropped, reason_zh, reason_en from cycle_city_strategy "
						+ "where process_instance_id = ? order by city_id",
				(rs, n) -> new CycleSummaries.StrategyLine(rs.getString(1),
						names.getOrDefault(rs.getString(1), rs.getString(1)), rs.getString(2), rs.getBoolean(3),
						rs.getString(4), rs.getString(5)),
				cycle);
	}

	/** The cycle's tiers as stored now (overrides included), for the summaries. */
	List<CycleSummaries.TierLine> tierLines(String cycle) {
		return jdbc.query(
				"select dealer_id, tier, flags, reason_zh, reason_en from cycle_dealer_tier "
						+ "where process_instance_id = ? order by dealer_id",
				(rs, n) -> new CycleSummaries.TierLine(rs.getString(1), rs.getString(2), !rs.getString(3).isBlank(),
						rs.getString(4), rs.getString(5)),
				cycle);
	}

}
