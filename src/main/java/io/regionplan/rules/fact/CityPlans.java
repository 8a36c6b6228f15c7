package io.regionplan.rules.fact;

import java.util.List;

/** The plan of every city, inserted by one rule at once. */
public record CityPlans(List<CityPlan> plans) implements OutcomeGroup {

	public CityPlans {
		plans = List.copyOf(plans);
	}

	@Override
	public List<CityPlan> outcomes() {
		return plans;
	}

}
