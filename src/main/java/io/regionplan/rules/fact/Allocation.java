package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * An amount of a budget given to the reserve, a city, or a dealer within a city.
 *
 * @param subjectType {@code reserve}, {@code city}, {@code dealer} or {@code city-pool}
 * @param cityId the city (null for the reserve)
 */
public record Allocation(String resource, String subjectType, String subjectId, String cityId, BigDecimal amount,
		String reasonZh, String reasonEn) implements Outcome {

	/**
	 * {@code allocation}, or {@code pool} for what a city holds because no dealer could
	 * take it: a city's decision shows both.
	 */
	@Override
	public String kind() {
		return subjectType.equals(Allocations.POOL) ? "pool" : "allocation";
	}

	@Override
	public String value() {
		return amount.toPlainString();
	}

}
