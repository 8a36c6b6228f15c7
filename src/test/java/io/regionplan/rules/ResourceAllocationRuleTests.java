package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

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
import io.regionplan.rules.fact.CityMoney;
import io.regionplan.rules.fact.CityStaffing;
import io.regionplan.rules.fact.RoiFlag;
import io.regionplan.rules.fact.StoreInvestment;
import io.regionplan.rules.fact.Weight;

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

	private static Map<String, BigDecimal> purposes(RuleRun run) {
		return run.factsOf(CityMoney.class)
			.stream()
			.collect(Collectors.toMap(m -> m.purpose() + "@" + m.cityId(), CityMoney::amount));
	}

	private static Map<String, BigDecimal> people(RuleRun run) {
		return run.factsOf(Allocation.class)
			.stream()
			.filter(a -> a.resource().equals("headcount"))
			.collect(Collectors.toMap(a -> a.subjectType() + ":" + a.subjectId(), Allocation::amount));
	}

	/**
	 * DOMAIN.md, second set, Resources: reserve exactly 10%; money per city = strategy
	 * weight × market size; each city's money 50% dealer support, 25% store investment,
	 * 15% promotion, 10% team; dealer support by tier weight A 3, B 2, C 1, D 0, at most
	 * 40% each except a city's only dealer.
	 */
	@Test
	void reserveCityWeightsPurposesAndTierWeightsByHand() {
		// 1,000,000: reserve 100,000; 900,000 over 甲 BASE_CAMP 1.0 × 2 bn = 2 bn and 乙
		// BREAKTHROUGH 1.5 × 2 bn = 3 bn: 360,000 and 540,000
		RuleRun run = RuleSets.run(rules,
				List.of(money("1000000"), new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("2000000000")),
						new AllocationCity("b", "乙", "BREAKTHROUGH", new BigDecimal("2000000000")),
						new AllocationDealer("d1", "a", "A"), new AllocationDealer("d2", "a", "A"),
						new AllocationDealer("d3", "a", "B"), new AllocationDealer("d4", "b", "B"),
						new AllocationDealer("d5", "b", "D")));

		assertThat(amounts(run, "reserve")).containsOnly(entry("east", new BigDecimal("100000.00")));
		assertThat(amounts(run, "city")).containsOnly(entry("a@a", new BigDecimal("360000.00")),
				entry("b@b", new BigDecimal("540000.00")));
		// 甲 360,000: 180,000 · 90,000 · 54,000 · 36,000; 乙 540,000: 270,000 · 135,000 ·
		// 81,000 · 54,000
		assertThat(purposes(run)).containsOnly(entry("DEALER_SUPPORT@a", new BigDecimal("180000.00")),
				entry("STORE_INVESTMENT@a", new BigDecimal("90000.00")),
				entry("PROMOTION@a", new BigDecimal("54000.00")), entry("TEAM@a", new BigDecimal("36000.00")),
				entry("DEALER_SUPPORT@b", new BigDecimal("270000.00")),
				entry("STORE_INVESTMENT@b", new BigDecimal("135000.00")),
				entry("PROMOTION@b", new BigDecimal("81000.00")), entry("TEAM@b", new BigDecimal("54000.00")));
		// 甲's dealer support A:A:B = 3:3:2 of 180,000: 67,500, 67,500, 45,000 (37.5% at
		// most, under 40%); 乙's B is its only dealer with a weight (D weighs 0): the
		// whole
		// 270,000, not capped
		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("67500.00")),
				entry("d2@a", new BigDecimal("67500.00")), entry("d3@a", new BigDecimal("45000.00")),
				entry("d4@b", new BigDecimal("270000.00")), entry("d5@b", new BigDecimal("0.00")));
		assertThat(amounts(run, Allocations.POOL)).as("nothing left in a city").isEmpty();
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.subjectId().equals("d4"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasonEn())
				.isEqualTo("tier weight 2 of city b's dealer support; the city's only dealer with a weight, "
						+ "not capped (CAP_SOLE_DEALER)"));
		assertThat(run.factsOf(CityMoney.class)).filteredOn(m -> m.cityId().equals("a"))
			.extracting(CityMoney::reasonEn)
			.containsExactlyInAnyOrder("dealer support: 50% of the city's money, over its dealers by tier weight",
					"store investment: 25% of the city's money", "promotion: 15% of the city's money",
					"team: 10% of the city's money");
		assertThat(run.firedRules()).contains("Weight_CityByStrategy", "Weight_DealerByTier", "Weight_Purposes",
				"Allocate_Budget");
	}

	@Test
	void aCityBeyondRangeWeighsFourFifths() {
		// both BASE_CAMP 1.0 × 1 bn, 乙 beyond range: 1 bn and 0.8 bn of 1.8 bn; 900,000
		// → 500,000 and 400,000
		RuleRun run = RuleSets.run(rules,
				List.of(money("1000000"),
						new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("1000000000"), false),
						new AllocationCity("b", "乙", "BASE_CAMP", new BigDecimal("1000000000"), true)));

		assertThat(amounts(run, "city")).containsOnly(entry("a@a", new BigDecimal("500000.00")),
				entry("b@b", new BigDecimal("400000.00")));
		assertThat(run.factsOf(Weight.class)).filteredOn(w -> w.subjectType().equals("city"))
			.extracting(Weight::subjectId, Weight::value, Weight::reasonEn)
			.containsExactlyInAnyOrder(tuple("a", "1000000000", "strategy BASE_CAMP weight 1.0 × market size 1 bn"),
					tuple("b", "800000000", "strategy BASE_CAMP weight 1.0 × market size 1 bn × beyond range 0.8"));
		assertThat(run.firedRules()).contains("Weight_CityByStrategy", "Weight_CityBeyondRange");
	}

	@Test
	void theReserveIsRoundedDownOnceAndTheCentsAddUpExactly() {
		// 100.17: 10% = 10.017, rounded down to 10.01 (never more than 10%); 90.16 to the
		// one city: dealer support 45.08 over three B = 15.02666… each (33%, under the
		// cap), store 22.54, promotion 13.524, team 9.016. Rounded down: 3 × 15.02 +
		// 22.54
		// + 13.52 + 9.01 = 90.13; the 3 cents left go to the largest remainders: the
		// dealers' 0.667 of a cent each, before the team's 0.6 and the promotion's 0.4
		RuleRun run = RuleSets.run(rules,
				List.of(money("100.17"), new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("100")),
						new AllocationDealer("d1", "a", "B"), new AllocationDealer("d2", "a", "B"),
						new AllocationDealer("d3", "a", "B")));

		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("10.01");
		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("15.03")),
				entry("d2@a", new BigDecimal("15.03")), entry("d3@a", new BigDecimal("15.03")));
		assertThat(purposes(run)).containsOnly(entry("DEALER_SUPPORT@a", new BigDecimal("45.09")),
				entry("STORE_INVESTMENT@a", new BigDecimal("22.54")), entry("PROMOTION@a", new BigDecimal("13.52")),
				entry("TEAM@a", new BigDecimal("9.01")));
		// 10.01 + 45.09 + 22.54 + 13.52 + 9.01 = 100.17
		assertThat(amounts(run, "city")).containsOnly(entry("a@a", new BigDecimal("90.16")));
	}

	@Test
	void theCitiesAreTheirPurposesAsRoundedAndAddUpToTheRest() {
		// 100.00: reserve 10.00; 90.00 over seven equal cities = 12.857… each, one dealer
		// each; each city's purposes and its dealer's share rounded by largest
		// remainder, and each city is the sum of its purposes, its dealer support its
		// dealer's amount
		List<Object> facts = new ArrayList<>(List.of(money("100")));
		for (int c = 1; c <= 7; c++) {
			facts.add(new AllocationCity("c" + c, "c" + c, "BASE_CAMP", new BigDecimal("100")));
			facts.add(new AllocationDealer("d" + c, "c" + c, "A"));
		}

		RuleRun run = RuleSets.run(rules, facts);

		Map<String, BigDecimal> cities = amounts(run, "city");
		Map<String, BigDecimal> dealers = amounts(run, "dealer");
		Map<String, BigDecimal> purposes = purposes(run);
		assertThat(cities.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("90.00");
		for (int c = 1; c <= 7; c++) {
			String city = "c" + c;
			assertThat(purposes.get("DEALER_SUPPORT@" + city)).isEqualByComparingTo(dealers.get("d" + c + "@" + city));
			assertThat(cities.get(city + "@" + city)).isEqualByComparingTo(run.factsOf(CityMoney.class)
				.stream()
				.filter(m -> m.cityId().equals(city))
				.map(CityMoney::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		}
	}

	@Test
	void aCityWhoseDealersAllWeighNothingKeepsItsDealerSupportAsItsPool() {
		RuleRun run = RuleSets.run(rules, List.of(money("1000"),
				new AllocationCity("a", "甲", "MAINTAIN", new BigDecimal("100")), new AllocationDealer("d1", "a", "D")));

		// 10% reserve; the city's 900: dealer support 450 stays with it, store 225,
		// promotion 135, team 90
		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("100");
		assertThat(amounts(run, Allocations.POOL)).containsOnly(entry("a@a", new BigDecimal("450.00")));
		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("0.00")));
		assertThat(purposes(run)).containsOnly(entry("DEALER_SUPPORT@a", new BigDecimal("450.00")),
				entry("STORE_INVESTMENT@a", new BigDecimal("225.00")), entry("PROMOTION@a", new BigDecimal("135.00")),
				entry("TEAM@a", new BigDecimal("90.00")));
	}

	@Test
	void whatTheCapCannotPlaceStaysWithTheCity() {
		// one city, two tier A dealers: each would take 50% of the dealer support of 450
		// but is capped at 40% = 180; the 90 left is the city's pool, the reserve stays
		// 100
		RuleRun run = RuleSets.run(rules,
				List.of(money("1000"), new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("100")),
						new AllocationDealer("d1", "a", "A"), new AllocationDealer("d2", "a", "A")));

		assertThat(amounts(run, "reserve").get("east")).isEqualByComparingTo("100");
		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("180.00")),
				entry("d2@a", new BigDecimal("180.00")));
		assertThat(amounts(run, Allocations.POOL)).containsOnly(entry("a@a", new BigDecimal("90.00")));
		assertThat(purposes(run).get("DEALER_SUPPORT@a")).isEqualByComparingTo("450.00");
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.subjectType().equals(Allocations.POOL))
			.singleElement()
			.satisfies(a -> assertThat(a.reasonEn())
				.isEqualTo("all 2 dealers are at the 40% cap: the rest is the city's pool, for the manager to place"));
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.subjectId().equals("d1"))
			.singleElement()
			.satisfies(
					a -> assertThat(a.reasonEn()).isEqualTo("tier weight 3 of city a's dealer support, capped at 40%"));
	}

	@Test
	void aCitysOnlyDealerTakesTheWholeDealerSupport() {
		// 900 to the city, 450 dealer support: its one A dealer takes it all (100%, above
		// the 40% cap), flagged
		RuleRun run = RuleSets.run(rules,
				List.of(money("1000"), new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("100")),
						new AllocationDealer("d1", "a", "A")));

		assertThat(amounts(run, "dealer")).containsOnly(entry("d1@a", new BigDecimal("450.00")));
		assertThat(amounts(run, Allocations.POOL)).isEmpty();
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.subjectId().equals("d1"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasonEn()).contains(Allocations.SOLE_DEALER));
	}

	@Test
	void purposesThatDoNotAddUpToOneAreRefused() {
		List<Weight> weights = List.of(new Weight("city", "a", "a", BigDecimal.ONE, "城市", "city"),
				new Weight(Allocations.PURPOSE, "DEALER_SUPPORT", null, new BigDecimal("0.50"), "经销商", "dealers"),
				new Weight(Allocations.PURPOSE, "TEAM", null, new BigDecimal("0.40"), "团队", "team"));

		assertThatThrownBy(
				() -> Allocations.plan(money("1000"), new BigDecimal("0.10"), new BigDecimal("0.40"), weights))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("the purposes' shares add up to 0.90, not 1");
	}

	/**
	 * People (DOMAIN.md, second set): to the cities short of reps, the largest shortfall
	 * first; of two equally short the larger market first, then the city id. No reserve.
	 */
	@Test
	void peopleGoToTheLargestShortfallFirst() {
		// 7 reps: 甲 short 4 (10 required, 6 now) gets 4; 乙 and 丙 short 2 each, 乙 the
		// larger market gets 2, 丙 the last 1; 丁 has more reps than needed, 戊 and 己 are
		// short 1 with equal markets but nothing is left
		RuleRun run = RuleSets.run(rules,
				List.of(new Budget("east", "headcount", new BigDecimal("7"), 0),
						new CityStaffing("a", "甲", 10, 6, new BigDecimal("100")),
						new CityStaffing("b", "乙", 5, 3, new BigDecimal("300")),
						new CityStaffing("c", "丙", 4, 2, new BigDecimal("200")),
						new CityStaffing("d", "丁", 3, 5, new BigDecimal("900")),
						new CityStaffing("f", "己", 2, 1, new BigDecimal("50")),
						new CityStaffing("e", "戊", 2, 1, new BigDecimal("50"))));

		assertThat(people(run)).containsOnly(entry("city:a", new BigDecimal("4")), entry("city:b", new BigDecimal("2")),
				entry("city:c", new BigDecimal("1")), entry("city:e", BigDecimal.ZERO),
				entry("city:f", BigDecimal.ZERO));
		assertThat(run.factsOf(Allocation.class)).filteredOn(a -> a.resource().equals("headcount"))
			.extracting(Allocation::subjectId, Allocation::reasonEn)
			.containsExactly(tuple("a", "short of 4 reps (10 required, 6 now), shortfall no. 1: 4 given"),
					tuple("b", "short of 2 reps (5 required, 3 now), shortfall no. 2: 2 given"),
					tuple("c", "short of 2 reps (4 required, 2 now), shortfall no. 3: 1 given, the budget is used up"),
					tuple("e", "short of 1 reps (2 required, 1 now), shortfall no. 4: 0 given, the budget is used up"),
					tuple("f", "short of 1 reps (2 required, 1 now), shortfall no. 5: 0 given, the budget is used up"));
		assertThat(run.factsOf(Allocation.class)).noneMatch(a -> a.subjectType().equals("reserve"))
			.noneMatch(a -> a.subjectType().equals("dealer"));
		assertThat(run.firedRules()).contains("Allocate_PeopleToCitiesShortOfReps").doesNotContain("Allocate_Budget");
	}

	@Test
	void peopleNoCityNeedsStayWithTheRegion() {
		// 5 reps, shortfalls 2 and 1: 2 and 1 given, 2 left for the manager to place
		RuleRun run = RuleSets.run(rules,
				List.of(new Budget("east", "headcount", new BigDecimal("5"), 0),
						new CityStaffing("a", "甲", 3, 2, new BigDecimal("100")),
						new CityStaffing("b", "乙", 4, 2, new BigDecimal("100")),
						new AllocationCity("a", "甲", "BASE_CAMP", new BigDecimal("100")),
						new AllocationDealer("d1", "a", "A")));

		assertThat(people(run)).containsOnly(entry("city:b", new BigDecimal("2")), entry("city:a", new BigDecimal("1")),
				entry(Allocations.POOL + ":east", new BigDecimal("2")));
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
		facts.add(new Budget("east", "money", budget, decimals));
		int cities = random.nextInt(1, 15);
		for (int c = 0; c < cities; c++) {
			facts.add(new AllocationCity("c" + c, "c" + c, strategies[random.nextInt(strategies.length)],
					BigDecimal.valueOf(random.nextLong(0, 5_000_000_000L)), random.nextBoolean()));
			for (int d = random.nextInt(0, 8); d > 0; d--) {
				facts.add(new AllocationDealer("d" + c + "-" + d, "c" + c, tiers[random.nextInt(tiers.length)]));
			}
		}

		RuleRun run = RuleSets.run(rules, facts);

		List<Allocation> allocations = run.factsOf(Allocation.class);
		List<CityMoney> money = run.factsOf(CityMoney.class);
		BigDecimal reserve = amounts(run, "reserve").get("east");
		// the reserve, the dealers, the pools and the purposes other than dealer support
		// add up to the budget exactly
		BigDecimal total = reserve
			.add(allocations.stream()
				.filter(a -> a.subjectType().equals("dealer") || a.subjectType().equals(Allocations.POOL))
				.map(Allocation::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add))
			.add(money.stream()
				.filter(m -> !m.purpose().equals(CityMoney.DEALER_SUPPORT))
				.map(CityMoney::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(total).as("seed " + seed).isEqualByComparingTo(budget);
		assertThat(allocations).allSatisfy(a -> {
			assertThat(a.amount().signum()).as("seed " + seed).isNotNegative();
			assertThat(a.amount().scale()).as("seed " + seed).isEqualTo(decimals);
		});
		assertThat(money).allSatisfy(m -> assertThat(m.amount().scale()).as("seed " + seed).isEqualTo(decimals));
		Map<String, BigDecimal> cityAmounts = amounts(run, "city");
		BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
		// the reserve is 10% of the budget rounded down to the unit: never more
		BigDecimal tenth = budget.multiply(new BigDecimal("0.10"));
		assertThat(reserve).as("seed " + seed).isLessThanOrEqualTo(tenth).isGreaterThan(tenth.subtract(unit));
		Map<String, BigDecimal> purposes = purposes(run);
		Map<String, BigDecimal> shares = Map.of("DEALER_SUPPORT", new BigDecimal("0.50"), "STORE_INVESTMENT",
				new BigDecimal("0.25"), "PROMOTION", new BigDecimal("0.15"), "TEAM", new BigDecimal("0.10"));
		if (amounts(run, Allocations.POOL).keySet().stream().allMatch(k -> k.contains("@"))) {
			// the cities add up to the budget less the reserve exactly (unless no city
			// has a weight and the region holds the rest)
			assertThat(cityAmounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed)
				.isEqualByComparingTo(budget.subtract(reserve));
		}
		for (Map.Entry<String, BigDecimal> city : cityAmounts.entrySet()) {
			String id = city.getKey().substring(0, city.getKey().indexOf('@'));
			// a city is its purposes, each its share of the city's money, give or take
			// the rounding of both (a unit each; the dealer support a unit per dealer)
			BigDecimal sum = BigDecimal.ZERO;
			for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
				BigDecimal amount = purposes.get(share.getKey() + "@" + id);
				sum = sum.add(amount);
				assertThat(amount.subtract(city.getValue().multiply(share.getValue())).abs()).as("seed " + seed)
					.isLessThanOrEqualTo(unit.multiply(BigDecimal.valueOf(10)));
			}
			assertThat(sum).as("seed " + seed).isEqualByComparingTo(city.getValue());
			// the dealer support is what the city's dealers and its pool get
			assertThat(allocations.stream()
				.filter(a -> id.equals(a.cityId())
						&& (a.subjectType().equals("dealer") || a.subjectType().equals(Allocations.POOL)))
				.map(Allocation::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed)
				.isEqualByComparingTo(purposes.get("DEALER_SUPPORT@" + id));
		}
		for (Allocation dealer : allocations.stream().filter(a -> a.subjectType().equals("dealer")).toList()) {
			if (dealer.reasonEn().contains(Allocations.SOLE_DEALER)) {
				continue;
			}
			// 40% of the city's dealer support, give or take the rounding of both
			BigDecimal support = purposes.get("DEALER_SUPPORT@" + dealer.cityId());
			assertThat(dealer.amount()).as("seed " + seed)
				.isLessThanOrEqualTo(
						support.multiply(new BigDecimal("0.40")).add(unit.multiply(BigDecimal.valueOf(2))));
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
