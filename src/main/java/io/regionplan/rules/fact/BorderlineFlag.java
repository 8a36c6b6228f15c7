package io.regionplan.rules.fact;

/**
 * A city whose share or market size lies so close to the region's median that its
 * quadrant could tip either way: BORDERLINE 临界, for the manager to confirm (DOMAIN.md,
 * "Default policies, second set", Quadrant borderline).
 *
 * @param median {@code share} or {@code marketSize}: the median the city is close to
 */
public record BorderlineFlag(String cityId, String median, String reasonZh, String reasonEn) implements Outcome {

	public static final String BORDERLINE = "BORDERLINE";

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "flag";
	}

	@Override
	public String value() {
		return BORDERLINE;
	}

}
