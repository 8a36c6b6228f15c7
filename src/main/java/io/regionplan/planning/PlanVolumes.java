package io.regionplan.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A cycle's forecast and plan per city and month (table cycle_city_plan).
 */
@Component
class PlanVolumes {

	private final JdbcTemplate jdbc;

	PlanVolumes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void saveForecasts(String cycle, Map<String, Forecast> forecasts) {
		jdbc.update("delete from cycle_city_plan where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		forecasts.forEach((city, forecast) -> {
			for (int m = 0; m < 12; m++) {
				rows.add(new Object[] { cycle, city, m + 1, forecast.months()[m] });
			}
		});
		jdbc.batchUpdate("insert into cycle_city_plan (process_instance_id, city_id, plan_month, forecast_volume) "
				+ "values (?, ?, ?, ?)", rows);
	}

	/**
	 * Spreads the region's plan over cities and months in proportion to the forecast,
	 * each cell rounded on its own: the spread of cycles started before the
	 * {@code plan-split} rules ({@link DistributePlanDelegate}).
	 */
	void spreadPlan(String cycle, BigDecimal regionPlan) {
		BigDecimal forecast = jdbc.queryForObject(
				"select coalesce(sum(forecast_volume), 0) from cycle_city_plan " + "where process_instance_id = ?",
				BigDecimal.class, cycle);
		if (forecast == null || forecast.signum() == 0) {
			return;
		}
		BigDecimal factor = regionPlan.divide(forecast, MathContext.DECIMAL64);
		jdbc.update(
				"update cycle_city_plan set plan_volume = round(forecast_volume * ?, 2) where process_instance_id = ?",
				factor, cycle);
	}

	/**
	 * Each city's forecast for the year: its months added up, in whole cases (the
	 * forecast's year is whole; its months carry two decimals).
	 */
	Map<String, BigDecimal> cityForecasts(String cycle) {
		Map<String, BigDecimal> forecasts = new TreeMap<>();
		jdbc.query("select city_id, sum(forecast_volume) from cycle_city_plan where process_instance_id = ? "
				+ "group by city_id", rs -> {
					forecasts.put(rs.getString(1), rs.getBigDecimal(2).setScale(0, RoundingMode.HALF_UP));
				}, cycle);
		return forecasts;
	}

	/**
	 * Stores the plan of every city and month (January first), replacing the cycle's
	 * earlier plan; a city without a forecast gets its rows with a forecast of 0.
	 */
	void savePlan(String cycle, Map<String, List<BigDecimal>> months) {
		jdbc.update("update cycle_city_plan set plan_volume = null where process_instance_id = ?", cycle);
		Set<String> rows = new HashSet<>(jdbc.queryForList(
				"select city_id || '/' || plan_month from cycle_city_plan where process_instance_id = ?", String.class,
				cycle));
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		months.forEach((city, volumes) -> {
			for (int m = 0; m < 12; m++) {
				if (rows.contains(city + "/" + (m + 1))) {
					updates.add(new Object[] { volumes.get(m), cycle, city, m + 1 });
				}
				else {
					inserts.add(new Object[] { cycle, city, m + 1, volumes.get(m) });
				}
			}
		});
		jdbc.batchUpdate("update cycle_city_plan set plan_volume = ? where process_instance_id = ? and city_id = ? "
				+ "and plan_month = ?", updates);
		jdbc.batchUpdate("insert into cycle_city_plan (process_instance_id, city_id, plan_month, forecast_volume, "
				+ "plan_volume) values (?, ?, ?, 0, ?)", inserts);
	}

	/** The plan of each city for the given months (1-12). */
	Map<String, BigDecimal> cityPlans(String cycle, List<Integer> months) {
		Map<String, BigDecimal> plans = new TreeMap<>();
		String in = String.join(", ", months.stream().map(String::valueOf).toList());
		jdbc.query("select city_id, coalesce(sum(plan_volume), 0) from cycle_city_plan where process_instance_id = ? "
				+ "and plan_month in (" + in + ") group by city_id", rs -> {
					plans.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
				}, cycle);
		return plans;
	}

}
