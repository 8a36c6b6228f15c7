package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A city to allocate to, with the strategy the {@code city-strategy} rules chose for it
 * this cycle.
 */
public record AllocationCity(String cityId, String name, String strategy, BigDecimal marketSize) implements Subject {

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

}
