package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The volume gap of one subject (a region or a city) and the manager's plan against it
 * (DOMAIN.md, "Default policies, second set", Gap 缺口): the forecast is the baseline, GAP
 * = target − forecast and gap ratio = GAP ÷ target, whatever the plan says; the plan's
 * part above the forecast, the uplift, must be covered by named sources. A negative gap
 * (forecast above target) is no gap.
 *
 * @param subjectId the region or city the gap belongs to
 * @param target the HQ volume target, above zero
 * @param forecast the forecast volume, zero or above
 * @param plan the manager's planned volume, zero or above (the forecast until there is a
 * plan, and in facts recorded before the plan was part of them)
 */
public record VolumeGap(String subjectId, BigDecimal target, BigDecimal forecast, BigDecimal plan) implements Subject {

	public VolumeGap {
		if (target == null || target.signum() <= 0) {
			throw new IllegalArgumentException("销量目标必须大于 0 / target must be greater than 0, got " + target);
		}
		if (forecast == null || forecast.signum() < 0) {
			throw new IllegalArgumentException("预测销量不能为负 / forecast must not be negative, got " + forecast);
		}
		if (plan == null) {
			// a fact recorded before the plan was part of it (replays of older decisions)
			plan = forecast;
		}
		if (plan.signum() < 0) {
			throw new IllegalArgumentException("计划销量不能为负 / plan must not be negative, got " + plan);
		}
	}

	/** Before the manager has planned: the plan is the forecast. */
	public VolumeGap(String subjectId, BigDecimal target, BigDecimal forecast) {
		this(subjectId, target, forecast, forecast);
	}

	@Override
	public String subjectType() {
		return "region";
	}

	public BigDecimal gap() {
		return target.subtract(forecast);
	}

	/** The gap as a share of the target, four decimals (0.0825 is 8.25%). */
	public BigDecimal gapRatio() {
		return gap().divide(target, 4, RoundingMode.HALF_UP);
	}

	/** The gap ratio as text for reasons, e.g. "8.25%". */
	public String gapPercent() {
		return gapRatio().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/** The plan above the forecast, which named sources must cover; zero if none. */
	public BigDecimal uplift() {
		return plan.subtract(forecast).max(BigDecimal.ZERO);
	}

	/** Whether the manager plans less than the forecast. */
	public boolean planBelowForecast() {
		return plan.compareTo(forecast) < 0;
	}

	/** Whether the manager plans more than the forecast. */
	public boolean planAboveForecast() {
		return plan.compareTo(forecast) > 0;
	}

}
