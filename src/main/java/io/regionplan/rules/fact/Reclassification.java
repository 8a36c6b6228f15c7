package io.regionplan.rules.fact;

/**
 * A dealer OFF_TRACK two quarters running, to be re-classified at once.
 */
public record Reclassification(String dealerId, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return dealerId;
	}

	@Override
	public String kind() {
		return "reclassify";
	}

	@Override
	public String value() {
		return "RECLASSIFY";
	}

}
