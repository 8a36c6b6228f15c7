package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The weight a rule gave a city (strategy weight × market size) or a dealer within a city
 * (tier weight).
 *
 * @param subjectType {@code city} or {@code dealer}
 * @param cityId the city the weight applies in
 */
public record Weight(String subjectType, String subjectId, String cityId, BigDecimal weight, String reasonZh,
		String reasonEn) implements Outcome {

	@Override
	public String kind() {
		return "weight";
	}

	@Override
	public String value() {
		return weight.stripTrailingZeros().toPlainString();
	}

}
