package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.util.List;

/**
 * A city's share of the region's plan and its 12 months, January first, in the plan's
 * unit: the months add up to the city's plan and the cities to the region's plan.
 */
public record CityPlan(String cityId, String name, BigDecimal plan, List<BigDecimal> months, String reasonZh,
		String reasonEn) implements Outcome {

	public CityPlan {
		months = List.copyOf(months);
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "plan";
	}

	@Override
	public String value() {
		return plan.toPlainString();
	}

}
