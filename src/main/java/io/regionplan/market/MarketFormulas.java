package io.regionplan.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * The metric formulas of DOMAIN.md, each written once. A ratio whose denominator is zero
 * is undefined and returned as {@code null} (never infinite, never zero): a city with no
 * market size has no share, a dealer with no sales last year has no growth, a channel
 * with no stores has no ND.
 */
public final class MarketFormulas {

	private static final int SCALE = 6;

	private MarketFormulas() {
	}

	/**
	 * numerator ÷ denominator to six decimals, or null when the denominator is zero or
	 * missing.
	 */
	public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
		if (numerator == null || denominator == null || denominator.signum() == 0) {
			return null;
		}
		return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
	}

	/** Market share = our sales ÷ the category's market size. */
	public static BigDecimal share(BigDecimal sales, BigDecimal marketSize) {
		return ratio(sales, marketSize);
	}

	/** YoY growth = sales ÷ sales of the year before − 1. */
	public static BigDecimal growth(BigDecimal sales, BigDecimal previousSales) {
		BigDecimal ratio = ratio(sales, previousSales);
		return ratio == null ? null : ratio.subtract(BigDecimal.ONE);
	}

	/** ND 数值铺货率 = stores carrying our product ÷ stores in the channel universe. */
	public static BigDecimal numericDistribution(long carrying, long stores) {
		return ratio(BigDecimal.valueOf(carrying), BigDecimal.valueOf(stores));
	}

	/**
	 * WTD 加权铺货率 = category sales of stores carrying ÷ category sales of all stores in the
	 * universe.
	 */
	public static BigDecimal weightedDistribution(BigDecimal carryingCategorySales, BigDecimal categorySales) {
		return ratio(carryingCategorySales, categorySales);
	}

	/**
	 * Rank percentile in a region: the share of the other dealers whose sales are lower
	 * (1 = best, 0 = lowest, equal sales share a percentile). A region's only dealer is
	 * 1.
	 */
	public static BigDecimal percentile(long dealersWithLowerSales, long dealers) {
		if (dealers <= 1) {
			return BigDecimal.ONE;
		}
		return ratio(BigDecimal.valueOf(dealersWithLowerSales), BigDecimal.valueOf(dealers - 1));
	}

	/** Store coverage = stores a dealer serves ÷ its target store count. */
	public static BigDecimal coverage(long servedStores, long targetStores) {
		return ratio(BigDecimal.valueOf(servedStores), BigDecimal.valueOf(targetStores));
	}

	/** Achievement 达成率 = actual ÷ plan. */
	public static BigDecimal achievement(BigDecimal actual, BigDecimal plan) {
		return ratio(actual, plan);
	}

	/**
	 * A year's target spread evenly over months: the target of its first {@code months}
	 * months.
	 */
	public static BigDecimal proRata(BigDecimal yearTarget, int months) {
		return yearTarget.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
	}

	/** The first month of the trailing 12 months that end with {@code period}. */
	public static YearMonth windowStart(YearMonth period) {
		return period.minusMonths(11);
	}

}
