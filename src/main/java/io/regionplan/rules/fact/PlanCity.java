package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.util.List;

/**
 * A city the region's plan is split over: its strategy this cycle (after the manager's
 * overrides), its forecast for the planning year and its sales volume of last year by
 * calendar month, the seasonality its months follow.
 *
 * @param strategy the strategy stored for the city this cycle; {@code NONE} when it has
 * none
 * @param forecast the city's forecast for the year, zero or above
 * @param lastYear the volume of the 12 months up to the cycle's data period, January
 * first
 */
public record PlanCity(String cityId, String name, String strategy, BigDecimal forecast,
		List<BigDecimal> lastYear) implements Subject {

	/** The strategy of a city the strategy step did not decide. */
	public static final String NO_STRATEGY = "NONE";

	public PlanCity {
		strategy = strategy == null || strategy.isBlank() ? NO_STRATEGY : strategy;
		if (forecast == null || forecast.signum() < 0) {
			throw new IllegalArgumentException("城市 " + cityId + " 的预测不能为负 / the forecast of city " + cityId
					+ " must not be negative, got " + forecast);
		}
		if (lastYear == null || lastYear.size() != 12 || lastYear.stream().anyMatch(v -> v == null || v.signum() < 0)) {
			throw new IllegalArgumentException("城市 " + cityId + " 去年须为 12 个非负月销量 / last year of city " + cityId
					+ " must be 12 monthly volumes of zero or above, got " + lastYear);
		}
		lastYear = List.copyOf(lastYear);
	}

	/** How many of last year's 12 months have sales. */
	public int monthsWithSales() {
		return (int) lastYear.stream().filter(v -> v.signum() > 0).count();
	}

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

}
