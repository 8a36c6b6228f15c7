package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two computations of {@link Allocations}: a split by weight with a cap per share,
 * and rounding by largest remainder.
 */
final class AllocationArithmetic {

	static final MathContext EXACT = MathContext.DECIMAL128;

	private AllocationArithmetic() {
	}

	/**
	 * Splits an amount by weight; no one above cap × amount, the excess spread over the
	 * others.
	 */
	static Map<String, BigDecimal> capped(BigDecimal amount, Map<String, Weight> weights, BigDecimal cap) {
		Map<String, BigDecimal> amounts = new TreeMap<>();
		BigDecimal limit = amount.multiply(cap, EXACT);
		Map<String, BigDecimal> open = new TreeMap<>();
		weights.forEach((id, weight) -> {
			if (weight.weight().signum() > 0) {
				open.put(id, weight.weight());
			}
			else {
				amounts.put(id, BigDecimal.ZERO);
			}
		});
		BigDecimal remaining = amount;
		while (!open.isEmpty() && remaining.signum() > 0) {
			BigDecimal openWeight = open.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, BigDecimal> share = new TreeMap<>();
			for (Map.Entry<String, BigDecimal> entry : open.entrySet()) {
				share.put(entry.getKey(), remaining.multiply(entry.getValue(), EXACT).divide(openWeight, EXACT));
			}
			List<String> over = share.entrySet()
				.stream()
				.filter(e -> e.getValue().compareTo(limit) > 0)
				.map(Map.Entry::getKey)
				.toList();
			if (over.isEmpty()) {
				amounts.putAll(share);
				remaining = BigDecimal.ZERO;
				break;
			}
			for (String id : over) {
				amounts.put(id, limit);
				open.remove(id);
				remaining = remaining.subtract(limit);
			}
		}
		open.keySet().forEach(id -> amounts.putIfAbsent(id, BigDecimal.ZERO));
		return amounts;
	}

	/**
	 * Rounds every amount to {@code decimals} so that they add up to {@code total}
	 * exactly: each rounded down, then one unit more to the largest remainders (ties by
	 * key).
	 */
	static Map<String, BigDecimal> largestRemainder(Map<String, BigDecimal> exact, BigDecimal total, int decimals) {
		Map<String, BigDecimal> floors = new LinkedHashMap<>();
		exact.forEach((key, amount) -> floors.put(key, amount.setScale(decimals, RoundingMode.FLOOR)));
		BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
		BigDecimal left = total.setScale(decimals, RoundingMode.HALF_UP)
			.subtract(floors.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		List<String> byRemainder = new ArrayList<>(exact.keySet());
		byRemainder.sort(Comparator.comparing((String key) -> exact.get(key).subtract(floors.get(key)))
			.reversed()
			.thenComparing(Comparator.naturalOrder()));
		for (int i = 0; left.signum() > 0; i = (i + 1) % byRemainder.size()) {
			String key = byRemainder.get(i);
			floors.put(key, floors.get(key).add(unit));
			left = left.subtract(unit);
		}
		return floors;
	}

}
