package io.regionplan.rules.fact;

import static io.regionplan.rules.fact.AllocationArithmetic.EXACT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A city's dealer support over its dealers by tier weight, each at most the cap, except
 * the city's only dealer with a weight ({@value Allocations#SOLE_DEALER}); what no dealer
 * can take stays with the city as its pool ({@value Allocations#POOL}).
 */
final class DealerSupport {

	private DealerSupport() {
	}

	/**
	 * Adds the dealers' exact amounts and the pool to {@code exact}, keyed
	 * "type\u0001subject\u0001city", with their reasons.
	 * @param support the city's dealer support, or {@code null} for rules without
	 * purposes: then the dealers share the whole {@code cityAmount}
	 */
	static void split(String cityId, BigDecimal support, BigDecimal cityAmount, Map<String, Weight> dealers,
			BigDecimal dealerCap, int decimals, Map<String, BigDecimal> exact, Map<String, String[]> reasons) {
		BigDecimal amount = support == null ? cityAmount : support;
		String[] of = support == null ? new String[] { "的金额", "'s amount" }
				: new String[] { "的经销商支持", "'s dealer support" };
		long weighted = dealers.values().stream().filter(dealer -> dealer.weight().signum() > 0).count();
		BigDecimal cap = weighted == 1 ? BigDecimal.ONE : dealerCap;
		Map<String, BigDecimal> split = AllocationArithmetic.capped(amount, dealers, cap);
		BigDecimal given = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		split.forEach((dealer, share) -> {
			String key = "dealer\u0001" + dealer + "\u0001" + cityId;
			exact.put(key, share);
			Weight weight = dealers.get(dealer);
			boolean sole = weighted == 1 && weight.weight().signum() > 0;
			boolean atCap = !sole && share.compareTo(amount.multiply(dealerCap, EXACT)) >= 0 && share.signum() > 0;
			reasons.put(key,
					new String[] {
							"按等级权重 " + weight.value() + " 分配城市 " + cityId + of[0]
									+ (atCap ? "，封顶 " + Percent.of(dealerCap) : "")
									+ (sole ? "；城市唯一可分配的经销商，不设封顶（" + Allocations.SOLE_DEALER + "）" : ""),
							"tier weight " + weight.value() + " of city " + cityId + of[1]
									+ (atCap ? ", capped at " + Percent.of(dealerCap) : "")
									+ (sole ? "; the city's only dealer with a weight, not capped ("
											+ Allocations.SOLE_DEALER + ")" : "") });
		});
		BigDecimal left = amount.subtract(given);
		// a residue of the exact arithmetic is no pool: only what shows in the budget's
		// unit
		if (left.setScale(decimals, RoundingMode.HALF_UP).signum() > 0) {
			String key = Allocations.POOL + "\u0001" + cityId + "\u0001" + cityId;
			exact.put(key, left);
			reasons.put(key,
					weighted == 0
							? new String[] { "城市没有可分配的经销商（无经销商或均为权重 0），留在城市统筹，由经理安排",
									"no dealer of the city may take money (none, or all of weight 0): the city's pool, "
											+ "for the manager to place" }
							: new String[] { weighted + " 家经销商均已封顶 " + Percent.of(dealerCap) + "，余下留在城市统筹，由经理安排",
									"all " + weighted + " dealers are at the " + Percent.of(dealerCap)
											+ " cap: the rest is the city's pool, for the manager to place" });
		}
	}

}
