package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A dealer as the {@code dealer-classification} rules see it (trailing 12 months, see the
 * Market data metrics).
 *
 * @param growth YoY sales growth as a fraction (0.15 = 15%); {@code null} when it had no
 * sales the year before, which is neither growing nor declining
 * @param percentile rank percentile in its region by sales: 1 = best, 0.8 and above = top
 * 20%
 * @param coverage stores served ÷ target stores; {@code null} without a target
 */
public record Dealer(String dealerId, String regionId, String name, BigDecimal sales, BigDecimal growth,
		BigDecimal percentile, BigDecimal coverage, int overdueDays, int crossRegionIncidents) implements Subject {

	@Override
	public String subjectType() {
		return "dealer";
	}

	@Override
	public String subjectId() {
		return dealerId;
	}

	/** The growth as a percentage for reasons ("−23.5%"), or "—" when undefined. */
	public String growthPercent() {
		return Percent.of(growth);
	}

	public String percentileText() {
		return Percent.of(percentile);
	}

	public String coveragePercent() {
		return Percent.of(coverage);
	}

}
