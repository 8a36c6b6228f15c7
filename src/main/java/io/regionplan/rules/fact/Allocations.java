package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of resource allocation, called by the {@code resource-allocation} rules
 * once they have decided the weights: the reserve, a split over cities by weight, a split
 * within each city over dealers by weight with a cap per dealer (the excess spread over
 * the others), and rounding by largest remainder, so that the reserve, the dealers' and
 * the cities' pools always add up to the budget exactly. The reserve is exactly the rate
 * (DOMAIN.md, second set: "reserve exactly 10%"). What the cap cannot place is placed by
 * two stated rules: a city's only dealer with a weight takes the whole city amount
 * ({@value #SOLE_DEALER}, above the cap); what is left when every dealer is at the cap,
 * or a city whose dealers all weigh 0, stays with the city as its pool ({@value #POOL}),
 * shown to the manager in the review (a form to place it is not built yet).
 */
public final class Allocations {

	private static final MathContext EXACT = MathContext.DECIMAL128;

	/** The reason's mark of a city's only dealer, which is not capped. */
	public static final String SOLE_DEALER = "CAP_SOLE_DEALER";

	/** The subject type of what a city holds because no dealer could take it. */
	public static final String POOL = "city-pool";

	private Allocations() {
	}

	/**
	 * The allocations of {@link #split} as one fact: a consequence inserts them with one
	 * {@code insert}.
	 */
	public static AllocationPlan plan(Budget budget, BigDecimal reserveRate, BigDecimal dealerCap,
			Collection<?> weightFacts) {
		return new AllocationPlan(split(budget, reserveRate, dealerCap, weightFacts));
	}

	public static List<Allocation> split(Budget budget, BigDecimal reserveRate, BigDecimal dealerCap,
			Collection<?> weightFacts) {
		Map<String, Weight> cities = new TreeMap<>();
		Map<String, Map<String, Weight>> dealers = new TreeMap<>();
		for (Object fact : weightFacts) {
			Weight weight = (Weight) fact;
			if (weight.subjectType().equals("city")) {
				cities.put(weight.cityId(), weight);
			}
			else {
				dealers.computeIfAbsent(weight.cityId(), c -> new TreeMap<>()).put(weight.subjectId(), weight);
			}
		}
		// the reserve rounded down once to the budget's unit: never more than the rate
		BigDecimal reserve = budget.amount()
			.multiply(reserveRate, EXACT)
			.setScale(budget.decimals(), RoundingMode.FLOOR);
		BigDecimal distributable = budget.amount().subtract(reserve);
		BigDecimal totalCityWeight = cities.values()
			.stream()
			.map(Weight::weight)
			.reduce(BigDecimal.ZERO, BigDecimal::add);

		Map<String, BigDecimal> exact = new LinkedHashMap<>();
		Map<String, String[]> reasons = new LinkedHashMap<>();
		String[] reserveReason = { "预留 " + Percent.of(reserveRate), "reserve " + Percent.of(reserveRate) };
		if (totalCityWeight.signum() == 0 && distributable.signum() > 0) {
			String key = POOL + "\u0001" + budget.regionId() + "\u0001";
			exact.put(key, distributable);
			reasons.put(key,
					new String[] { "没有权重大于 0 的城市，由经理安排", "no city has a weight above 0: for the manager to place" });
		}
		Map<String, BigDecimal> cityAmounts = new TreeMap<>();
		for (Weight city : cities.values()) {
			BigDecimal cityAmount = totalCityWeight.signum() == 0 ? BigDecimal.ZERO
					: distributable.multiply(city.weight(), EXACT).divide(totalCityWeight, EXACT);
			cityAmounts.put(city.cityId(), cityAmount);
			Map<String, Weight> cityDealers = dealers.getOrDefault(city.cityId(), Map.of());
			long weighted = cityDealers.values().stream().filter(dealer -> dealer.weight().signum() > 0).count();
			BigDecimal cap = weighted == 1 ? BigDecimal.ONE : dealerCap;
			Map<String, BigDecimal> split = capped(cityAmount, cityDealers, cap);
			BigDecimal given = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			split.forEach((dealer, amount) -> {
				String key = "dealer\u0001" + dealer + "\u0001" + city.cityId();
				exact.put(key, amount);
				Weight weight = cityDealers.get(dealer);
				boolean sole = weighted == 1 && weight.weight().signum() > 0;
				boolean atCap = !sole && amount.compareTo(cityAmount.multiply(dealerCap, EXACT)) >= 0
						&& amount.signum() > 0;
				reasons.put(key,
						new String[] { "按等级权重 " + weight.value() + " 分配城市 " + city.cityId() + " 的金额"
								+ (atCap ? "，封顶 " + Percent.of(dealerCap) : "")
								+ (sole ? "；城市唯一可分配的经销商，不设封顶（" + SOLE_DEALER + "）" : ""),
								"tier weight " + weight.value() + " of city " + city.cityId() + "'s amount"
										+ (atCap ? ", capped at " + Percent.of(dealerCap) : "")
										+ (sole ? "; the city's only dealer with a weight, not capped (" + SOLE_DEALER
												+ ")" : "") });
			});
			BigDecimal left = cityAmount.subtract(given);
			// a residue of the exact arithmetic is no pool: only what shows in the
			// budget's unit
			if (left.setScale(budget.decimals(), RoundingMode.HALF_UP).signum() > 0) {
				String key = POOL + "\u0001" + city.cityId() + "\u0001" + city.cityId();
				exact.put(key, left);
				reasons.put(key, weighted == 0
						? new String[] { "城市没有可分配的经销商（无经销商或均为权重 0），留在城市统筹，由经理安排",
								"no dealer of the city may take money (none, or all of weight 0): the city's pool, "
										+ "for the manager to place" }
						: new String[] { weighted + " 家经销商均已封顶 " + Percent.of(dealerCap) + "，余下留在城市统筹，由经理安排",
								"all " + weighted + " dealers are at the " + Percent.of(dealerCap)
										+ " cap: the rest is the city's pool, for the manager to place" });
			}
		}

		// the reserve is already whole units; the rest is rounded so that it adds up to
		// the budget less the reserve exactly
		Map<String, BigDecimal> rounded = new LinkedHashMap<>();
		rounded.put("reserve\u0001" + budget.regionId() + "\u0001", reserve);
		reasons.put("reserve\u0001" + budget.regionId() + "\u0001", reserveReason);
		rounded.putAll(largestRemainder(exact, distributable, budget.decimals()));
		List<Allocation> allocations = new ArrayList<>();
		Map<String, BigDecimal> roundedByCity = new TreeMap<>();
		rounded.forEach((key, amount) -> {
			String[] parts = key.split("\u0001", -1);
			String[] reason = reasons.get(key);
			allocations.add(new Allocation(budget.resource(), parts[0], parts[1], parts[2].isEmpty() ? null : parts[2],
					amount, reason[0], reason[1]));
			if (!parts[2].isEmpty()) {
				roundedByCity.merge(parts[2], amount, BigDecimal::add);
			}
		});
		// A city's amount is its share by weight: its dealers' and its pool, as rounded,
		// so that the cities add up to the budget less the reserve exactly.
		for (Weight city : cities.values()) {
			BigDecimal amount = roundedByCity.getOrDefault(city.cityId(),
					cityAmounts.get(city.cityId()).setScale(budget.decimals(), RoundingMode.HALF_UP));
			allocations.add(new Allocation(budget.resource(), "city", city.cityId(), city.cityId(), amount,
					"城市权重 " + city.value() + " / 总权重 " + totalCityWeight.stripTrailingZeros().toPlainString(),
					"city weight " + city.value() + " of total "
							+ totalCityWeight.stripTrailingZeros().toPlainString()));
		}
		return allocations;
	}

	/**
	 * Splits a city's amount by weight; no one above cap × amount, the excess spread over
	 * the others.
	 */
	static Map<String, BigDecimal> capped(BigDecimal cityAmount, Map<String, Weight> dealers, BigDecimal cap) {
		Map<String, BigDecimal> amounts = new TreeMap<>();
		BigDecimal limit = cityAmount.multiply(cap, EXACT);
		Map<String, BigDecimal> open = new TreeMap<>();
		dealers.forEach((id, weight) -> {
			if (weight.weight().signum() > 0) {
				open.put(id, weight.weight());
			}
			else {
				amounts.put(id, BigDecimal.ZERO);
			}
		});
		BigDecimal remaining = cityAmount;
		while (!open.isEmpty() && remaining.signum() > 0) {
			BigDecimal openWeight = open.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, BigDecimal> share = new TreeMap<>();
			for (Map.Entry<String, BigDecimal> dealer : open.entrySet()) {
				share.put(dealer.getKey(), remaining.multiply(dealer.getValue(), EXACT).divide(openWeight, EXACT));
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
	 * exactly.
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
