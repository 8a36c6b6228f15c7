package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.AllocationDealer;
import io.regionplan.rules.fact.Allocations;
import io.regionplan.rules.fact.Budget;
import io.regionplan.rules.fact.RoiFlag;
import io.regionplan.rules.fact.StoreInvestment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ResourceAllocationRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("resource-allocation");
	}

	private static Budget money(String amount) {
		return new Budget("east", "money", new BigDecimal(amount), 2);
	}

	private static Map<String, BigDecimal> amounts(RuleRun run, String subjectType) {
		return run.factsOf(Allocation.class)
			.stream()
			.filter(a -> a.subjectType().equals(subjectType))
			.collect(Collectors.toMap(a -> a.subjectId() + (a.cityId() == null ? "" : "@" + a.cityId()),
					Allocation::amount));
	}

	@Test
	void reserveCityWeightsAndTierWeightsByHand() {
		// distributable 900,000; weights: a BASE_CAMP 1.0 × 2 bn = 2 bn, b BREAKTHROUGH
		// 1.5 × 1 bn = 1.5 bn → 2 : 1.5
		// city a: A (3) and C (1) and C (1) → 3/5 = 60% capped at 40%; the 20% excess
		// spread over the two C
		RuleRun run = RuleSets.run(rules,
				List.of(money("1000000"), new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("2000000000")),
						new AllocationCity("b", "乙", "BREAKTHROUGH", new BigDecimal("1000000000")),
						new AllocationDealer("d1", "a", "A"), new AllocationDealer("d2", "a", "C"),
						new AllocationDealer("d3", "a", "C"), new AllocationDealer("d4", "b", "B"),
						new AllocationDealer("d5", "b", "D")));

		// the reserve is exactly 10% of 1,000,000
		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("100000.00");
		Map<String, BigDecimal> cities = amounts(run, "city");
		assertThat(cities.get("a@a")).isEqualByComparingTo("514285.71");
		assertThat(cities.get("b@b")).isEqualByComparingTo("385714.29");
		Map<String, BigDecimal> dealers = amounts(run, "dealer");
		// 900,000 × 2/3.5 = 514,285.714…; cap 40% = 205,714.2857…; the rest 308,571.43
		// split evenly over d2, d3
		assertThat(dealers.get("d2@a")).isEqualByComparingTo("154285.71");
		assertThat(dealers.get("d3@a")).isEqualByComparingTo("154285.71");
		// city b: 900,000 × 1.5/3.5 = 385,714.2857…; B is its only dealer with a weight
		// (D weighs 0): it takes the whole city, not capped. The two cents left by
		// rounding go to the largest remainders, d1 and d4 (0.57 of a cent each)
		assertThat(dealers.get("d1@a")).isEqualByComparingTo("205714.29");
		assertThat(dealers.get("d4@b")).isEqualByComparingTo("385714.29");
		assertThat(dealers.get("d5@b")).isEqualByComparingTo("0");
		assertThat(amounts(run, Allocations.POOL)).as("nothing left in a city").isEmpty();
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.subjectId().equals("d4"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasonEn()).endsWith("not capped (CAP_SOLE_DEALER)"));
		assertThat(run.firedRules()).contains("Weight_CityByStrategy", "Weight_DealerByTier", "Allocate_Budget");
	}

	@Test
	void theReserveIsRoundedDownOnceAndTheRestAddsUpExactly() {
		// 17 reps: 10% = 1.7, rounded down to 1 (never more than 10%); 16 over three B
		// dealers, 5.33 each (under the cap of 40% = 6.4): 5, 5, 5 and the one left by
		// rounding to the first by id
		RuleRun run = RuleSets.run(rules, List.of(new Budget("east", "headcount", new BigDecimal("17"), 0),
				new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("100")), new AllocationDealer("d1", "a", "B"),
				new AllocationDealer("d2", "a", "B"), new AllocationDealer("d3", "a", "B")));

		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("1");
		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("6")),
				entry("d2@a", new BigDecimal("5")), entry("d3@a", new BigDecimal("5")));
		assertThat(amounts(run, "city")).containsOnly(entry("a@a", new BigDecimal("16")));
	}

	@Test
	void theCitiesAreTheirDealersAsRoundedAndAddUpToTheRest() {
		// 100.00: reserve 10.00; 90.00 over seven equal cities = 12.857… each, one dealer
		// each. Rounded by largest remainder: five get 12.86 and two 12.85, and each city
		// is its dealer's amount: 5 × 12.86 + 2 × 12.85 = 90.00
		List<Object> facts = new java.util.ArrayList<>(List.of(money("100")));
		for (int c = 1; c <= 7; c++) {
			facts.add(new AllocationCity("c" + c, "c" + c, "BASE_CAMP", new BigDecimal("100")));
			facts.add(new AllocationDealer("d" + c, "c" + c, "A"));
		}

		RuleRun run = RuleSets.run(rules, facts);

		Map<String, BigDecimal> cities = amounts(run, "city");
		Map<String, BigDecimal> dealers = amounts(run, "dealer");
		assertThat(cities.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("90.00");
		for (int c = 1; c <= 7; c++) {
			assertThat(cities.get("c" + c + "@c" + c)).isEqualByComparingTo(dealers.get("d" + c + "@c" + c));
		}
	}

	@Test
	void aCityWhoseDealersAllWeighNothingKeepsItsMoneyAsItsPool() {
		RuleRun run = RuleSets.run(rules, List.of(money("1000"),
				new AllocationCity("a", "甲", "MAINTAIN", new BigDecimal("100")), new AllocationDealer("d1", "a", "D")));

		// 10% reserve; the city's 900 stays with it
		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("100");
		assertThat(amounts(run, Allocations.POOL).get("a@a")).isEqualByComparingTo("900");
		assertThat(amounts(run, "dealer").get("d1@a")).isEqualByComparingTo("0");
	}

	@Test
	void whatTheCapCannotPlaceStaysWithTheCity() {
		// one city, two tier A dealers: each would take 50% of 900 but is capped at 40%
		// = 360; the 180 left is the city's pool, the reserve stays 100
		RuleRun run = RuleSets.run(rules,
				List.of(money("1000"), new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("100")),
						new AllocationDealer("d1", "a", "A"), new AllocationDealer("d2", "a", "A")));

		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("100");
		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("360.00")),
				entry("d2@a", new BigDecimal("360.00")));
		assertThat(amounts(run, Allocations.POOL)).containsOnly(entry("a@a", new BigDecimal("180.00")));
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.subjectType().equals(Allocations.POOL))
			.singleElement()
			.satisfies(a -> assertThat(a.reasonEn())
				.isEqualTo("all 2 dealers are at the 40% cap: the rest is the city's pool, for the manager to place"));
	}

	@RepeatedTest(50)
	void amountsAlwaysAddUpToTheBudgetAndNoDealerExceedsTheCap() {
		Random random = new Random();
		long seed = random.nextLong();
		random.setSeed(seed);
		List<Object> facts = new ArrayList<>();
		String[] strategies = { "BASE_CAMP", "THREE_POINTS_ATTACK_ONE", "BREAKTHROUGH", "MAINTAIN", "MUSHROOM_PICKING",
				"NEW_MARKET" };
		String[] tiers = { "A", "B", "C", "D" };
		int decimals = random.nextBoolean() ? 2 : 0;
		BigDecimal budget = BigDecimal.valueOf(random.nextLong(1, 100_000_000_00L)).movePointLeft(decimals);
		facts.add(new Budget("east", decimals == 2 ? "money" : "headcount", budget, decimals));
		int cities = random.nextInt(1, 15);
		for (int c = 0; c < cities; c++) {
			facts.add(new AllocationCity("c" + c, "c" + c, strategies[random.nextInt(strategies.length)],
					BigDecimal.valueOf(random.nextLong(0, 5_000_000_000L))));
			for (int d = random.nextInt(0, 8); d > 0; d--) {
				facts.add(new AllocationDealer("d" + c + "-" + d, "c" + c, tiers[random.nextInt(tiers.length)]));
			}
		}

		RuleRun run = RuleSets.run(rules, facts);

		List<Allocation> allocations = run.factsOf(Allocation.class);
		BigDecimal total = allocations.stream()
			.filter(a -> !a.subjectType().equals("city"))
			.map(Allocation::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(total).as("seed " + seed).isEqualByComparingTo(budget);
		assertThat(allocations).allSatisfy(a -> {
			assertThat(a.amount().signum()).as("seed " + seed).isNotNegative();
			assertThat(a.amount().scale()).as("seed " + seed).isEqualTo(decimals);
		});
		Map<String, BigDecimal> cityAmounts = amounts(run, "city");
		BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
		// the reserve is 10% of the budget rounded down to the unit: never more
		BigDecimal tenth = budget.multiply(new BigDecimal("0.10"));
		assertThat(amounts(run, "reserve").get("east")).as("seed " + seed)
			.isLessThanOrEqualTo(tenth)
			.isGreaterThan(tenth.subtract(unit));
		// the cities' amounts add up to the budget less the reserve exactly
		// (unless no city has a weight and the region holds the rest)
		if (!cityAmounts.isEmpty() && amounts(run, Allocations.POOL).keySet().stream().allMatch(k -> k.contains("@"))) {
			assertThat(cityAmounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed)
				.isEqualByComparingTo(budget.subtract(amounts(run, "reserve").get("east")));
		}
		for (Allocation dealer : allocations.stream().filter(a -> a.subjectType().equals("dealer")).toList()) {
			BigDecimal city = cityAmounts.get(dealer.cityId() + "@" + dealer.cityId());
			if (dealer.reasonEn().contains(Allocations.SOLE_DEALER)) {
				continue;
			}
			// 40% of the city's amount, give or take the rounding of both amounts
			assertThat(dealer.amount()).as("seed " + seed)
				.isLessThanOrEqualTo(city.multiply(new BigDecimal("0.40")).add(unit.multiply(BigDecimal.valueOf(2))));
		}
		// only a city's one dealer with a weight goes uncapped
		Map<String, Long> weightedDealers = facts.stream()
			.filter(AllocationDealer.class::isInstance)
			.map(AllocationDealer.class::cast)
			.filter(d -> !d.tier().equals("D"))
			.collect(Collectors.groupingBy(AllocationDealer::cityId, Collectors.counting()));
		assertThat(allocations).filteredOn(a -> a.reasonEn().contains(Allocations.SOLE_DEALER))
			.as("seed " + seed)
			.allSatisfy(a -> assertThat(weightedDealers.get(a.cityId())).isEqualTo(1L));
	}

	@Test
	void storeInvestmentBelowRoiOneNeedsTheDirector() {
		RuleRun run = RuleSets.run(rules,
				List.of(new StoreInvestment("s1", "a", new BigDecimal("10000"), new BigDecimal("9999")),
						new StoreInvestment("s2", "a", new BigDecimal("10000"), new BigDecimal("10000")),
						new StoreInvestment("s3", "a", BigDecimal.ZERO, new BigDecimal("10"))));

		assertThat(run.factsOf(RoiFlag.class)).singleElement().satisfies(flag -> {
			assertThat(flag.storeId()).isEqualTo("s1");
			assertThat(flag.flag()).isEqualTo("NEEDS_DIRECTOR_APPROVAL");
			assertThat(flag.reasonEn())
				.isEqualTo("store investment ROI 0.9999 < 1.0: renewal needs the director's approval");
		});
	}

}
