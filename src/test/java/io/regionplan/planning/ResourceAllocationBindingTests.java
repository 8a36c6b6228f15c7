package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.MarketNames;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.AllocationDealer;
import io.regionplan.rules.fact.Budget;
import io.regionplan.rules.fact.CityMoney;
import io.regionplan.rules.fact.CityStaffing;
import io.regionplan.rules.fact.StoreInvestment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The resource-allocation seam without an engine: the budget, the cycle's strategies and
 * tiers and last year's store investments in, the allocations stored and summarised. By
 * hand from DOMAIN.md (Resource allocation) and rules/resource-allocation/
 * parameters.properties: reserve 0.10; city weight = strategy weight (BASE_CAMP 1.0,
 * BREAKTHROUGH 1.5) × market size (× 0.8 beyond range); each city's money 0.50 dealer
 * support, 0.25 store investment, 0.15 promotion, 0.10 team; dealer support by tier
 * weight A 3, B 2, C 1, D 0, at most 0.40 of it each; people to the cities short of reps,
 * the largest shortfall first; ROI below 1.0 flagged.
 */
class ResourceAllocationBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleResults results = mock(CycleResults.class);

	private final StoreRenewals renewals = mock(StoreRenewals.class);

	private final MarketNames names = mock(MarketNames.class);

	private final ResourceAllocationBinding binding = new ResourceAllocationBinding(metrics, results, renewals, names);

	@org.junit.jupiter.api.BeforeEach
	void storeNames() {
		when(names.dealers("east")).thenReturn(Map.of("d-01", "金源商贸", "d-02", "恒通食品", "d-04", "常乐批发"));
		when(renewals.labels("east"))
			.thenReturn(new StoreRenewals.StoreLabels(Map.of(), Map.of("suzhou", "苏州", "changzhou", "常州")));
	}

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("resource-allocation");
	}

	private static CityMetrics city(String id, String name, String marketSize) {
		return new CityMetrics(id, "east", name, id, 2, 5_000_000, new BigDecimal(marketSize), BigDecimal.TEN,
				BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("0.1"), BigDecimal.ZERO, null, null,
				List.of(), 12);
	}

	/**
	 * 苏州 BASE_CAMP 1.0 × 2 bn = 2 bn, 常州 BREAKTHROUGH 1.5 × 2 bn = 3 bn, 盐城 without a
	 * strategy this cycle.
	 */
	private void region() {
		when(results.strategies("cycle-1")).thenReturn(Map.of("suzhou", "BASE_CAMP", "changzhou", "BREAKTHROUGH"));
		when(results.tiers("cycle-1")).thenReturn(Map.of("d-01", "A", "d-02", "A", "d-03", "B", "d-04", "B", "d-05",
				"B", "d-06", "B", "d-07", "D", "d-08", "C"));
		when(metrics.cities("east", PERIOD)).thenReturn(List.of(city("changzhou", "常州", "2000000000"),
				city("suzhou", "苏州", "2000000000"), city("yancheng", "盐城", "9000000000")));
		when(metrics.dealerCities("east")).thenReturn(Map.of("d-01", List.of("suzhou"), "d-02", List.of("suzhou"),
				"d-03", List.of("suzhou"), "d-04", List.of("changzhou"), "d-05", List.of("changzhou"), "d-06",
				List.of("changzhou"), "d-07", List.of("changzhou"),
				// 盐城 has no strategy: no dealer is allocated there
				"d-08", List.of("yancheng"),
				// no tier this cycle (a dealer added since): not allocated
				"d-09", List.of("suzhou")));
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10").with("budget", 1_000_000);
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	/**
	 * The review counts dealers, not allocation rows: d-01 serves both cities and is one
	 * dealer (d-07, tier D, gets nothing). What the 40% cap leaves of a city's dealer
	 * support is the city's pool, shown with its Chinese name and reason.
	 */
	@Test
	void dealersAreCountedOnceAndWhatTheCapLeavesIsTheCitysPool() {
		when(results.strategies("cycle-1")).thenReturn(Map.of("suzhou", "BASE_CAMP", "changzhou", "BREAKTHROUGH"));
		when(results.tiers("cycle-1")).thenReturn(Map.of("d-01", "A", "d-02", "A", "d-04", "B", "d-07", "D"));
		when(metrics.cities("east", PERIOD))
			.thenReturn(List.of(city("changzhou", "常州", "2000000000"), city("suzhou", "苏州", "2000000000")));
		when(metrics.dealerCities("east")).thenReturn(Map.of("d-01", List.of("suzhou", "changzhou"), "d-02",
				List.of("suzhou"), "d-04", List.of("changzhou"), "d-07", List.of("changzhou")));
		FakeExecution execution = cycle();

		evaluate(execution);

		// 900,000 over 苏州 2 bn and 常州 3 bn: 360,000 and 540,000; dealer support half:
		// 180,000 and 270,000. 苏州: d-01, d-02 A:A, 50% each capped at 40% = 72,000
		// each, 36,000 left in its pool; 常州: d-01 A 3, d-04 B 2 → 60% capped at 40% =
		// 108,000; the 162,000 left would all go to d-04, also capped at 108,000: 54,000
		// left in its pool. Dealers 72,000 × 2 + 108,000 × 2 = 360,000; pools 90,000
		assertThat(execution.written()).contains(entry("allocationDealerCount", 3));
		assertThat((String) execution.written().get("allocationSummary")).isEqualTo(
				"""
						预留 / reserve 10.0 万元
						经销商 / dealers: 3 家 / dealers, 36.0 万元
						城市统筹（经销商无法承接，由经理安排）/ city pools (no dealer could take it, for the manager to place): 9.0 万元
						  常州 changzhou 5.4 万元 — 2 家经销商均已封顶 40%，余下留在城市统筹，由经理安排 / all 2 dealers are at the 40% cap: the rest is the city's pool, for the manager to place
						  苏州 suzhou 3.6 万元 — 2 家经销商均已封顶 40%，余下留在城市统筹，由经理安排 / all 2 dealers are at the 40% cap: the rest is the city's pool, for the manager to place""");
		// d-01 72,000 in 苏州 + 108,000 in 常州 = 180,000; d-04 108,000; d-02 72,000; d-07
		// (D) nothing, so not listed
		assertThat((String) execution.written().get("topDealers")).isEqualTo("""
				经销商支持最多的 3 家（共 3 家）/ the 3 dealers with the most support (of 3)
				1. 金源商贸 d-01（A，常州、苏州）18.0 万元
				2. 常乐批发 d-04（B，常州）10.8 万元
				3. 恒通食品 d-02（A，苏州）7.2 万元""");
	}

	@Test
	void budgetIsSplitByStrategyPurposeAndTierAndTheReserveIsTenPercent() {
		// given
		region();
		when(metrics.storeInvestments("east", 2026)).thenReturn(List.of(
				// 9,000 ÷ 10,000 = 0.9 < 1.0: flagged
				new MarketMetrics.StoreSpend("S-001", "suzhou", new BigDecimal("10000"), new BigDecimal("9000")),
				// 10,000 ÷ 10,000 = 1.0, not below: renewed
				new MarketMetrics.StoreSpend("S-002", "suzhou", new BigDecimal("10000"), new BigDecimal("10000"))));
		FakeExecution execution = cycle().with("year", 2027);

		// when
		evaluate(execution);

		// then 1,000,000 × 0.10 = 100,000 held back; 900,000 over weights 2 bn + 3 bn:
		// 苏州 360,000, 常州 540,000, each 50% dealer support, 25% store investment, 15%
		// promotion, 10% team; 6 dealers get money (d-07 is D, weight 0)
		// the flagged investment offered to the director by its city's name, 10,000 yuan
		// =
		// 1.0 万元 spent, 9,000 = 0.9 万元 incremental profit
		java.util.Map<String, Object> written = new java.util.LinkedHashMap<>(execution.written());
		Object options = written.remove(StoreRenewalCheck.OPTIONS);
		assertThat(((org.camunda.bpm.engine.variable.value.SerializableValue) options).getValueSerialized())
			.isEqualTo("[{\"label\":\"门店 S-001（苏州） — 上年投入 1.0 万元，增量毛利 0.9 万元，ROI 0.9 < 1.0 / "
					+ "last year's spend 1.0 万元, incremental profit 0.9 万元, ROI 0.9 < 1.0\",\"value\":\"S-001\"}]");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<StoreRenewals.Flagged>> flagged = ArgumentCaptor.forClass(List.class);
		verify(renewals).replace(eq("cycle-1"), flagged.capture());
		assertThat(flagged.getValue()).singleElement().satisfies(f -> {
			assertThat(f.storeId()).isEqualTo("S-001");
			assertThat(f.roi()).isEqualByComparingTo("0.9");
			assertThat(f.roiMinimum()).isEqualTo("1.0");
			assertThat(f.firedRule()).isEqualTo("Roi_BelowMinimum");
			assertThat(f.renewed()).isNull();
		});
		assertThat(written).containsOnly(entry("allocationReserve", 100_000.0), entry("allocationDealerCount", 6),
				entry("allocationSummary", "预留 / reserve 10.0 万元\n经销商 / dealers: 6 家 / dealers, 45.0 万元"),
				entry("moneyByCityAndPurpose",
						"""
								合计 / total: 90.0 万元 — 经销商支持 / dealer support 45.0 万元 · 门店投入 / store investment 22.5 万元 · 促销 / promotion 13.5 万元 · 团队 / team 9.0 万元
								常州 changzhou: 54.0 万元 — 经销商支持 / dealer support 27.0 万元 · 门店投入 / store investment 13.5 万元 · 促销 / promotion 8.1 万元 · 团队 / team 5.4 万元
								苏州 suzhou: 36.0 万元 — 经销商支持 / dealer support 18.0 万元 · 门店投入 / store investment 9.0 万元 · 促销 / promotion 5.4 万元 · 团队 / team 3.6 万元"""),
				// by money: 常州's three B dealers 90,000 each, then 苏州's A dealers 67,500
				// (shown to one decimal, 6.8 万元) and its B dealer 45,000; d-07 (D) gets
				// none
				entry("topDealers", """
						经销商支持最多的 6 家（共 6 家）/ the 6 dealers with the most support (of 6)
						1. 常乐批发 d-04（B，常州）9.0 万元
						2. d-05（B，常州）9.0 万元
						3. d-06（B，常州）9.0 万元
						4. 金源商贸 d-01（A，苏州）6.8 万元
						5. 恒通食品 d-02（A，苏州）6.8 万元
						6. d-03（B，苏州）4.5 万元"""), entry("peopleByCity", ""), entry("roiFlagCount", 1), entry("roiFlags",
						"门店 S-001（苏州） — 上年投入 1.0 万元，增量毛利 0.9 万元，ROI 0.9 < 1.0 / last year's spend 1.0 万元, incremental profit 0.9 万元, ROI 0.9 < 1.0"));
		// 苏州's dealer support 180,000, A:A:B = 3:3:2 of 8 = 67,500, 67,500, 45,000
		// (37.5% each at most, under 40%); 常州's 270,000, B:B:B = 1/3 each = 90,000, D
		// nothing
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Allocation>> allocations = ArgumentCaptor.forClass(List.class);
		verify(results).saveAllocations(eq("cycle-1"), allocations.capture(), any());
		assertThat(allocations.getValue()).filteredOn(a -> a.resource().equals("money"))
			.extracting(Allocation::subjectType, Allocation::subjectId, Allocation::cityId, Allocation::amount)
			.containsExactlyInAnyOrder(tuple("reserve", "east", null, new BigDecimal("100000.00")),
					tuple("city", "suzhou", "suzhou", new BigDecimal("360000.00")),
					tuple("city", "changzhou", "changzhou", new BigDecimal("540000.00")),
					tuple("dealer", "d-01", "suzhou", new BigDecimal("67500.00")),
					tuple("dealer", "d-02", "suzhou", new BigDecimal("67500.00")),
					tuple("dealer", "d-03", "suzhou", new BigDecimal("45000.00")),
					tuple("dealer", "d-04", "changzhou", new BigDecimal("90000.00")),
					tuple("dealer", "d-05", "changzhou", new BigDecimal("90000.00")),
					tuple("dealer", "d-06", "changzhou", new BigDecimal("90000.00")),
					tuple("dealer", "d-07", "changzhou", new BigDecimal("0.00")));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<CityMoney>> money = ArgumentCaptor.forClass(List.class);
		verify(results).saveCityMoney(eq("cycle-1"), money.capture(), any());
		assertThat(money.getValue()).extracting(CityMoney::cityId, CityMoney::purpose, CityMoney::amount)
			.containsExactlyInAnyOrder(tuple("suzhou", "DEALER_SUPPORT", new BigDecimal("180000.00")),
					tuple("suzhou", "STORE_INVESTMENT", new BigDecimal("90000.00")),
					tuple("suzhou", "PROMOTION", new BigDecimal("54000.00")),
					tuple("suzhou", "TEAM", new BigDecimal("36000.00")),
					tuple("changzhou", "DEALER_SUPPORT", new BigDecimal("270000.00")),
					tuple("changzhou", "STORE_INVESTMENT", new BigDecimal("135000.00")),
					tuple("changzhou", "PROMOTION", new BigDecimal("81000.00")),
					tuple("changzhou", "TEAM", new BigDecimal("54000.00")));
	}

	/**
	 * 常州 beyond range: BREAKTHROUGH 1.5 × 2 bn × 0.8 = 2.4 bn against 苏州's 2 bn... made
	 * round here with 苏州 at 2.4 bn too: 450,000 each.
	 */
	@Test
	void aCityTheRangeRuleDroppedHasItsWeightLowered() {
		region();
		when(results.rangeDropped("cycle-1")).thenReturn(Set.of("changzhou"));
		when(metrics.cities("east", PERIOD))
			.thenReturn(List.of(city("changzhou", "常州", "2000000000"), city("suzhou", "苏州", "2400000000")));
		FakeExecution execution = cycle();

		evaluate(execution);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Allocation>> allocations = ArgumentCaptor.forClass(List.class);
		verify(results).saveAllocations(eq("cycle-1"), allocations.capture(), any());
		assertThat(allocations.getValue()).filteredOn(a -> a.subjectType().equals("city"))
			.extracting(Allocation::subjectId, Allocation::amount)
			.containsExactlyInAnyOrder(tuple("suzhou", new BigDecimal("450000.00")),
					tuple("changzhou", new BigDecimal("450000.00")));
	}

	/**
	 * The headcount budget goes to the cities team-sizing found short of reps, the
	 * largest shortfall first: 盐城 short 4, 苏州 short 3, 常州 none; 5 reps give 盐城 4 and 苏州
	 * the last 1.
	 */
	@Test
	void peopleGoToTheCitiesShortOfRepsLargestShortfallFirst() {
		region();
		when(results.teamSizes("cycle-1")).thenReturn(
				Map.of("suzhou", new int[] { 10, 7 }, "changzhou", new int[] { 5, 5 }, "yancheng", new int[] { 4, 0 }));
		FakeExecution execution = cycle().with("headcountBudget", 5);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("peopleByCity",
				"""
						盐城 yancheng: 4 人 / reps — 缺 4 人（需要 4，现有 0），缺口第 1 大：补 4 人 / short of 4 reps (4 required, 0 now), shortfall no. 1: 4 given
						苏州 suzhou: 1 人 / reps — 缺 3 人（需要 10，现有 7），缺口第 2 大：补 1 人，编制已用完 / short of 3 reps (10 required, 7 now), shortfall no. 2: 1 given, the budget is used up"""));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Allocation>> allocations = ArgumentCaptor.forClass(List.class);
		verify(results).saveAllocations(eq("cycle-1"), allocations.capture(), any());
		assertThat(allocations.getValue()).filteredOn(a -> a.resource().equals("headcount"))
			.extracting(Allocation::subjectType, Allocation::subjectId, Allocation::amount)
			.containsExactly(tuple("city", "yancheng", new BigDecimal("4")), tuple("city", "suzhou", BigDecimal.ONE));
	}

	/**
	 * A cycle started on a deployment of the rules before 2026-11-28 (no purposes, people
	 * to dealers) still runs them: the old file compiles against today's facts, its
	 * dealers share the whole city amount and nothing is stored by purpose.
	 */
	@Test
	void theRulesOfAnOlderDeploymentStillAllocateTheirCycle() throws java.io.IOException {
		region();
		java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
		for (String name : List.of("allocation.drl", "parameters.properties")) {
			files.put("rules/resource-allocation/" + name, java.nio.file.Files
				.readAllBytes(java.nio.file.Path.of("src/test/resources/older-rules/resource-allocation", name)));
		}
		CompiledRuleSet older = new io.regionplan.rules.RuleSetCompiler()
			.compile(new io.regionplan.rules.RuleSetSource("resource-allocation", files));
		FakeExecution execution = cycle().with("headcountBudget", 7);

		execution.evaluate(older, binding);

		// 苏州 360,000 A:A:B 135,000, 135,000, 90,000; 常州 540,000 B:B:B 180,000 each;
		// the 7 reps by city weight as those rules split them (their reserve, 10% of 7,
		// rounds down to 0): 7 × 3/5 = 4.2 and 7 × 2/5 = 2.8 → 4 and 3
		assertThat(execution.written()).contains(
				entry("allocationSummary", "预留 / reserve 10.0 万元\n经销商 / dealers: 6 家 / dealers, 90.0 万元"),
				entry("moneyByCityAndPurpose", ""),
				entry("peopleByCity",
						"常州 changzhou: 4 人 / reps — 城市权重 3000000000 / 总权重 5000000000 / city weight "
								+ "3000000000 of total 5000000000\n苏州 suzhou: 3 人 / reps — 城市权重 2000000000 / 总权重 "
								+ "5000000000 / city weight 2000000000 of total 5000000000"));
		verify(results).saveCityMoney(eq("cycle-1"), eq(List.of()), any());
	}

	@Test
	void theReserveShownIsMoneyWhenRepsAreBudgetedToo() {
		region();
		FakeExecution execution = cycle().with("headcountBudget", 7);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("allocationReserve", 100_000.0));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Allocation>> allocations = ArgumentCaptor.forClass(List.class);
		verify(results).saveAllocations(eq("cycle-1"), allocations.capture(), any());
		assertThat(allocations.getValue()).extracting(Allocation::resource).containsOnly("money", "headcount");
	}

	@Test
	void factsAreTheBudgetsTheCitiesWithAStrategyAndTheirTieredDealers() {
		region();
		when(results.rangeDropped("cycle-1")).thenReturn(Set.of("changzhou"));
		when(results.teamSizes("cycle-1"))
			.thenReturn(Map.of("suzhou", new int[] { 10, 7 }, "yancheng", new int[] { 4, 0 }));
		when(metrics.dealerCities("east")).thenReturn(Map.of("d-01", List.of("suzhou"),
				// a dealer serving two cities is allocated in each
				"d-04", List.of("changzhou", "suzhou", "yancheng")));
		when(metrics.storeInvestments("east", 2026)).thenReturn(List
			.of(new MarketMetrics.StoreSpend("S-001", "suzhou", new BigDecimal("10000"), new BigDecimal("9000"))));

		List<Object> facts = new ArrayList<>(
				binding.facts(cycle().with("year", 2027L).with("headcountBudget", 7).execution()));

		// 常州 beyond range; the reps of the cities team-sizing sized, with or without a
		// strategy
		assertThat(facts).containsExactlyInAnyOrder(new Budget("east", "money", new BigDecimal("1000000"), 2),
				new Budget("east", "headcount", new BigDecimal("7"), 0),
				new AllocationCity("changzhou", "常州", "BREAKTHROUGH", new BigDecimal("2000000000"), true),
				new AllocationCity("suzhou", "苏州", "BASE_CAMP", new BigDecimal("2000000000"), false),
				new CityStaffing("suzhou", "苏州", 10, 7, new BigDecimal("2000000000")),
				new CityStaffing("yancheng", "盐城", 4, 0, new BigDecimal("9000000000")),
				new StoreInvestment("S-001", "suzhou", new BigDecimal("10000"), new BigDecimal("9000")),
				new AllocationDealer("d-01", "suzhou", "A"), new AllocationDealer("d-04", "changzhou", "B"),
				new AllocationDealer("d-04", "suzhou", "B"));
	}

	@Test
	void withoutAHeadcountBudgetNoTeamIsRead() {
		region();
		when(results.teamSizes("cycle-1")).thenReturn(Map.of("suzhou", new int[] { 10, 7 }));

		assertThat(binding.facts(cycle().execution())).noneMatch(CityStaffing.class::isInstance);
	}

	@Test
	void withoutAHeadcountBudgetOrAYearOnlyMoneyIsAllocated() {
		region();
		FakeExecution execution = cycle();

		List<Object> facts = new ArrayList<>(binding.facts(execution.execution()));

		assertThat(facts).filteredOn(Budget.class::isInstance)
			.containsExactly(new Budget("east", "money", new BigDecimal("1000000"), 2));
		assertThat(facts).noneMatch(StoreInvestment.class::isInstance);
		verify(metrics, never()).storeInvestments(anyString(), anyInt());
	}

	@Test
	void withoutStoreInvestmentsNoneIsFlagged() {
		region();
		FakeExecution execution = cycle();

		evaluate(execution);

		assertThat(execution.written()).contains(entry("allocationReserve", 100_000.0), entry("roiFlagCount", 0),
				entry("roiFlags", ""));
	}

	@Test
	void aBudgetOfZeroGivesNothingToAnyone() {
		region();
		FakeExecution execution = cycle().with("budget", 0);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("allocationReserve", 0.0), entry("allocationDealerCount", 0));
	}

	@Test
	void budgetsMustBeNumbersOfZeroOrMore() {
		region();

		assertThatThrownBy(() -> binding.facts(cycle().with("budget", -1).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'budget' must be a number ≥ 0, got: -1");
		assertThatThrownBy(() -> binding.facts(cycle().with("budget", "1000000").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'budget' must be a number ≥ 0, got: 1000000");
		assertThatThrownBy(() -> binding
			.facts(new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'budget' must be a number ≥ 0, got: null");
		assertThatThrownBy(() -> binding.facts(cycle().with("headcountBudget", -0.5).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'headcountBudget' must be a number ≥ 0, got: -0.5");
	}

	@Test
	void aCycleWithoutStrategiesOrTiersIsRefused() {
		when(results.strategies("cycle-1")).thenReturn(Map.of("suzhou", "BASE_CAMP"));
		when(results.tiers("cycle-1")).thenReturn(Map.of());

		assertThatThrownBy(() -> binding.facts(cycle().execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("run city-strategy and dealer-classification first");

		when(results.strategies("cycle-1")).thenReturn(Map.of());
		when(results.tiers("cycle-1")).thenReturn(Map.of("d-01", "A"));

		assertThatThrownBy(() -> binding.facts(cycle().execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("run city-strategy and dealer-classification first");
	}

	@Test
	void aRunWithoutAMoneyReserveWritesNothing() {
		FakeExecution execution = cycle();
		RuleRun run = new RuleRun(new RuleSetVersion("resource-allocation", "test", rules.contentHash()), List.of(),
				List.of(),
				List.of(new Allocation("headcount", "reserve", "east", null, BigDecimal.ONE, "预留", "reserve")));

		assertThatThrownBy(() -> binding.apply(execution.execution(), run)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("no reserve was allocated");
		assertThat(execution.written()).isEmpty();
	}

}
