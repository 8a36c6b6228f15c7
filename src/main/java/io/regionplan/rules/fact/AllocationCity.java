package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A city to allocate to, with the strategy the {@code city-strategy} rules chose for it
 * this cycle.
 *
 * @param beyondRange whether the range rule 射程距离 dropped it (far from the distribution
 * centre with no adjacent base camp): its money weight is lowered
 */
public record AllocationCity(String cityId, String name, String strategy, BigDecimal marketSize,
		boolean beyondRange) implements Subject {

	/** A city within range. */
	public AllocationCity(String cityId, String name, String strategy, BigDecimal marketSize) {
		this(cityId, name, strategy, marketSize, false);
	}

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

}
