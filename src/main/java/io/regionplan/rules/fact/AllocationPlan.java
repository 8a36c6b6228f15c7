package io.regionplan.rules.fact;

import java.util.ArrayList;
import java.util.List;

/**
 * A budget's allocations to the reserve, the cities and the dealers, and the cities'
 * money per purpose, inserted by one rule at once.
 */
public record AllocationPlan(List<Allocation> allocations, List<CityMoney> purposes) implements OutcomeGroup {

	public AllocationPlan {
		allocations = List.copyOf(allocations);
		purposes = List.copyOf(purposes);
	}

	/** Allocations without purposes (the rules before 2026-11-28, people). */
	public AllocationPlan(List<Allocation> allocations) {
		this(allocations, List.of());
	}

	@Override
	public List<Outcome> outcomes() {
		List<Outcome> outcomes = new ArrayList<>(allocations);
		outcomes.addAll(purposes);
		return outcomes;
	}

}
