package io.regionplan.rules.fact;

/**
 * A dealer serving a city, with the tier the {@code dealer-classification} rules gave it
 * this cycle. A dealer serving two cities is allocated in each.
 */
public record AllocationDealer(String dealerId, String cityId, String tier) implements Subject {

	@Override
	public String subjectType() {
		return "dealer";
	}

	@Override
	public String subjectId() {
		return dealerId;
	}

}
