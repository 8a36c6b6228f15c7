package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The people of a headcount budget go to the cities short of reps (DOMAIN.md, "Default
 * policies, second set", Resources), not to dealers: the largest shortfall first, each
 * city up to its shortfall, until the budget is used up; of two cities equally short the
 * larger market first, then the city id. What no city needs stays with the region
 * ({@value Allocations#POOL}, for the manager to place). No reserve is held back of
 * people.
 */
public final class Headcounts {

	private Headcounts() {
	}

	/**
	 * One {@code city} row per city short of reps (0 when the budget ran out before it),
	 * and the region's pool of what is left.
	 */
	public static AllocationPlan plan(Budget budget, Collection<?> staffingFacts) {
		List<CityStaffing> short_ = new ArrayList<>();
		for (Object fact : staffingFacts) {
			CityStaffing city = (CityStaffing) fact;
			if (city.shortfall() > 0) {
				short_.add(city);
			}
		}
		short_.sort(Comparator.comparingInt(CityStaffing::shortfall)
			.reversed()
			.thenComparing(CityStaffing::marketSize, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(CityStaffing::cityId));
		BigDecimal left = budget.amount().setScale(0, RoundingMode.FLOOR);
		List<Allocation> allocations = new ArrayList<>();
		int rank = 0;
		for (CityStaffing city : short_) {
			rank++;
			BigDecimal given = left.min(BigDecimal.valueOf(city.shortfall()));
			left = left.subtract(given);
			String usedUp = given.intValue() < city.shortfall() ? "，编制已用完" : "";
			String usedUpEn = given.intValue() < city.shortfall() ? ", the budget is used up" : "";
			allocations.add(new Allocation(budget.resource(), "city", city.cityId(), city.cityId(), given,
					"缺 " + city.shortfall() + " 人（需要 " + city.required() + "，现有 " + city.headcount() + "），缺口第 " + rank
							+ " 大：补 " + given.toPlainString() + " 人" + usedUp,
					"short of " + city.shortfall() + " reps (" + city.required() + " required, " + city.headcount()
							+ " now), shortfall no. " + rank + ": " + given.toPlainString() + " given" + usedUpEn));
		}
		if (left.signum() > 0) {
			allocations.add(new Allocation(budget.resource(), Allocations.POOL, budget.regionId(), null, left,
					"没有缺人的城市需要，由经理安排", "no city short of reps needs them: for the manager to place"));
		}
		return new AllocationPlan(allocations);
	}

}
