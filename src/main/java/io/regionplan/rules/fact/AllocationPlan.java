package io.regionplan.rules.fact;

import java.util.List;

/**
 * A budget's allocations to the reserve, the cities and the dealers, inserted by one rule
 * at once.
 */
public record AllocationPlan(List<Allocation> allocations) implements OutcomeGroup {

	public AllocationPlan {
		allocations = List.copyOf(allocations);
	}

	@Override
	public List<Allocation> outcomes() {
		return allocations;
	}

}
