package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * One gap-closing source of a city (or, for new SKUs and price/promotion, of the region)
 * against its realism bound, decided by the {@code gap-sources} rule set.
 *
 * @param subjectId the city or the region
 * @param source the source: {@code newDealersVolume}, {@code newStoresVolume},
 * {@code newSkusVolume} or {@code pricePromotionVolume}
 * @param volume the manager's volume, cases
 * @param bound the most the rules find realistic, whole cases
 * @param pastBound whether the volume is above the bound (the director decides)
 */
public record SourceBound(String subjectId, String source, BigDecimal volume, BigDecimal bound, boolean pastBound,
		String reasonZh, String reasonEn) implements Outcome {

	public static final String WITHIN = "WITHIN_BOUND";

	public static final String PAST = "PAST_BOUND";

	@Override
	public String kind() {
		return source;
	}

	@Override
	public String value() {
		return pastBound ? PAST : WITHIN;
	}

}
