package io.regionplan.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The summaries the review and approval forms show of a cycle's strategies and tiers,
 * built from one list of lines whether they come from a rule run or from the cycle's
 * stored results after overrides: what the manager and the director read is what the
 * cycle holds now.
 */
final class CycleSummaries {

	/** How an override's reason starts in the stored results (OverrideDelegates). */
	static final String OVERRIDDEN_ZH = "人工调整，理由：";

	/**
	 * At most this many dealers are named in the tier moves, to keep the approval
	 * readable; the count of every move is given.
	 */
	static final int MAX_MOVES = 40;

	/** The strategies' Chinese names. */
	private static final Map<String, String> STRATEGY_ZH = Map.of("BASE_CAMP", "大本营", "THREE_POINTS_ATTACK_ONE",
			"三点攻一点", "BREAKTHROUGH", "突破", "MAINTAIN", "稳固", "MUSHROOM_PICKING", "采蘑菇", "NEW_MARKET", "新市场");

	private CycleSummaries() {
	}

	/** A strategy's Chinese name (the id for one without). */
	static String strategyZh(String strategy) {
		return STRATEGY_ZH.getOrDefault(strategy, strategy);
	}

	/** One city's strategy as stored or decided. */
	record StrategyLine(String cityId, String cityName, String strategy, boolean rangeDropped, String reasonZh,
			String reasonEn) {
	}

	/** One dealer's tier as stored or decided. */
	record TierLine(String dealerId, String tier, boolean flagged, String reasonZh, String reasonEn) {

		boolean overridden() {
			return reasonZh.startsWith(OVERRIDDEN_ZH);
		}

	}

	/**
	 * First the cities by strategy ("BASE_CAMP: 上海、苏州; …"), then one line per city in id
	 * order with its reason, marked when range dropped it a level.
	 */
	static String strategies(List<StrategyLine> lines) {
		List<StrategyLine> sorted = lines.stream().sorted(Comparator.comparing(StrategyLine::cityId)).toList();
		StringBuilder summary = new StringBuilder(sorted.stream()
			.collect(Collectors.groupingBy(StrategyLine::strategy, TreeMap::new,
					Collectors.mapping(StrategyLine::cityName, Collectors.toList())))
			.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + String.join("、", e.getValue()))
			.collect(Collectors.joining("; ")));
		sorted.forEach(line -> summary.append('\n')
			.append(line.cityId())
			.append(' ')
			.append(line.cityName())
			.append(" — ")
			.append(oneLine(line.reasonZh()))
			.append(" / ")
			.append(oneLine(line.reasonEn()))
			.append(line.rangeDropped() ? "（射程降一级 / one level lower by range）" : ""));
		return summary.toString();
	}

	/**
	 * A reason on the one line of its city or dealer: a manager's reason may span lines,
	 * and a line of its own would read as another entry of the summary.
	 */
	static String oneLine(String reason) {
		return reason == null ? "" : reason.replaceAll("\\s*\\R\\s*", " ");
	}

	/** Dealers per tier, A to D (every tier, zero included). */
	static Map<String, Integer> tierCounts(List<TierLine> lines) {
		Map<String, Integer> counts = new TreeMap<>(Map.of("A", 0, "B", 0, "C", 0, "D", 0));
		lines.forEach(line -> counts.merge(line.tier(), 1, Integer::sum));
		return counts;
	}

	/**
	 * "A n · B n · C n · D n（带标记 / flagged n）", then every D with its reason, then every
	 * overridden dealer with its new tier and the manager's reason.
	 */
	static String tiers(List<TierLine> lines) {
		Map<String, Integer> counts = tierCounts(lines);
		long flagged = lines.stream().filter(TierLine::flagged).count();
		StringBuilder summary = new StringBuilder("A " + counts.get("A") + " · B " + counts.get("B") + " · C "
				+ counts.get("C") + " · D " + counts.get("D") + "（带标记 / flagged " + flagged + "）");
		List<TierLine> sorted = lines.stream().sorted(Comparator.comparing(TierLine::dealerId)).toList();
		sorted.stream()
			.filter(line -> line.tier().equals("D") && !line.overridden())
			.forEach(line -> summary.append('\n')
				.append(line.dealerId())
				.append(" — ")
				.append(oneLine(line.reasonZh()))
				.append(" / ")
				.append(oneLine(line.reasonEn())));
		List<TierLine> overridden = sorted.stream().filter(TierLine::overridden).toList();
		if (!overridden.isEmpty()) {
			summary.append("\n人工调整 / overridden:");
			overridden.forEach(line -> summary.append('\n')
				.append(line.dealerId())
				.append(" → ")
				.append(line.tier())
				.append(" — ")
				.append(oneLine(line.reasonZh()))
				.append(" / ")
				.append(oneLine(line.reasonEn())));
		}
		return summary.toString();
	}

	/**
	 * The dealers whose tier differs from the last cycle's: "升级 n · 降级 n · 新 n · 已不在 n",
	 * then one line per dealer, by name ("名称（id）B → A"), ups first.
	 */
	static String tierMoves(Map<String, String> before, Map<String, String> now, Map<String, String> names) {
		List<String> up = new ArrayList<>();
		List<String> down = new ArrayList<>();
		List<String> added = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		new TreeMap<>(now).forEach((dealer, tier) -> {
			String was = before.get(dealer);
			String line = names.getOrDefault(dealer, dealer) + "（" + dealer + "）" + (was == null ? "新 / new" : was)
					+ " → " + tier;
			if (was == null) {
				added.add(line);
			}
			else if (tier.compareTo(was) < 0) {
				up.add(line);
			}
			else if (tier.compareTo(was) > 0) {
				down.add(line);
			}
		});
		new TreeMap<>(before).forEach((dealer, tier) -> {
			if (!now.containsKey(dealer)) {
				gone.add(names.getOrDefault(dealer, dealer) + "（" + dealer + "）" + tier + " → 已不在 / gone");
			}
		});
		StringBuilder text = new StringBuilder("升级 / up " + up.size() + " · 降级 / down " + down.size() + " · 新 / new "
				+ added.size() + " · 已不在 / gone " + gone.size());
		List<String> lines = Stream.of(up, down, added, gone).flatMap(List::stream).toList();
		lines.stream().limit(MAX_MOVES).forEach(line -> text.append('\n').append(line));
		if (lines.size() > MAX_MOVES) {
			text.append("\n…… 另有 ")
				.append(lines.size() - MAX_MOVES)
				.append(" 家 / ")
				.append(lines.size() - MAX_MOVES)
				.append(" more");
		}
		return text.toString();
	}

}
