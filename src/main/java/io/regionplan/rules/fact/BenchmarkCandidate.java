package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A city that could become a benchmark market 标杆市场, for the {@code benchmark-selection}
 * rules.
 *
 * @param strategy the city's development strategy in the region's latest cycle
 * @param dealers dealers serving the city
 * @param stores stores in the city's channel universe
 * @param share our share of the category; {@code null} without market size
 */
public record BenchmarkCandidate(String cityId, String name, String strategy, int dealers, long stores,
		BigDecimal marketSize, BigDecimal share) implements Subject {

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	/** The category sales we do not have yet: market size × (1 − share), yuan. */
	public BigDecimal growthOpportunity() {
		return share == null ? marketSize : marketSize.multiply(BigDecimal.ONE.subtract(share));
	}

}
