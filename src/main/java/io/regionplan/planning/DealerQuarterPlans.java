package io.regionplan.planning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;

import io.regionplan.rules.fact.PlanSplits;

/**
 * A quarter's plan per dealer: each city's quarter plan split over the dealers that sold
 * in the city last year, by their share of its volume then, rounded by largest remainder
 * to the plan's unit (whole cases, or hundredths for a city plan with decimals), so that
 * a city's dealers add up to its plan exactly. A dealer serving several cities has the
 * sum of its shares; a city whose dealers sold nothing there last year has no dealer
 * plans.
 */
final class DealerQuarterPlans {

	private DealerQuarterPlans() {
	}

	/**
	 * @param cityPlans city → its plan for the quarter
	 * @param lastYear city → dealer → volume last year
	 * @return dealer → its plan for the quarter, in dealer order
	 */
	static Map<String, BigDecimal> split(Map<String, BigDecimal> cityPlans,
			Map<String, Map<String, BigDecimal>> lastYear) {
		Map<String, BigDecimal> dealers = new TreeMap<>();
		cityPlans.forEach((city, plan) -> {
			Map<String, BigDecimal> volumes = new TreeMap<>();
			lastYear.getOrDefault(city, Map.of()).forEach((dealer, volume) -> {
				if (volume.signum() > 0) {
					volumes.put(dealer, volume);
				}
			});
			BigDecimal total = volumes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			if (total.signum() == 0) {
				return;
			}
			Map<String, BigDecimal> exact = new TreeMap<>();
			volumes.forEach(
					(dealer, volume) -> exact.put(dealer, plan.multiply(volume).divide(total, MathContext.DECIMAL128)));
			int decimals = plan.stripTrailingZeros().scale() <= 0 ? 0 : 2;
			PlanSplits.largestRemainder(exact, plan, decimals)
				.forEach((dealer, share) -> dealers.merge(dealer, share, BigDecimal::add));
		});
		return dealers;
	}

}
