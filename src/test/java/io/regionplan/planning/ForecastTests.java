package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForecastTests {

	static final YearMonth LAST = YearMonth.of(2026, 10);

	/**
	 * 100 a month in the year before; 120 a month in the last 12, with {@code january} in
	 * January.
	 */
	private static Map<YearMonth, BigDecimal> history(int before, int recent, int january) {
		Map<YearMonth, BigDecimal> history = new HashMap<>();
		for (int i = 0; i < 24; i++) {
			YearMonth month = LAST.minusMonths(i);
			int volume = i < 12 ? (month.getMonthValue() == 1 ? january : recent) : before;
			history.put(month, BigDecimal.valueOf(volume));
		}
		return history;
	}

	@Test
	void trailingYearTimesTrendSpreadBySeasonality() {
		// last 12 = 11 × 110 + 220 = 1430; before = 1200; trend 1.1917; year = 1430 ×
		// 1.1917 = 1704
		Forecast forecast = Forecast.of(history(100, 110, 220), LAST);

		assertThat(forecast.trend()).isEqualByComparingTo("1.1917");
		assertThat(forecast.year()).isEqualByComparingTo("1704");
		// January carries 220 / 1430 of the year
		assertThat(forecast.months()[0]).isEqualByComparingTo("262.15");
		assertThat(forecast.months()[5]).isEqualByComparingTo("131.08");
	}

	@Test
	void trendIsKeptWithinMinusTwentyAndPlusThirtyPercent() {
		assertThat(Forecast.of(history(100, 200, 200), LAST).trend()).isEqualByComparingTo("1.30");
		assertThat(Forecast.of(history(100, 50, 50), LAST).trend()).isEqualByComparingTo("0.80");
	}

	@Test
	void cityWithoutAYearBeforeHasNoTrendAndWithoutHistoryNoForecast() {
		assertThat(Forecast.of(history(0, 100, 100), LAST).trend()).isEqualByComparingTo("1");
		assertThat(Forecast.of(history(0, 100, 100), LAST).year()).isEqualByComparingTo("1200");
		Forecast none = Forecast.of(Map.of(), LAST);
		assertThat(none.year()).isEqualByComparingTo("0");
		assertThat(none.months()).allSatisfy(month -> assertThat(month).isEqualByComparingTo("0"));
	}

}
