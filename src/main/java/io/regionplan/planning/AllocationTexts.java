package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.Allocations;
import io.regionplan.rules.fact.Amounts;
import io.regionplan.rules.fact.CityMoney;

/**
 * The allocation as the tier review (and the director) reads it: money in 万元 by city and
 * purpose, people by city, cities by their Chinese names.
 */
final class AllocationTexts {

	/** The purposes in the order DOMAIN.md names them, with their labels. */
	static final Map<String, String> PURPOSES = new java.util.LinkedHashMap<>();

	static {
		PURPOSES.put(CityMoney.DEALER_SUPPORT, "经销商支持 / dealer support");
		PURPOSES.put("STORE_INVESTMENT", "门店投入 / store investment");
		PURPOSES.put("PROMOTION", "促销 / promotion");
		PURPOSES.put("TEAM", "团队 / team");
	}

	private final Map<String, String> names;

	/** {@code names}: city id → Chinese name. */
	AllocationTexts(Map<String, String> names) {
		this.names = names;
	}

	private String city(String id) {
		return names.containsKey(id) ? names.get(id) + " " + id : id;
	}

	/**
	 * The reserve, what the dealers get, and what stays with a city whose dealers could
	 * not take it.
	 */
	String summary(List<Allocation> money, Allocation reserve, long dealers) {
		StringBuilder text = new StringBuilder().append("预留 / reserve ")
			.append(Amounts.wan(reserve.amount()))
			.append("\n经销商 / dealers: ")
			.append(dealers)
			.append(" 家 / dealers, ")
			.append(Amounts.wan(total(money, "dealer")));
		List<Allocation> pools = money.stream()
			.filter(a -> a.subjectType().equals(Allocations.POOL) && a.amount().signum() > 0)
			.toList();
		if (!pools.isEmpty()) {
			text.append("\n城市统筹（经销商无法承接，由经理安排）/ city pools (no dealer could take it, for the manager to place): ")
				.append(Amounts.wan(total(money, Allocations.POOL)));
			pools.forEach(pool -> text.append("\n  ")
				.append(city(pool.subjectId()))
				.append(' ')
				.append(Amounts.wan(pool.amount()))
				.append(" — ")
				.append(pool.reasonZh())
				.append(" / ")
				.append(pool.reasonEn()));
		}
		return text.toString();
	}

	/**
	 * A line per purpose with its total, then a line per city, the most money first: the
	 * city's total and each purpose. Empty for rules that give no purposes.
	 */
	String moneyByCityAndPurpose(List<Allocation> money, List<CityMoney> purposes) {
		if (purposes.isEmpty()) {
			return "";
		}
		Map<String, Map<String, BigDecimal>> byCity = new TreeMap<>();
		Map<String, BigDecimal> byPurpose = new java.util.LinkedHashMap<>();
		PURPOSES.keySet().forEach(purpose -> byPurpose.put(purpose, BigDecimal.ZERO));
		for (CityMoney m : purposes) {
			byCity.computeIfAbsent(m.cityId(), c -> new TreeMap<>()).put(m.purpose(), m.amount());
			byPurpose.merge(m.purpose(), m.amount(), BigDecimal::add);
		}
		List<String> lines = new ArrayList<>();
		lines.add("合计 / total: " + Amounts.wan(byPurpose.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
				+ " — " + purposes(byPurpose));
		Map<String, BigDecimal> cityTotals = new TreeMap<>();
		money.stream().filter(a -> a.subjectType().equals("city")).forEach(a -> cityTotals.put(a.cityId(), a.amount()));
		byCity.keySet()
			.stream()
			.sorted(Comparator.comparing((String id) -> cityTotals.getOrDefault(id, BigDecimal.ZERO))
				.reversed()
				.thenComparing(Comparator.naturalOrder()))
			.forEach(id -> lines
				.add(city(id) + ": " + Amounts.wan(cityTotals.get(id)) + " — " + purposes(byCity.get(id))));
		return String.join("\n", lines);
	}

	private static String purposes(Map<String, BigDecimal> amounts) {
		List<String> parts = new ArrayList<>();
		PURPOSES.forEach((purpose, label) -> {
			if (amounts.containsKey(purpose)) {
				parts.add(label + " " + Amounts.wan(amounts.get(purpose)));
			}
		});
		amounts.forEach((purpose, amount) -> {
			if (!PURPOSES.containsKey(purpose)) {
				parts.add(purpose + " " + Amounts.wan(amount));
			}
		});
		return String.join(" · ", parts);
	}

	/**
	 * The dealers with the most money, at most {@code limit}, the most first (then by
	 * id): each with its name, id, tier, cities (by id) and its total over them, e.g. "1.
	 * 上海恒达供应链 D-E-001（A，上海、苏州）18.0 万元". Empty when no dealer gets money.
	 */
	String topDealers(List<Allocation> money, Map<String, String> dealerNames, Map<String, String> tiers, int limit) {
		Map<String, BigDecimal> totals = new TreeMap<>();
		Map<String, SortedSet<String>> cities = new TreeMap<>();
		money.stream().filter(a -> a.subjectType().equals("dealer") && a.amount().signum() > 0).forEach(a -> {
			totals.merge(a.subjectId(), a.amount(), BigDecimal::add);
			cities.computeIfAbsent(a.subjectId(), d -> new TreeSet<>()).add(a.cityId());
		});
		if (totals.isEmpty()) {
			return "";
		}
		List<String> top = totals.keySet()
			.stream()
			.sorted(Comparator.comparing((String dealer) -> totals.get(dealer))
				.reversed()
				.thenComparing(Comparator.<String>naturalOrder()))
			.limit(limit)
			.toList();
		StringBuilder text = new StringBuilder().append("经销商支持最多的 ")
			.append(top.size())
			.append(" 家（共 ")
			.append(totals.size())
			.append(" 家）/ the ")
			.append(top.size())
			.append(" dealers with the most support (of ")
			.append(totals.size())
			.append(')');
		for (int i = 0; i < top.size(); i++) {
			String dealer = top.get(i);
			text.append('\n')
				.append(i + 1)
				.append(". ")
				.append(dealerNames.containsKey(dealer) ? dealerNames.get(dealer) + " " + dealer : dealer)
				.append('（')
				.append(tiers.getOrDefault(dealer, "?"))
				.append('，')
				.append(String.join("、", cities.get(dealer).stream().map(id -> names.getOrDefault(id, id)).toList()))
				.append('）')
				.append(Amounts.wan(totals.get(dealer)));
		}
		return text.toString();
	}

	/**
	 * The reps of the headcount budget: per city short of reps, the largest shortfall
	 * first, with its reason; then what no city needs. Empty without a headcount budget.
	 * (The rules before 2026-11-28 split people by city weight: their city rows show.)
	 */
	String peopleByCity(List<Allocation> headcount) {
		List<String> lines = new ArrayList<>();
		for (Allocation a : headcount) {
			if (a.subjectType().equals("city")) {
				lines.add(city(a.subjectId()) + ": " + a.amount().toPlainString() + " 人 / reps — " + a.reasonZh()
						+ " / " + a.reasonEn());
			}
			else if (a.subjectType().equals(Allocations.POOL)) {
				lines.add("区域统筹 / region: " + a.amount().toPlainString() + " 人 / reps — " + a.reasonZh() + " / "
						+ a.reasonEn());
			}
		}
		return String.join("\n", lines);
	}

	private static BigDecimal total(List<Allocation> allocations, String subjectType) {
		return allocations.stream()
			.filter(a -> a.subjectType().equals(subjectType))
			.map(Allocation::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
