package io.regionplan.market;

import java.math.BigDecimal;

/**
 * One dealer's metrics for a period: the facts the dealer-classification rules read.
 *
 * @param sales trailing-12-month sell-in, yuan
 * @param growth YoY growth, {@code null} when it had no sales the year before
 * @param percentile rank percentile in its region by sales (1 = best)
 * @param coverage stores served ÷ target stores, {@code null} without a target
 */
public record DealerMetrics(String dealerId, String regionId, String name, BigDecimal sales, BigDecimal previousSales,
		BigDecimal growth, BigDecimal percentile, long servedStores, long targetStores, BigDecimal coverage,
		int overdueDays, int crossRegionIncidents, BigDecimal complianceScore, BigDecimal receivables) {
}
