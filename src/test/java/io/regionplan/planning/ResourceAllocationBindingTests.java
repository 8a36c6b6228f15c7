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

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Allocation;
import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.AllocationDealer;
import io.regionplan.rules.fact.Budget;
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
 * BREAKTHROUGH 1.5) × market size; dealers by tier weight A 3, B 2, C 1, D 0, at most
 * 0.40 of the city each; ROI below 1.0 flagged. What the reserve becomes when dealers
 * cannot take a city's whole amount changes with issue 18: every city here has dealers
 * enough.
 */
class ResourceAllocationBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleResults results = mock(CycleResults.class);

	private final ResourceAllocationBinding binding = new ResourceAllocationBinding(metrics, results);

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
	 * dealer (d-07, tier D, gets nothing). What the 40% cap leaves in a city is the
	 * city's pool, shown with its reason.
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

		// 900,000 over 苏州 2 bn and 常州 3 bn: 360,000 and 540,000. 苏州: d-01, d-02 A:A,
		// 50% each capped at 40% = 144,000 each, 72,000 left in its pool; 常州: d-01 A 3,
		// d-04 B 2 → 60% capped at 40% = 216,000; the 324,000 left would all go to d-04,
		// also capped at 216,000: 108,000 left in its pool. Dealers 144,000 × 2 +
		// 216,000 × 2 = 720,000; pools 180,000; 100,000 + 720,000 + 180,000 = 1,000,000
		assertThat(execution.written()).contains(entry("allocationDealerCount", 3));
		assertThat((String) execution.written().get("allocationSummary")).isEqualTo(
				"""
						预留 / reserve 10.0 万元
						经销商 / dealers: 3 家 / dealers, 72.0 万元
						城市统筹（经销商无法承接，由经理安排）/ city pools (no dealer could take it, for the manager to place): 18.0 万元
						  changzhou 10.8 万元 — 2 家经销商均已封顶 40%，余下留在城市统筹，由经理安排 / all 2 dealers are at the 40% cap: the rest is the city's pool, for the manager to place
						  suzhou 7.2 万元 — 2 家经销商均已封顶 40%，余下留在城市统筹，由经理安排 / all 2 dealers are at the 40% cap: the rest is the city's pool, for the manager to place""");
	}

	@Test
	void budgetIsSplitByStrategyAndTierAndTheReserveIsTenPercent() {
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

		// then 1,000,000 × 0.10 = 100,000 held back; 6 dealers get money (d-07 is D,
		// weight 0)
		assertThat(execution.written()).containsOnly(entry("allocationReserve", 100_000.0),
				entry("allocationDealerCount", 6),
				entry("allocationSummary", "预留 / reserve 10.0 万元\n经销商 / dealers: 6 家 / dealers, 90.0 万元"),
				entry("roiFlagCount", 1), entry("roiFlags",
						"S-001 — 门店投入 ROI 0.9 < 1.0，续投需总监审批 / store investment ROI 0.9 < 1.0: renewal needs the director's approval"));
		// 900,000 over weights 2 bn + 3 bn: 苏州 360,000, 常州 540,000; 苏州 A:A:B = 3:3:2
		// of 8 = 135,000, 135,000, 90,000 (37.5% each at most, under 40%); 常州 B:B:B = 1/3
		// each = 180,000, D nothing
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Allocation>> allocations = ArgumentCaptor.forClass(List.class);
		verify(results).saveAllocations(eq("cycle-1"), allocations.capture(), any());
		assertThat(allocations.getValue()).filteredOn(a -> a.resource().equals("money"))
			.extracting(Allocation::subjectType, Allocation::subjectId, Allocation::cityId, Allocation::amount)
			.containsExactlyInAnyOrder(tuple("reserve", "east", null, new BigDecimal("100000.00")),
					tuple("city", "suzhou", "suzhou", new BigDecimal("360000.00")),
					tuple("city", "changzhou", "changzhou", new BigDecimal("540000.00")),
					tuple("dealer", "d-01", "suzhou", new BigDecimal("135000.00")),
					tuple("dealer", "d-02", "suzhou", new BigDecimal("135000.00")),
					tuple("dealer", "d-03", "suzhou", new BigDecimal("90000.00")),
					tuple("dealer", "d-04", "changzhou", new BigDecimal("180000.00")),
					tuple("dealer", "d-05", "changzhou", new BigDecimal("180000.00")),
					tuple("dealer", "d-06", "changzhou", new BigDecimal("180000.00")),
					tuple("dealer", "d-07", "changzhou", new BigDecimal("0.00")));
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
		when(metrics.dealerCities("east")).thenReturn(Map.of("d-01", List.of("suzhou"),
				// a dealer serving two cities is allocated in each
				"d-04", List.of("changzhou", "suzhou", "yancheng")));
		when(metrics.storeInvestments("east", 2026)).thenReturn(List
			.of(new MarketMetrics.StoreSpend("S-001", "suzhou", new BigDecimal("10000"), new BigDecimal("9000"))));

		List<Object> facts = new ArrayList<>(
				binding.facts(cycle().with("year", 2027L).with("headcountBudget", 7).execution()));

		assertThat(facts).containsExactlyInAnyOrder(new Budget("east", "money", new BigDecimal("1000000"), 2),
				new Budget("east", "headcount", new BigDecimal("7"), 0),
				new AllocationCity("changzhou", "常州", "BREAKTHROUGH", new BigDecimal("2000000000")),
				new AllocationCity("suzhou", "苏州", "BASE_CAMP", new BigDecimal("2000000000")),
				new StoreInvestment("S-001", "suzhou", new BigDecimal("10000"), new BigDecimal("9000")),
				new AllocationDealer("d-01", "suzhou", "A"), new AllocationDealer("d-04", "changzhou", "B"),
				new AllocationDealer("d-04", "suzhou", "B"));
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
