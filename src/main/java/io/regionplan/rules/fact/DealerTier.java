package io.regionplan.rules.fact;

/**
 * The tier of a dealer: A core 核心, B growth 成长, C maintain 维持, D watch/exit 整改或淘汰.
 */
public record DealerTier(String dealerId, String tier, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return dealerId;
	}

	@Override
	public String kind() {
		return "tier";
	}

	@Override
	public String value() {
		return tier;
	}

}
