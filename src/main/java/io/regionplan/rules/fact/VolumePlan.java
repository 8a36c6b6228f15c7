package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The region's volume plan as approved, to be split over its cities and months by the
 * {@code plan-split} rules (DOMAIN.md, "Default policies, second set", Plan split 计划分解).
 *
 * @param plan the plan, zero or above
 * @param decimals the unit the cells are rounded to: 0 for whole cases (the plan is typed
 * in whole cases), 2 for a plan with decimals
 */
public record VolumePlan(String regionId, BigDecimal plan, int decimals) implements Subject {

	public VolumePlan {
		if (plan == null || plan.signum() < 0) {
			throw new IllegalArgumentException("计划销量不能为负 / the plan must not be negative, got " + plan);
		}
		if (decimals < 0 || decimals > 2) {
			throw new IllegalArgumentException(
					"计划的单位为 0 或 2 位小数 / the plan's unit is 0 to 2 decimals, got " + decimals);
		}
	}

	/** A plan of whole cases is split into whole cases; any other into hundredths. */
	public static VolumePlan of(String regionId, BigDecimal plan) {
		return new VolumePlan(regionId, plan, plan.stripTrailingZeros().scale() <= 0 ? 0 : 2);
	}

	@Override
	public String subjectType() {
		return "region";
	}

	@Override
	public String subjectId() {
		return regionId;
	}

}
