package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The region's gap-closing sources whose realism is a share of the region's forecast
 * (DOMAIN.md, "Default policies, second set", Gap): new SKUs and price/promotion, added
 * up over the cities. The forecast is the region's baseline the gap is measured from; a
 * new SKU or a price move is often launched in a few cities first, so the bound is the
 * region's, not each city's.
 *
 * @param subjectId the region
 * @param forecast the region's forecast, cases
 * @param newSkus the new-SKU volume of all cities, cases
 * @param pricePromotion the price and promotion volume of all cities, cases
 */
public record GapSourceRegion(String subjectId, BigDecimal forecast, BigDecimal newSkus,
		BigDecimal pricePromotion) implements Subject {

	@Override
	public String subjectType() {
		return "region";
	}

	/** New SKUs ≤ forecast × {@code newSkus.maxShareOfForecast}, whole cases down. */
	public BigDecimal newSkusBound(Parameters parameters) {
		return share(parameters, "newSkus.maxShareOfForecast");
	}

	/** Price/promotion ≤ forecast × {@code pricePromotion.maxShareOfForecast}. */
	public BigDecimal pricePromotionBound(Parameters parameters) {
		return share(parameters, "pricePromotion.maxShareOfForecast");
	}

	private BigDecimal share(Parameters parameters, String key) {
		return forecast.multiply(parameters.decimal(key)).setScale(0, RoundingMode.FLOOR);
	}

}
