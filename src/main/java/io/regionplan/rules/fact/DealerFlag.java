package io.regionplan.rules.fact;

/**
 * A flag added to a dealer of any tier: OVERDUE, DECLINING, CROSS_REGION_SELLING,
 * LOW_COVERAGE.
 */
public record DealerFlag(String dealerId, String flag, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return dealerId;
	}

	@Override
	public String kind() {
		return "flag";
	}

	@Override
	public String value() {
		return flag;
	}

}
