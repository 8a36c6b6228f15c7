package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * An amount of a budget given to the reserve, a city, or a dealer within a city.
 *
 * @param subjectType {@code reserve}, {@code city} or {@code dealer}
 * @param cityId the city (null for the reserve)
 */
public record Allocation(String resource, String subjectType, String subjectId, String cityId, BigDecimal amount,
		String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String kind() {
		return "allocation";
	}

	@Override
	public String value() {
		return amount.toPlainString();
	}

}
