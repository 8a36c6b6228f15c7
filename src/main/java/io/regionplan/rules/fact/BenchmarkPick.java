package io.regionplan.rules.fact;

/**
 * Whether a city qualifies as a benchmark market and, if so, its rank by growth
 * opportunity (1 = first).
 */
public record BenchmarkPick(String cityId, boolean eligible, int rank, String reasonZh,
		String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "benchmark";
	}

	@Override
	public String value() {
		return eligible ? "RANK_" + rank : "NOT_ELIGIBLE";
	}

}
