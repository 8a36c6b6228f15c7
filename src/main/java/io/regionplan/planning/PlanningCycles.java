package io.regionplan.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a region's planning cycles decided, for the other features (the chart pages,
 * benchmark markets): the only way into planning's results, so that no other module reads
 * its tables. A region's cycles are those that have chosen their city strategies, newest
 * first (by when the cycle started); the latest cycle is the first of them.
 */
@Component
public class PlanningCycles {

	private final JdbcTemplate jdbc;

	private final CycleResults results;

	private final ProcessEngine engine;

	/**
	 * {@code @Lazy}: rule-task bindings use this class, and the engine checks them while
	 * it is being built.
	 */
	PlanningCycles(JdbcTemplate jdbc, CycleResults results, @Lazy ProcessEngine engine) {
		this.jdbc = jdbc;
		this.results = results;
		this.engine = engine;
	}

	/**
	 * A city's strategy in a cycle; {@code rangeDropped} when the range rule lowered its
	 * priority.
	 */
	public record CityStrategy(String cityId, String strategy, boolean rangeDropped) {
	}

	/**
	 * A city's planned volume in one month of the cycle's year (0 when nothing was
	 * planned).
	 */
	public record CityMonthPlan(String cityId, int month, BigDecimal plan) {
	}

	/** The ids of the region's cycles, newest first. */
	public List<String> cycles(String region) {
		List<String> ids = jdbc.queryForList(
				"select distinct process_instance_id from cycle_city_strategy " + "where region_id = ?", String.class,
				region);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Instant> started = new HashMap<>();
		EngineCalls
			.withoutAuthorization(engine,
					() -> engine.getHistoryService()
						.createHistoricProcessInstanceQuery()
						.processInstanceIds(new HashSet<>(ids))
						.list())
			.forEach(instance -> started.put(instance.getId(), startOf(instance)));
		List<String> newestFirst = new ArrayList<>(ids);
		newestFirst.sort(Comparator.comparing((String id) -> started.getOrDefault(id, Instant.EPOCH))
			.thenComparing(Comparator.naturalOrder())
			.reversed());
		return newestFirst;
	}

	/** The region's latest cycle, if it has one. */
	public Optional<String> latest(String region) {
		return cycles(region).stream().findFirst();
	}

	/** The city strategies of a cycle, by city id. */
	public Map<String, CityStrategy> strategies(String cycle) {
		Map<String, CityStrategy> strategies = new TreeMap<>();
		jdbc.query("select city_id, strategy, range_dropped from cycle_city_strategy where process_instance_id = ?",
				rs -> {
					strategies.put(rs.getString(1),
							new CityStrategy(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
				}, cycle);
		return strategies;
	}

	/**
	 * The city strategies of the region's latest cycle, city id → strategy; empty when it
	 * has none yet.
	 */
	public Map<String, String> latestStrategies(String region) {
		return latest(region).map(results::strategies).orElse(Map.of());
	}

	/** The dealer tiers of a cycle, dealer id → tier. */
	public Map<String, String> tiers(String cycle) {
		return results.tiers(cycle);
	}

	/** The cycle's volume plan by city and month, in city and month order. */
	public List<CityMonthPlan> plan(String cycle) {
		return jdbc.query(
				"select city_id, plan_month, coalesce(plan_volume, 0) from cycle_city_plan "
						+ "where process_instance_id = ? order by city_id, plan_month",
				(rs, row) -> new CityMonthPlan(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)), cycle);
	}

	/** The year a cycle plans (its {@code year} variable), if it has one. */
	public Optional<Integer> year(String cycle) {
		return EngineCalls
			.withoutAuthorization(engine,
					() -> engine.getHistoryService()
						.createHistoricVariableInstanceQuery()
						.processInstanceIdIn(cycle)
						.variableName("year")
						.list())
			.stream()
			.map(variable -> variable.getValue() instanceof Number number ? number.intValue() : null)
			.filter(Objects::nonNull)
			.findFirst();
	}

	/** The cities the cycle's latest quarterly review found off track, in id order. */
	public List<String> offTrackCities(String cycle) {
		return jdbc.queryForList("select distinct subject_id from cycle_review where process_instance_id = ? "
				+ "and subject_type = 'city' and band = 'OFF_TRACK' and quarter = (select max(quarter) from cycle_review "
				+ "where process_instance_id = ?) order by 1", String.class, cycle, cycle);
	}

	private static Instant startOf(HistoricProcessInstance instance) {
		return instance.getStartTime() == null ? Instant.EPOCH : instance.getStartTime().toInstant();
	}

}
