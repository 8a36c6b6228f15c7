package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The volume gap of one subject (a region or a city): GAP = target − forecast, gap ratio
 * = GAP ÷ target (DOMAIN.md, Volume gap 销量缺口). A negative gap (forecast above target) is
 * no gap.
 *
 * @param subjectId the region or city the gap belongs to
 * @param target the HQ volume target, above zero
 * @param forecast the forecast volume, zero or above
 */
public record VolumeGap(String subjectId, BigDecimal target, BigDecimal forecast) implements Subject {

	public VolumeGap {
		if (target == null || target.signum() <= 0) {
			throw new IllegalArgumentException("销量目标必须大于 0 / target must be greater than 0, got " + target);
		}
		if (forecast == null || forecast.signum() < 0) {
			throw new IllegalArgumentException("预测销量不能为负 / forecast must not be negative, got " + forecast);
		}
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

}
