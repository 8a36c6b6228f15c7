package io.regionplan.rules.fact;

/**
 * The band a volume gap falls in, decided by the {@code volume-gap} rule set.
 *
 * @param subjectId the region or city of the gap
 * @param band ACCEPTED, GAP_PLAN (manager writes a gap-closing plan) or DIRECTOR_APPROVAL
 * (plan plus the director's approval)
 * @param reasonZh the reason in Chinese
 * @param reasonEn the reason in English
 */
public record GapBand(String subjectId, String band, String reasonZh, String reasonEn) implements Outcome {

	public static final String ACCEPTED = "ACCEPTED";

	public static final String GAP_PLAN = "GAP_PLAN";

	public static final String DIRECTOR_APPROVAL = "DIRECTOR_APPROVAL";

	@Override
	public String kind() {
		return "band";
	}

	@Override
	public String value() {
		return band;
	}

}
