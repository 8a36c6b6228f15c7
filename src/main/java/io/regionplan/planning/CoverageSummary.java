package io.regionplan.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.CoverageCity;
import io.regionplan.rules.fact.CoverageTarget;
import io.regionplan.rules.fact.Percent;

/**
 * What the team review shows of a cycle's coverage targets: the target stores of the
 * region against today's, then every city with its strategy, each channel whose ND target
 * is above today's with ND, WTD and stores, today → target, and the channels that hold,
 * in Chinese names.
 */
final class CoverageSummary {

	/**
	 * What a form shows of the coverage targets, about a page: a longer summary ends with
	 * a line saying how many lines are left out (the decision holds every city and
	 * channel).
	 */
	static final int MAX_LENGTH = 4000;

	private CoverageSummary() {
	}

	/**
	 * "目标门店 / target stores 1,234，今天 / today 1,100（+134）", then per city (by id) a line
	 * "杭州 大本营 / BASE_CAMP" (three-points-attack-one with its adjacent base camps), a line
	 * per channel that rises, the ordered channels first: "杭州 大卖场 ND 62% → 67% · WTD 70%
	 * → 74% · 门店 62 → 67 / 100", and one for the channels that hold: "杭州 保持 / hold: 传统渠道
	 * 40%、餐饮 35%".
	 */
	static String text(List<CoverageCity> cities, List<CoverageTarget> targets, Map<String, String> channelNames) {
		long today = targets.stream().mapToLong(CoverageTarget::carrying).sum();
		long target = targets.stream().mapToLong(CoverageTarget::targetStores).sum();
		List<String> lines = new ArrayList<>();
		lines.add(String.format("目标门店 / target stores %,d，今天 / today %,d（+%,d）", target, today, target - today));
		for (CoverageCity city : cities.stream().sorted(Comparator.comparing(CoverageCity::cityId)).toList()) {
			lines.add(city.cityName() + " " + CycleSummaries.strategyZh(city.strategy()) + " / " + city.strategy()
					+ (city.strategy().equals("THREE_POINTS_ATTACK_ONE")
							? "，相邻大本营 / adjacent base camps: " + city.baseCampsZh() : ""));
			List<CoverageTarget> channels = targets.stream()
				.filter(t -> t.cityId().equals(city.cityId()))
				.sorted(Comparator.comparingInt((CoverageTarget t) -> t.order() == 0 ? Integer.MAX_VALUE : t.order())
					.thenComparing(CoverageTarget::channelId))
				.toList();
			channels.stream()
				.filter(CoverageSummary::rises)
				.forEach(t -> lines.add(city.cityName() + " " + name(t, channelNames) + " ND " + Percent.of(t.ndToday())
						+ " → " + Percent.of(t.ndTarget()) + " · WTD " + Percent.of(t.wtdToday()) + " → "
						+ Percent.of(t.wtdTarget()) + " · 门店 " + t.carrying() + " → " + t.targetStores() + " / "
						+ t.stores() + (t.order() == 0 ? "" : " · 第 " + t.order() + " / #" + t.order())));
			String held = channels.stream()
				.filter(t -> !rises(t))
				.map(t -> name(t, channelNames) + " " + Percent.of(t.ndToday()))
				.collect(Collectors.joining("、"));
			if (!held.isEmpty()) {
				lines.add(city.cityName() + " 保持 / hold: " + held);
			}
		}
		return fitted(lines);
	}

	private static boolean rises(CoverageTarget target) {
		return target.ndTarget().compareTo(target.ndToday()) > 0;
	}

	private static String name(CoverageTarget target, Map<String, String> channelNames) {
		return channelNames.getOrDefault(target.channelId(), target.channelId());
	}

	/** The lines, as many as fit in {@link #MAX_LENGTH} with a last line for the rest. */
	static String fitted(List<String> lines) {
		String all = String.join("\n", lines);
		if (all.length() <= MAX_LENGTH) {
			return all;
		}
		StringBuilder text = new StringBuilder(lines.get(0));
		int shown = 1;
		while (text.length() + 1 + lines.get(shown).length() + 60 <= MAX_LENGTH) {
			text.append('\n').append(lines.get(shown++));
		}
		int left = lines.size() - shown;
		return text.append("\n…余下 ")
			.append(left)
			.append(" 行见决策记录 / ")
			.append(left)
			.append(" more lines in the decision")
			.toString();
	}

}
