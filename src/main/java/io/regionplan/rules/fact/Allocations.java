package io.regionplan.rules.fact;

import static io.regionplan.rules.fact.AllocationArithmetic.EXACT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of resource allocation, called by the {@code resource-allocation} rules
 * once they have decided the weights: the reserve, a split over cities by weight, each
 * city's amount over the purposes by their shares (when the rules give purpose weights),
 * the dealer support of each city over its dealers by weight with a cap per dealer (the
 * excess spread over the others), and rounding by largest remainder, so that the reserve,
 * the dealers', the cities' pools and the other purposes always add up to the budget
 * exactly. The reserve is exactly the rate (DOMAIN.md, second set: "reserve exactly
 * 10%"). What the cap cannot place is placed by two stated rules: a city's only dealer
 * with a weight takes the whole dealer support ({@value #SOLE_DEALER}, above the cap);
 * what is left when every dealer is at the cap, or a city whose dealers all weigh 0,
 * stays with the city as its pool ({@value #POOL}), shown to the manager in the review.
 */
public final class Allocations {

	/** The reason's mark of a city's only dealer, which is not capped. */
	public static final String SOLE_DEALER = "CAP_SOLE_DEALER";

	/** The subject type of what a city holds because no dealer could take it. */
	public static final String POOL = "city-pool";

	/** The subject type of a purpose's share ({@link Weight}). */
	public static final String PURPOSE = "purpose";

	private static final String KEY = "\u0001";

	private Allocations() {
	}

	/**
	 * The allocations as one fact: a consequence inserts them with one {@code insert}.
	 * Without purpose weights (the rules before 2026-11-28) the dealers share the whole
	 * city amount and there is no {@link CityMoney}.
	 */
	public static AllocationPlan plan(Budget budget, BigDecimal reserveRate, BigDecimal dealerCap,
			Collection<?> weightFacts) {
		Map<String, Weight> cities = new TreeMap<>();
		Map<String, Map<String, Weight>> dealers = new TreeMap<>();
		Map<String, Weight> purposes = new TreeMap<>();
		for (Object fact : weightFacts) {
			Weight weight = (Weight) fact;
			switch (weight.subjectType()) {
				case "city" -> cities.put(weight.cityId(), weight);
				case PURPOSE -> purposes.put(weight.subjectId(), weight);
				default ->
					dealers.computeIfAbsent(weight.cityId(), c -> new TreeMap<>()).put(weight.subjectId(), weight);
			}
		}
		BigDecimal shares = purposes.values().stream().map(Weight::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (!purposes.isEmpty() && shares.compareTo(BigDecimal.ONE) != 0) {
			throw new IllegalArgumentException("用途比例合计 " + shares.toPlainString()
					+ "，应为 1 / the purposes' shares add up to " + shares.toPlainString() + ", not 1");
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
		if (totalCityWeight.signum() == 0 && distributable.signum() > 0) {
			String key = POOL + KEY + budget.regionId() + KEY;
			exact.put(key, distributable);
			reasons.put(key,
					new String[] { "没有权重大于 0 的城市，由经理安排", "no city has a weight above 0: for the manager to place" });
		}
		Map<String, BigDecimal> cityAmounts = new TreeMap<>();
		for (Weight city : cities.values()) {
			BigDecimal cityAmount = totalCityWeight.signum() == 0 ? BigDecimal.ZERO
					: distributable.multiply(city.weight(), EXACT).divide(totalCityWeight, EXACT);
			cityAmounts.put(city.cityId(), cityAmount);
			BigDecimal support = cityAmount;
			for (Weight purpose : purposes.values()) {
				BigDecimal amount = cityAmount.multiply(purpose.weight(), EXACT);
				if (purpose.subjectId().equals(CityMoney.DEALER_SUPPORT)) {
					support = amount;
				}
				else {
					String key = PURPOSE + KEY + purpose.subjectId() + KEY + city.cityId();
					exact.put(key, amount);
					reasons.put(key, new String[] { purpose.reasonZh(), purpose.reasonEn() });
				}
			}
			if (!purposes.isEmpty() && !purposes.containsKey(CityMoney.DEALER_SUPPORT)) {
				support = BigDecimal.ZERO;
			}
			DealerSupport.split(city.cityId(), purposes.isEmpty() ? null : support, cityAmount,
					dealers.getOrDefault(city.cityId(), Map.of()), dealerCap, budget.decimals(), exact, reasons);
		}

		// the reserve is already whole units; the rest is rounded so that it adds up to
		// the budget less the reserve exactly
		Map<String, BigDecimal> rounded = new LinkedHashMap<>();
		String reserveKey = "reserve" + KEY + budget.regionId() + KEY;
		rounded.put(reserveKey, reserve);
		reasons.put(reserveKey, new String[] { "预留 " + Percent.of(reserveRate), "reserve " + Percent.of(reserveRate) });
		rounded.putAll(AllocationArithmetic.largestRemainder(exact, distributable, budget.decimals()));
		List<Allocation> allocations = new ArrayList<>();
		List<CityMoney> money = new ArrayList<>();
		Map<String, BigDecimal> roundedByCity = new TreeMap<>();
		Map<String, BigDecimal> supportByCity = new TreeMap<>();
		rounded.forEach((key, amount) -> {
			String[] parts = key.split(KEY, -1);
			String[] reason = reasons.get(key);
			if (parts[0].equals(PURPOSE)) {
				money.add(new CityMoney(parts[2], parts[1], amount, reason[0], reason[1]));
			}
			else {
				allocations.add(new Allocation(budget.resource(), parts[0], parts[1],
						parts[2].isEmpty() ? null : parts[2], amount, reason[0], reason[1]));
				if (!parts[2].isEmpty()) {
					supportByCity.merge(parts[2], amount, BigDecimal::add);
				}
			}
			if (!parts[2].isEmpty()) {
				roundedByCity.merge(parts[2], amount, BigDecimal::add);
			}
		});
		// A city's amount is its share by weight: its purposes, dealers and pool as
		// rounded, so that the cities add up to the budget less the reserve exactly.
		for (Weight city : cities.values()) {
			Weight support = purposes.get(CityMoney.DEALER_SUPPORT);
			if (support != null) {
				money.add(new CityMoney(city.cityId(), CityMoney.DEALER_SUPPORT,
						supportByCity.getOrDefault(city.cityId(), BigDecimal.ZERO.setScale(budget.decimals())),
						support.reasonZh(), support.reasonEn()));
			}
			BigDecimal amount = roundedByCity.getOrDefault(city.cityId(),
					cityAmounts.get(city.cityId()).setScale(budget.decimals(), RoundingMode.HALF_UP));
			String total = totalCityWeight.stripTrailingZeros().toPlainString();
			allocations.add(new Allocation(budget.resource(), "city", city.cityId(), city.cityId(), amount,
					"城市权重 " + city.value() + " / 总权重 " + total, "city weight " + city.value() + " of total " + total));
		}
		return new AllocationPlan(allocations, money);
	}

}
