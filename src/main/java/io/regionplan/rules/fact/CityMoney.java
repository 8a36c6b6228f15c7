package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A city's money for one purpose (DOMAIN.md, "Default policies, second set", Resources):
 * {@code DEALER_SUPPORT} 经销商支持 (what its dealers and its pool get),
 * {@code STORE_INVESTMENT} 门店投入, {@code PROMOTION} 促销 or {@code TEAM} 团队.
 */
public record CityMoney(String cityId, String purpose, BigDecimal amount, String reasonZh,
		String reasonEn) implements Outcome {

	public static final String DEALER_SUPPORT = "DEALER_SUPPORT";

	@Override
	public String subjectId() {
		return cityId;
	}

	/** The purpose: a city's decision shows each purpose's amount under its name. */
	@Override
	public String kind() {
		return purpose;
	}

	@Override
	public String value() {
		return amount.toPlainString();
	}

}
