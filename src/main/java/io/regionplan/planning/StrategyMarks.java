package io.regionplan.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.regionplan.rules.fact.BorderlineFlag;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.NewMarketVerdict;

/**
 * What {@code city-strategy} decided besides the strategies: a new market's 7C verdict
 * (ENTER, WATCH, HOLD) and the cities close to a median (BORDERLINE). Both are marks on
 * the city's strategy: its reason names them, so that every summary of the strategies
 * shows them.
 */
final class StrategyMarks {

	private final Map<String, NewMarketVerdict> verdicts = new TreeMap<>();

	private final Map<String, List<BorderlineFlag>> borderline = new TreeMap<>();

	StrategyMarks(List<NewMarketVerdict> verdicts, List<BorderlineFlag> borderline) {
		verdicts.forEach(verdict -> this.verdicts.put(verdict.cityId(), verdict));
		borderline.forEach(flag -> this.borderline.computeIfAbsent(flag.cityId(), city -> new ArrayList<>()).add(flag));
	}

	/** The strategy with its marks' reasons after its own. */
	CityStrategy withReasons(CityStrategy strategy) {
		StringBuilder zh = new StringBuilder(strategy.reasonZh());
		StringBuilder en = new StringBuilder(strategy.reasonEn());
		NewMarketVerdict verdict = verdicts.get(strategy.cityId());
		if (verdict != null) {
			zh.append("；").append(verdict.reasonZh());
			en.append("; ").append(verdict.reasonEn());
		}
		for (BorderlineFlag flag : borderline.getOrDefault(strategy.cityId(), List.of())) {
			zh.append("；").append(flag.reasonZh());
			en.append("; ").append(flag.reasonEn());
		}
		return new CityStrategy(strategy.cityId(), strategy.cityName(), strategy.strategy(), strategy.priority(),
				zh.toString(), en.toString());
	}

	/** City id → ENTER, WATCH or HOLD. */
	Map<String, String> verdicts() {
		Map<String, String> values = new TreeMap<>();
		verdicts.forEach((city, verdict) -> values.put(city, verdict.verdict()));
		return values;
	}

	/** The ids of the borderline cities, in order. */
	List<String> borderlineCities() {
		return List.copyOf(borderline.keySet());
	}

	/**
	 * One line per borderline city in id order, "hangzhou 杭州 BASE_CAMP — reasons /
	 * reasons", or "无 / none".
	 */
	String borderlineSummary(List<CityStrategy> strategies) {
		if (borderline.isEmpty()) {
			return "无 / none";
		}
		Map<String, CityStrategy> byCity = new TreeMap<>();
		strategies.forEach(strategy -> byCity.put(strategy.cityId(), strategy));
		List<String> lines = new ArrayList<>();
		borderline.forEach((city, flags) -> {
			CityStrategy strategy = byCity.get(city);
			lines.add(city + " " + (strategy == null ? "" : strategy.cityName() + " " + strategy.strategy()) + " — "
					+ String.join("；", flags.stream().map(BorderlineFlag::reasonZh).toList()) + " / "
					+ String.join("; ", flags.stream().map(BorderlineFlag::reasonEn).toList()));
		});
		return String.join("\n", lines);
	}

}
