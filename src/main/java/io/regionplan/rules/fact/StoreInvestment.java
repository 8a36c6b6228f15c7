package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Last period's investment in a store: ROI = incremental gross profit ÷ spend.
 */
public record StoreInvestment(String storeId, String cityId, BigDecimal spend,
		BigDecimal incrementalProfit) implements Subject {

	@Override
	public String subjectType() {
		return "store";
	}

	@Override
	public String subjectId() {
		return storeId;
	}

	/** {@code null} when nothing was spent. */
	public BigDecimal roi() {
		return spend == null || spend.signum() == 0 ? null : incrementalProfit.divide(spend, 4, RoundingMode.HALF_UP);
	}

	public String roiText() {
		BigDecimal roi = roi();
		return roi == null ? "—" : roi.stripTrailingZeros().toPlainString();
	}

}
