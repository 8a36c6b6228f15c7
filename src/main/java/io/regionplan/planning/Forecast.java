package io.regionplan.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;

/**
 * The volume forecast of one city for a planning year, from its history: the trailing 12
 * months × the year-on-year trend (clamped to −20% … +30% so that one odd year does not
 * run away), spread over the calendar months by last year's seasonality (e.g. the Spring
 * Festival peak). A city without history has no forecast; one without a year before has
 * no trend (×1).
 */
record Forecast(BigDecimal year, BigDecimal trend, BigDecimal[] months) {

	static final BigDecimal MIN_TREND = new BigDecimal("0.80");

	static final BigDecimal MAX_TREND = new BigDecimal("1.30");

	/**
	 * @param history volume by month, at least the 24 months ending with {@code last}
	 * where available
	 */
	static Forecast of(Map<YearMonth, BigDecimal> history, YearMonth last) {
		BigDecimal[] byCalendarMonth = new BigDecimal[12];
		BigDecimal recent = BigDecimal.ZERO;
		BigDecimal before = BigDecimal.ZERO;
		for (int i = 0; i < 12; i++) {
			YearMonth month = last.minusMonths(i);
			BigDecimal volume = history.getOrDefault(month, BigDecimal.ZERO);
			byCalendarMonth[month.getMonthValue() - 1] = volume;
			recent = recent.add(volume);
			before = before.add(history.getOrDefault(month.minusMonths(12), BigDecimal.ZERO));
		}
		BigDecimal trend = before.signum() == 0 ? BigDecimal.ONE
				: recent.divide(before, 4, RoundingMode.HALF_UP).max(MIN_TREND).min(MAX_TREND);
		BigDecimal year = recent.multiply(trend).setScale(0, RoundingMode.HALF_UP);
		BigDecimal[] months = new BigDecimal[12];
		for (int m = 0; m < 12; m++) {
			months[m] = recent.signum() == 0 ? BigDecimal.ZERO
					: year.multiply(byCalendarMonth[m])
						.divide(recent, MathContext.DECIMAL64)
						.setScale(2, RoundingMode.HALF_UP);
		}
		return new Forecast(year, trend, months);
	}

}
