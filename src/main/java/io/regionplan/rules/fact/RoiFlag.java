package io.regionplan.rules.fact;

/**
 * A store investment whose ROI last period was below the threshold: renewing it needs the
 * director.
 */
public record RoiFlag(String storeId, String flag, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return storeId;
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
