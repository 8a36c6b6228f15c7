package io.regionplan.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MarketFormulasTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void shareIsSalesOverMarketSize() {
		assertThat(MarketFormulas.share(d("2300"), d("1000000"))).isEqualByComparingTo("0.0023");
	}

	@Test
	void cityWithZeroMarketSizeHasNoShare() {
		assertThat(MarketFormulas.share(d("500"), BigDecimal.ZERO)).isNull();
	}

	@Test
	void growthComparesWithTheYearBefore() {
		assertThat(MarketFormulas.growth(d("2000"), d("1000"))).isEqualByComparingTo("1");
		assertThat(MarketFormulas.growth(d("400"), d("800"))).isEqualByComparingTo("-0.5");
		assertThat(MarketFormulas.growth(d("790"), d("1000"))).isEqualByComparingTo("-0.21");
	}

	@Test
	void dealerWithoutSalesLastYearHasUndefinedGrowthNotInfinite() {
		assertThat(MarketFormulas.growth(d("300"), BigDecimal.ZERO)).isNull();
	}

	@Test
	void numericDistributionCountsStoresCarrying() {
		assertThat(MarketFormulas.numericDistribution(2, 4)).isEqualByComparingTo("0.5");
		assertThat(MarketFormulas.numericDistribution(1, 3)).isEqualByComparingTo("0.333333");
	}

	@Test
	void weightedDistributionWeighsByCategorySales() {
		assertThat(MarketFormulas.weightedDistribution(d("400"), d("1000"))).isEqualByComparingTo("0.4");
	}

	@Test
	void channelWithNoStoresHasNoDistribution() {
		assertThat(MarketFormulas.numericDistribution(0, 0)).isNull();
		assertThat(MarketFormulas.weightedDistribution(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
	}

	@Test
	void percentileIsTheShareOfOtherDealersWithLowerSales() {
		assertThat(MarketFormulas.percentile(2, 3)).isEqualByComparingTo("1");
		assertThat(MarketFormulas.percentile(1, 3)).isEqualByComparingTo("0.5");
		assertThat(MarketFormulas.percentile(0, 3)).isEqualByComparingTo("0");
		assertThat(MarketFormulas.percentile(4, 6)).isEqualByComparingTo("0.8");
		assertThat(MarketFormulas.percentile(0, 1)).isEqualByComparingTo("1");
	}

	@Test
	void coverageAndAchievement() {
		assertThat(MarketFormulas.coverage(2, 4)).isEqualByComparingTo("0.5");
		assertThat(MarketFormulas.coverage(3, 0)).isNull();
		assertThat(MarketFormulas.achievement(d("23"), d("100"))).isEqualByComparingTo("0.23");
		assertThat(MarketFormulas.achievement(d("23"), BigDecimal.ZERO)).isNull();
	}

	@Test
	void trailingWindowIsTwelveMonths() {
		assertThat(MarketFormulas.windowStart(YearMonth.of(2026, 10))).isEqualTo(YearMonth.of(2025, 11));
		assertThat(MarketFormulas.windowStart(YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 1));
	}

	@Test
	void targetToDatePrefersMonthlyTargetsElseTheYearProRata() {
		assertThat(MarketMetrics.targetToDate(Map.of("2026", d("120")), YearMonth.of(2026, 10)))
			.isEqualByComparingTo("100");
		assertThat(MarketMetrics.targetToDate(
				Map.of("2026-01", d("10"), "2026-06", d("20"), "2026-11", d("99"), "2026", d("500")),
				YearMonth.of(2026, 10)))
			.isEqualByComparingTo("30");
		assertThat(MarketMetrics.targetToDate(Map.of(), YearMonth.of(2026, 10))).isNull();
	}

}
