package io.regionplan.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * One city's metrics for a period (the trailing 12 months ending with it); {@code null}
 * marks a metric that is undefined (see {@link MarketFormulas}).
 *
 * @param sales our sell-in amount in the 12 months, yuan
 * @param previousSales the 12 months before
 * @param share sales ÷ market size
 * @param volumeToDate volume of the period's year up to the period
 * @param targetToDate the HQ target for those months
 * @param achievement volumeToDate ÷ targetToDate
 * @param neighbours the adjacent cities' ids
 * @param monthsWithSales how many of the 12 months have sales (city strategy needs 12)
 */
public record CityMetrics(String cityId, String regionId, String nameZh, String nameEn, int tier, long population,
		BigDecimal marketSize, BigDecimal distanceKm, BigDecimal sales, BigDecimal previousSales, BigDecimal growth,
		BigDecimal share, BigDecimal volumeToDate, BigDecimal targetToDate, BigDecimal achievement,
		List<String> neighbours, int monthsWithSales) {
}
