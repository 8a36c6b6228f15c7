package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A city's or dealer's actual against plan for a quarter, for the
 * {@code quarterly-review} rules.
 *
 * @param subjectType {@code city} or {@code dealer}
 * @param previousBand last quarter's band, or {@code null} in the first quarter
 */
public record Review(String subjectType, String subjectId, BigDecimal actual, BigDecimal plan,
		String previousBand) implements Subject {

	/** Achievement 达成率 = actual ÷ plan; {@code null} without a plan. */
	public BigDecimal achievement() {
		return plan == null || plan.signum() == 0 ? null : actual.divide(plan, 4, RoundingMode.HALF_UP);
	}

	public String achievementPercent() {
		return Percent.of(achievement());
	}

}
