package io.regionplan.rules.fact;

/**
 * The range rule 射程距离: a city far from the distribution centre with no adjacent base camp
 * drops one priority level; {@code resource-allocation} multiplies its money weight by
 * its {@code weight.beyondRange} ({@link AllocationCity#beyondRange()}).
 */
public record RangeDrop(String cityId, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "range";
	}

	@Override
	public String value() {
		return "PRIORITY_DROPPED";
	}

}
