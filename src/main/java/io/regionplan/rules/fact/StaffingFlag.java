package io.regionplan.rules.fact;

/**
 * UNDERSTAFFED or OVERSTAFFED for a city × channel.
 */
public record StaffingFlag(String subjectId, String flag, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String kind() {
		return "flag";
	}

	@Override
	public String value() {
		return flag;
	}

}
