package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A part of a city's weight in the plan split, in cases: its forecast × its strategy's
 * uplift ({@value #UPLIFT}), or an even share when the region has nothing to weigh by
 * ({@value #EVEN}).
 */
public record PlanWeight(String cityId, String basis, BigDecimal weight, String reasonZh,
		String reasonEn) implements Outcome {

	public static final String UPLIFT = "uplift";

	public static final String EVEN = "even";

	public boolean positive() {
		return weight.signum() > 0;
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "weight";
	}

	@Override
	public String value() {
		return weight.stripTrailingZeros().toPlainString();
	}

}
