package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.CityPlan;
import io.regionplan.rules.fact.PlanCity;
import io.regionplan.rules.fact.PlanSource;
import io.regionplan.rules.fact.PlanWeight;
import io.regionplan.rules.fact.Seasonality;
import io.regionplan.rules.fact.SourceShare;
import io.regionplan.rules.fact.VolumePlan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@code plan-split} on small data computed by hand from DOMAIN.md ("Default policies,
 * second set", Plan split 计划分解) and rules/plan-split/parameters.properties: a city's
 * weight = forecast × uplift (BASE_CAMP 1.05, BREAKTHROUGH 1.15, THREE_POINTS_ATTACK_ONE
 * 1.10, MUSHROOM_PICKING 1.03, MAINTAIN 1.00, NEW_MARKET 1.00) + its sources; the plan
 * over the cities by weight and over each city's months by last year's seasonality, both
 * by largest remainder (units left go to the largest remainders, ties to the first city
 * or month).
 */
class PlanSplitRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("plan-split");
	}

	private static List<BigDecimal> volumes(int... months) {
		List<BigDecimal> volumes = new ArrayList<>();
		for (int volume : months) {
			volumes.add(BigDecimal.valueOf(volume));
		}
		return volumes;
	}

	private static List<BigDecimal> every(int volume) {
		return Collections.nCopies(12, BigDecimal.valueOf(volume));
	}

	private static PlanCity city(String id, String strategy, int forecast, List<BigDecimal> lastYear) {
		return new PlanCity(id, id + "市", strategy, BigDecimal.valueOf(forecast), lastYear);
	}

	private static VolumePlan plan(String plan) {
		return VolumePlan.of("east", new BigDecimal(plan));
	}

	private static Map<String, CityPlan> plans(RuleRun run) {
		return run.factsOf(CityPlan.class)
			.stream()
			.collect(Collectors.toMap(CityPlan::cityId, p -> p, (a, b) -> a, TreeMap::new));
	}

	private static Map<String, BigDecimal> cityPlans(RuleRun run) {
		Map<String, BigDecimal> plans = new TreeMap<>();
		plans(run).forEach((city, plan) -> plans.put(city, plan.plan()));
		return plans;
	}

	private static Map<String, String> seasonalities(RuleRun run) {
		return run.factsOf(Seasonality.class)
			.stream()
			.collect(Collectors.toMap(Seasonality::cityId, Seasonality::basis, (a, b) -> a + "+" + b, TreeMap::new));
	}

	@Test
	void threeCitiesWithTheirStrategiesSourcesAndSeasonsByHand() {
		// a BASE_CAMP 4,000 × 1.05 = 4,200; b BREAKTHROUGH 2,000 × 1.15 = 2,300;
		// c MAINTAIN 3,000 × 1.00 = 3,000; together 9,500
		// new dealers 950 for the region only, by uplifted forecast: a 420, b 230, c 300;
		// new stores 550 the manager gave b
		// weights a 4,620, b 2,300 + 230 + 550 = 3,080, c 3,300; together 11,000
		// the plan 10,007: a 4,202.94, b 2,801.96, c 3,002.10 → floors 10,005; the two
		// cases left go to b (0.96) and a (0.94)
		RuleRun run = RuleSets.run(rules, List.of(plan("10007"),
				// a: January 300, February 100, the other months 200: 2,400
				city("a", "BASE_CAMP", 4000, volumes(300, 100, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
				// b sold from July only: 6 months, fewer than 12 → the region's
				// seasonality
				city("b", "BREAKTHROUGH", 2000, volumes(0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100, 100)),
				// c: 250 every month
				city("c", "MAINTAIN", 3000, every(250)),
				new PlanSource(null, "newDealersVolume", new BigDecimal("950")),
				new PlanSource("b", "newStoresVolume", new BigDecimal("550"))));

		assertThat(run.factsOf(SourceShare.class))
			.extracting(SourceShare::cityId, SourceShare::source, SourceShare::volume)
			.containsExactlyInAnyOrder(tuple("a", "newDealersVolume", new BigDecimal("420")),
					tuple("b", "newDealersVolume", new BigDecimal("230")),
					tuple("c", "newDealersVolume", new BigDecimal("300")),
					tuple("b", "newStoresVolume", new BigDecimal("550")));
		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("4203")),
				entry("b", new BigDecimal("2802")), entry("c", new BigDecimal("3002")));
		assertThat(seasonalities(run)).containsExactly(entry("a", "OWN"), entry("b", "REGION"), entry("c", "OWN"));
		Map<String, CityPlan> plans = plans(run);
		// a: 4,203 × 300/2,400 = 525.375 (January), × 100/2,400 = 175.125 (February),
		// × 200/2,400 = 350.25 the others; floors 525 + 175 + 10 × 350 = 4,200, 3 left:
		// January (0.375), then March and April (0.25, the first two of ten ties)
		assertThat(plans.get("a").months())
			.isEqualTo(volumes(526, 175, 351, 351, 350, 350, 350, 350, 350, 350, 350, 350));
		// b by the region's seasonality, a + c: January 550, February 350, the others
		// 450 of 5,400: 285.39, 181.61, 233.5; floors 285 + 181 + 10 × 233 = 2,796,
		// 6 left: February (0.61), then March to July (0.5), not January (0.39)
		assertThat(plans.get("b").months())
			.isEqualTo(volumes(285, 182, 234, 234, 234, 234, 234, 233, 233, 233, 233, 233));
		// c flat: 3,002 ÷ 12 = 250.17; 2 left: January and February
		assertThat(plans.get("c").months())
			.isEqualTo(volumes(251, 251, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250));
		assertThat(plans.get("b").reasonEn()).isEqualTo(
				"forecast 2,000 × BREAKTHROUGH uplift 1.15 = 2,300; sources 780; weight 3,080, 28% of the region: plan 2,802");
		assertThat(plans.get("b").reasonZh())
			.isEqualTo("预测 2,000 × 突破上浮 1.15 = 2,300；来源 780；权重 3,080，占全区 28%：计划 2,802");
		assertThat(run.factsOf(SourceShare.class)).filteredOn(share -> share.cityId().equals("a"))
			.singleElement()
			.satisfies(share -> assertThat(share.reasonZh()).isEqualTo("新经销商（全区 950）按上浮后预测 4,200 / 9,500 分配：420"));
		assertThat(run.firedRules())
			.contains("Weight_ForecastTimesStrategyUplift", "Source_AssignedToTheCity",
					"Source_RegionTotalByUpliftedForecast", "Season_OwnLastYear",
					"Season_RegionForACityWithoutAFullYear", "Split_PlanOverCitiesAndMonths")
			.doesNotContain("Weight_EvenWithoutForecastOrCitySources", "Season_FlatWithoutAnyFullYear");
		assertThat(run.firedRules()).filteredOn("Split_PlanOverCitiesAndMonths"::equals).hasSize(1);
	}

	@Test
	void aRegionTotalAloneDoesNotChangeTheCitiesShares() {
		// by uplifted forecast, a region total is given in the proportion of the weights:
		// 4,200 + 420 and 3,000 + 300 are 7 : 5 as 4,200 and 3,000 are
		RuleRun withSource = RuleSets.run(rules, List.of(plan("8520"), city("a", "BASE_CAMP", 4000, every(100)),
				city("c", "MAINTAIN", 3000, every(100)), new PlanSource(null, "newSkusVolume", new BigDecimal("720"))));
		RuleRun without = RuleSets.run(rules, List.of(plan("8520"), city("a", "BASE_CAMP", 4000, every(100)),
				city("c", "MAINTAIN", 3000, every(100))));

		assertThat(cityPlans(withSource)).containsExactly(entry("a", new BigDecimal("4970")),
				entry("c", new BigDecimal("3550")));
		assertThat(cityPlans(without)).isEqualTo(cityPlans(withSource));
	}

	@Test
	void everyStrategyHasItsUplift() {
		// 1,000 each: the weights are the uplifts × 1,000; the plan is their sum, so each
		// city's plan is its weight
		List<Object> facts = new ArrayList<>(List.of(plan("7330")));
		Map<String, String> strategies = Map.of("a", "BASE_CAMP", "b", "BREAKTHROUGH", "c", "THREE_POINTS_ATTACK_ONE",
				"d", "MUSHROOM_PICKING", "e", "MAINTAIN", "f", "NEW_MARKET", "g", "SOMETHING_NEW");
		strategies.forEach((id, strategy) -> facts.add(city(id, strategy, 1000, every(10))));
		facts.add(new PlanCity("h", "h市", null, new BigDecimal("0"), every(0)));

		RuleRun run = RuleSets.run(rules, facts);

		assertThat(run.factsOf(PlanWeight.class)
			.stream()
			.collect(Collectors.toMap(PlanWeight::cityId, w -> w.weight().stripTrailingZeros().toPlainString())))
			.containsOnly(entry("a", "1050"), entry("b", "1150"), entry("c", "1100"), entry("d", "1030"),
					entry("e", "1000"), entry("f", "1000"), entry("g", "1000"), entry("h", "0"));
		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("1050")),
				entry("b", new BigDecimal("1150")), entry("c", new BigDecimal("1100")),
				entry("d", new BigDecimal("1030")), entry("e", new BigDecimal("1000")),
				entry("f", new BigDecimal("1000")), entry("g", new BigDecimal("1000")),
				entry("h", new BigDecimal("0")));
		assertThat(plans(run).get("h").reasonZh()).startsWith("预测 0 × 未定策略上浮 1.00 = 0");
		assertThat(plans(run).get("h").months()).isEqualTo(every(0));
	}

	@Test
	void aPlanEqualToTheForecastOfMaintainedCitiesIsEachCitysForecast() {
		RuleRun run = RuleSets.run(rules, List.of(plan("9000"), city("a", "MAINTAIN", 4000, every(100)),
				city("b", "MAINTAIN", 2000, every(50)), city("c", "MAINTAIN", 3000, every(75))));

		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("4000")),
				entry("b", new BigDecimal("2000")), entry("c", new BigDecimal("3000")));
		// 4,000 ÷ 12 = 333.33: January to April get the 4 cases left
		assertThat(plans(run).get("a").months())
			.isEqualTo(volumes(334, 334, 334, 334, 333, 333, 333, 333, 333, 333, 333, 333));
	}

	@Test
	void aPlanEqualToTheForecastMovesVolumeToTheCitiesWhoseStrategyGrows() {
		// weights 4,200 + 2,300 + 3,000 = 9,500 for a plan of 9,000 (the forecast):
		// a 3,978.95, b 2,178.95, c 2,842.11; floors 8,998, 2 left to a and b (0.95)
		RuleRun run = RuleSets.run(rules, List.of(plan("9000"), city("a", "BASE_CAMP", 4000, every(100)),
				city("b", "BREAKTHROUGH", 2000, every(100)), city("c", "MAINTAIN", 3000, every(100))));

		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("3979")),
				entry("b", new BigDecimal("2179")), entry("c", new BigDecimal("2842")));
	}

	@Test
	void aCityWithoutForecastGetsNothingFromARegionTotal() {
		// z has no forecast: weight 0, so none of the region's 500 new-store cases
		RuleRun run = RuleSets.run(rules,
				List.of(plan("4500"), city("a", "MAINTAIN", 4000, every(100)),
						city("z", "MUSHROOM_PICKING", 0, every(0)),
						new PlanSource(null, "newStoresVolume", new BigDecimal("500"))));

		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("4500")), entry("z", new BigDecimal("0")));
		assertThat(plans(run).get("z").months()).isEqualTo(every(0));
		assertThat(run.factsOf(SourceShare.class)).extracting(SourceShare::cityId, SourceShare::volume)
			.containsExactlyInAnyOrder(tuple("a", new BigDecimal("500")), tuple("z", new BigDecimal("0")));
	}

	@Test
	void aNewMarketLivesOnTheSourcesAssignedToItWithTheRegionsSeasonality() {
		// n: no forecast, no sales; the manager gave it 600 of new dealers.
		// weights a 4,000, n 600 = 4,600 = the plan: n's plan is 600, spread by a's flat
		// seasonality: 50 a month
		RuleRun run = RuleSets.run(rules, List.of(plan("4600"), city("a", "MAINTAIN", 4000, every(300)),
				city("n", "NEW_MARKET", 0, every(0)), new PlanSource("n", "newDealersVolume", new BigDecimal("600"))));

		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("4000")),
				entry("n", new BigDecimal("600")));
		assertThat(plans(run).get("n").months()).isEqualTo(every(50));
		assertThat(seasonalities(run)).containsEntry("n", "REGION");
		assertThat(run.factsOf(SourceShare.class)).singleElement()
			.satisfies(share -> assertThat(share.reasonZh()).isEqualTo("新经销商 600（经理分到本城市）"));
		assertThat(plans(run).get("n").reasonEn())
			.isEqualTo("forecast 0 × NEW_MARKET uplift 1.00 = 0; sources 600; weight 600, 13% of the region: plan 600");
	}

	@Test
	void twelveMonthsWithSalesAreTheCitysOwnSeasonalityElevenAreNot() {
		RuleRun run = RuleSets.run(rules,
				List.of(plan("1200"), city("a", "MAINTAIN", 600, volumes(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)),
						city("b", "MAINTAIN", 600, volumes(0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))));

		assertThat(seasonalities(run)).containsExactly(entry("a", "OWN"), entry("b", "REGION"));
		// b follows a's even months, not its own empty January
		assertThat(plans(run).get("b").months()).isEqualTo(every(50));
	}

	@Test
	void aRegionWithoutAFullYearAnywhereIsFlat() {
		RuleRun run = RuleSets.run(rules,
				List.of(plan("1200"), city("a", "MAINTAIN", 600, volumes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 600)),
						city("b", "MAINTAIN", 600, every(0))));

		assertThat(seasonalities(run)).containsExactly(entry("a", "FLAT"), entry("b", "FLAT"));
		assertThat(plans(run).get("a").months()).isEqualTo(every(50));
	}

	@Test
	void aRegionWithoutForecastOrSourcesSharesItsPlanEvenly() {
		// 1,001 over two cities: 500.5 each, the case left to a; a's 501 ÷ 12 = 41.75:
		// floors 492, 9 left to January to September
		RuleRun run = RuleSets.run(rules,
				List.of(plan("1001"), city("a", "NEW_MARKET", 0, every(0)), city("b", "NEW_MARKET", 0, every(0))));

		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("501")),
				entry("b", new BigDecimal("500")));
		assertThat(plans(run).get("a").months()).isEqualTo(volumes(42, 42, 42, 42, 42, 42, 42, 42, 42, 41, 41, 41));
		assertThat(run.firedRules()).contains("Weight_EvenWithoutForecastOrCitySources");
	}

	@Test
	void aPlanOfZeroIsZeroEverywhere() {
		RuleRun run = RuleSets.run(rules, List.of(plan("0"), city("a", "BASE_CAMP", 4000, every(100))));

		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("0")));
		assertThat(plans(run).get("a").months()).isEqualTo(every(0));
	}

	@Test
	void theEvenBasisGivesEveryCityTheSameShareOfARegionTotal() {
		SortedMap<String, byte[]> files = new TreeMap<>(RuleSets.source("plan-split").files());
		String parameters = new String(files.get("rules/plan-split/parameters.properties"), StandardCharsets.UTF_8);
		files.put("rules/plan-split/parameters.properties",
				parameters.replace("source.regionTotal.basis = UPLIFTED_FORECAST", "source.regionTotal.basis = EVEN")
					.getBytes(StandardCharsets.UTF_8));
		CompiledRuleSet even = new RuleSetCompiler().compile(new RuleSetSource("plan-split", files));

		// 301 new SKUs over 3 cities: 100.33 each, the case left to a
		RuleRun run = RuleSets.run(even,
				List.of(plan("9301"), city("a", "MAINTAIN", 4000, every(100)), city("b", "MAINTAIN", 2000, every(100)),
						city("c", "MAINTAIN", 3000, every(100)),
						new PlanSource(null, "newSkusVolume", new BigDecimal("301"))));

		Map<String, BigDecimal> shares = new TreeMap<>();
		run.factsOf(SourceShare.class).forEach(share -> shares.put(share.cityId(), share.volume()));
		assertThat(shares).containsExactly(entry("a", new BigDecimal("101")), entry("b", new BigDecimal("100")),
				entry("c", new BigDecimal("100")));
		assertThat(cityPlans(run)).containsExactly(entry("a", new BigDecimal("4101")),
				entry("b", new BigDecimal("2100")), entry("c", new BigDecimal("3100")));
	}

	@RepeatedTest(100)
	void theCitiesAddUpToThePlanAndTheMonthsToTheCityWithNoCellNegative() {
		Random random = new Random();
		long seed = random.nextLong();
		random.setSeed(seed);
		String[] strategies = { "BASE_CAMP", "THREE_POINTS_ATTACK_ONE", "BREAKTHROUGH", "MAINTAIN", "MUSHROOM_PICKING",
				"NEW_MARKET", null };
		String[] sources = { "newDealersVolume", "newStoresVolume", "newSkusVolume", "pricePromotionVolume" };
		int decimals = random.nextInt(4) == 0 ? 2 : 0;
		BigDecimal regionPlan = BigDecimal.valueOf(random.nextLong(0, 500_000_000L)).movePointLeft(decimals);
		List<Object> facts = new ArrayList<>(List.of(VolumePlan.of("east", regionPlan)));
		int cities = random.nextInt(1, 16);
		for (int c = 0; c < cities; c++) {
			List<BigDecimal> lastYear = new ArrayList<>();
			for (int m = 0; m < 12; m++) {
				lastYear.add(BigDecimal.valueOf(random.nextInt(3) == 0 ? 0 : random.nextLong(0, 1_000_000)));
			}
			facts.add(new PlanCity("c" + c, "城" + c, strategies[random.nextInt(strategies.length)],
					BigDecimal.valueOf(random.nextInt(4) == 0 ? 0 : random.nextLong(0, 10_000_000)), lastYear));
			if (random.nextInt(4) == 0) {
				facts.add(new PlanSource("c" + c, sources[random.nextInt(4)],
						BigDecimal.valueOf(random.nextLong(0, 100_000))));
			}
		}
		for (String source : sources) {
			if (random.nextBoolean()) {
				facts.add(new PlanSource(null, source, BigDecimal.valueOf(random.nextLong(0, 1_000_000))));
			}
		}

		RuleRun run = RuleSets.run(rules, facts);

		List<CityPlan> plans = run.factsOf(CityPlan.class);
		assertThat(plans).as("seed " + seed).hasSize(cities);
		assertThat(plans.stream().map(CityPlan::plan).reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed)
			.isEqualByComparingTo(regionPlan);
		BigDecimal sourcesIn = run.factsOf(PlanSource.class)
			.stream()
			.map(PlanSource::volume)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(run.factsOf(SourceShare.class)
			.stream()
			.map(SourceShare::volume)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed + ": every source placed")
			.isEqualByComparingTo(sourcesIn);
		for (CityPlan plan : plans) {
			assertThat(plan.months()).as("seed " + seed).hasSize(12).allSatisfy(month -> {
				assertThat(month.signum()).isNotNegative();
				assertThat(month.stripTrailingZeros().scale()).isLessThanOrEqualTo(decimals);
			});
			assertThat(plan.months().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("seed " + seed)
				.isEqualByComparingTo(plan.plan());
		}
	}

}
