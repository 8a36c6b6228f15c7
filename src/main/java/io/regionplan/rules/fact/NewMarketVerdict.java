package io.regionplan.rules.fact;

/**
 * Whether to enter a new market 新市场, by its 7C total: ENTER 进入, WATCH 观察 or HOLD 暂缓
 * (DOMAIN.md, "Default policies, second set", 7C).
 */
public record NewMarketVerdict(String cityId, String verdict, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "verdict";
	}

	@Override
	public String value() {
		return verdict;
	}

}
