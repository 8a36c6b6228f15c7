package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The volume of a gap-closing source that counts for a city in the plan split: assigned
 * to it by the manager, or its share of a region total.
 */
public record SourceShare(String cityId, String source, BigDecimal volume, String reasonZh,
		String reasonEn) implements Outcome {

	public boolean positive() {
		return volume.signum() > 0;
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "source";
	}

	@Override
	public String value() {
		return source + " " + volume.toPlainString();
	}

}
