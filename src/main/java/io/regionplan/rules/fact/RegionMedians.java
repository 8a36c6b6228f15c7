package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The medians that split a region's cities (those with 12+ months of sales) into high and
 * low share and high and low potential.
 */
public record RegionMedians(String regionId, BigDecimal share, BigDecimal marketSize) {

	public String sharePercent() {
		return Percent.of(share);
	}

}
