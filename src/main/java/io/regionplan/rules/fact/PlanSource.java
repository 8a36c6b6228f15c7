package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A gap-closing source 缺口来源 of the plan (new dealers, new stores, new SKUs,
 * price/promotion) with its volume, either assigned to a city by the manager or, with
 * {@code cityId} null, a region total that the {@code plan-split} rules assign to the
 * cities.
 *
 * @param cityId the city the manager assigned it to, or {@code null} for a region total
 * @param kind the form field it comes from, e.g. {@code newDealersVolume}
 */
public record PlanSource(String cityId, String kind, BigDecimal volume) {

	public PlanSource {
		if (volume == null || volume.signum() < 0) {
			throw new IllegalArgumentException(
					"来源 " + kind + " 的销量不能为负 / the volume of source " + kind + " must not be negative, got " + volume);
		}
	}

}
