package io.regionplan.rules.fact;

/**
 * ON_TRACK, WATCH or OFF_TRACK (or NO_PLAN) for a city or dealer in a quarterly review.
 */
public record ReviewBand(String subjectType, String subjectId, String band, String reasonZh,
		String reasonEn) implements Outcome {

	public static final String OFF_TRACK = "OFF_TRACK";

	@Override
	public String kind() {
		return "band";
	}

	@Override
	public String value() {
		return band;
	}

}
