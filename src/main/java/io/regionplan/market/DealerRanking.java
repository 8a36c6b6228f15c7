package io.regionplan.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * Each dealer's rank percentile in its region by sales
 * ({@link MarketFormulas#percentile}): what the dealer-classification rules read as
 * {@code percentile}.
 */
final class DealerRanking {

	private DealerRanking() {
	}

	/** The region's dealers, each with its percentile among them. */
	static List<DealerMetrics> withPercentiles(List<DealerMetrics> dealers) {
		List<BigDecimal> ranking = dealers.stream().map(DealerMetrics::sales).sorted(BigDecimal::compareTo).toList();
		return dealers.stream()
			.map(d -> withPercentile(d, MarketFormulas.percentile(lowerThan(ranking, d.sales()), ranking.size())))
			.toList();
	}

	/** How many of the sorted values are strictly below {@code value}. */
	private static long lowerThan(List<BigDecimal> sorted, BigDecimal value) {
		int low = 0;
		int high = sorted.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted.get(mid).compareTo(value) < 0) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private static DealerMetrics withPercentile(DealerMetrics d, BigDecimal percentile) {
		return new DealerMetrics(d.dealerId(), d.regionId(), d.name(), d.sales(), d.previousSales(), d.growth(),
				percentile, d.servedStores(), d.targetStores(), d.coverage(), d.overdueDays(), d.crossRegionIncidents(),
				d.complianceScore(), d.receivables());
	}

}
