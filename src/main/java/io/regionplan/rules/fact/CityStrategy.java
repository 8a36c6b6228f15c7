package io.regionplan.rules.fact;

/**
 * A city's development strategy: BASE_CAMP 大本营, THREE_POINTS_ATTACK_ONE 三点攻一点,
 * BREAKTHROUGH 突破, MAINTAIN 稳固, MUSHROOM_PICKING 采蘑菇; or NEW_MARKET 新市场 ranked by its 7C
 * score.
 *
 * @param priority 1 = first; the range rule may drop a city one level ({@link RangeDrop})
 */
public record CityStrategy(String cityId, String cityName, String strategy, int priority, String reasonZh,
		String reasonEn) implements Outcome {

	public static final String BASE_CAMP = "BASE_CAMP";

	/** The city names of several strategies, as a reason lists them: "苏州, 无锡". */
	public static String names(java.util.List<?> strategies) {
		String names = "";
		for (Object strategy : strategies) {
			names = names + (names.isEmpty() ? "" : ", ") + ((CityStrategy) strategy).cityName();
		}
		return names;
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "strategy";
	}

	@Override
	public String value() {
		return strategy;
	}

}
