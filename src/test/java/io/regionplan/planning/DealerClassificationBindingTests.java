package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
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
import java.util.Optional;

import io.regionplan.market.DealerMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.DealerTier;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The dealer-classification seam without an engine: the region's dealer metrics in, the
 * tiers stored and counted for the forms. Tiers by hand from DOMAIN.md (Dealer tier) and
 * rules/dealer-classification/parameters.properties: D below −20% growth, over 90 days
 * overdue or from 2 cross-region incidents; A from percentile 0.80 with growth ≥ 0,
 * overdue ≤ 30 days and no incident; B from 15% growth or percentile 0.50 with overdue ≤
 * 60 days; else C. Flags: overdue over 30 days, growth below 0, any incident, coverage
 * below 0.60.
 */
class DealerClassificationBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	static RuleSetVersion version;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final CycleResults results = mock(CycleResults.class);

	private final ReviewChoices choices = mock(ReviewChoices.class);

	private final DealerClassificationBinding binding = new DealerClassificationBinding(metrics, results, choices);

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("dealer-classification");
		// the version RuleSets.run gives its runs
		version = new RuleSetVersion(rules.name(), "test", rules.contentHash());
	}

	private static DealerMetrics dealer(String id, String name, String growth, String percentile, String coverage,
			int overdueDays, int incidents) {
		return new DealerMetrics(id, "east", name, new BigDecimal("1200000"), new BigDecimal("1000000"),
				growth == null ? null : new BigDecimal(growth), new BigDecimal(percentile), 80, 100,
				coverage == null ? null : new BigDecimal(coverage), overdueDays, incidents, new BigDecimal("4"),
				new BigDecimal("300000"));
	}

	private static FakeExecution cycle() {
		return new FakeExecution("cycle-1").with("region", "east").with("period", "2026-10");
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void tiersAreCountedStoredAndEveryDExplained() {
		// given
		when(metrics.dealers("east", PERIOD)).thenReturn(List.of(
				// percentile 0.90 ≥ 0.80, growth 10% ≥ 0, 20 days ≤ 30, no incident: A
				dealer("d-01", "苏州恒达商贸", "0.10", "0.90", "0.80", 20, 0),
				// growth −25% < −20%: D; flags DECLINING, OVERDUE (45 > 30)
				dealer("d-02", "无锡通达", "-0.25", "0.70", "0.90", 45, 0),
				// growth 20% ≥ 15%, 40 days ≤ 60: B; flags OVERDUE (40 > 30),
				// LOW_COVERAGE
				// (0.50 < 0.60)
				dealer("d-03", "常州新源", "0.20", "0.30", "0.50", 40, 0),
				// no sales the year before, percentile 0.10: C, no flag
				dealer("d-04", "南通启明", null, "0.10", null, 0, 0),
				// 2 incidents ≥ 2: D; flag CROSS_REGION_SELLING
				dealer("d-05", "扬州广源", "0.05", "0.50", "0.70", 10, 2)));
		FakeExecution execution = cycle();

		// when
		evaluate(execution);

		// then
		assertThat(execution.written()).containsOnly(entry("dealersTierA", 1), entry("dealersTierB", 1),
				entry("dealersTierC", 1), entry("dealersTierD", 2), entry("dealersFlagged", 3),
				entry("dealerTierSummary", """
						A 1 · B 1 · C 1 · D 2（带标记 / flagged 3）
						d-02 — D：销售同比 -25%，下降超过 20% / D: sales -25% YoY, down more than 20%
						d-05 — D：窜货 2 次 ≥ 2 / D: 2 cross-region selling incidents >= 2"""));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<DealerTier>> tiers = ArgumentCaptor.forClass(List.class);
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, List<String>>> flags = ArgumentCaptor.forClass(Map.class);
		verify(results).saveTiers(eq("cycle-1"), eq("east"), tiers.capture(), flags.capture(), any());
		assertThat(tiers.getValue()).extracting(DealerTier::dealerId, DealerTier::tier)
			.containsExactlyInAnyOrder(tuple("d-01", "A"), tuple("d-02", "D"), tuple("d-03", "B"), tuple("d-04", "C"),
					tuple("d-05", "D"));
		assertThat(flags.getValue()).containsOnlyKeys("d-02", "d-03", "d-05");
		assertThat(flags.getValue().get("d-02")).containsExactlyInAnyOrder("DECLINING", "OVERDUE");
		assertThat(flags.getValue().get("d-03")).containsExactlyInAnyOrder("OVERDUE", "LOW_COVERAGE");
		assertThat(flags.getValue().get("d-05")).containsExactly("CROSS_REGION_SELLING");
	}

	@Test
	void everyMetricReachesItsFieldOfTheFact() {
		when(metrics.dealers("east", PERIOD))
			.thenReturn(List.of(dealer("d-01", "苏州恒达商贸", "0.10", "0.90", "0.80", 20, 1)));

		assertThat(binding.facts(cycle().execution())).singleElement()
			.isEqualTo(new Dealer("d-01", "east", "苏州恒达商贸", new BigDecimal("1200000"), new BigDecimal("0.10"),
					new BigDecimal("0.90"), new BigDecimal("0.80"), 20, 1));
	}

	@Test
	void aRegionWithoutDealersCountsZeroInEveryTier() {
		when(metrics.dealers("east", PERIOD)).thenReturn(List.of());
		FakeExecution execution = cycle();

		evaluate(execution);

		assertThat(execution.written()).containsOnly(entry("dealersTierA", 0), entry("dealersTierB", 0),
				entry("dealersTierC", 0), entry("dealersTierD", 0), entry("dealersFlagged", 0),
				entry("dealerTierSummary", "A 0 · B 0 · C 0 · D 0（带标记 / flagged 0）"));
		verify(results).saveTiers("cycle-1", "east", List.of(), Map.of(), version);
	}

	@Test
	void withoutAPeriodTheRegionsLatestMonthIsUsedAndKept() {
		when(metrics.latestMonth("east")).thenReturn(Optional.of(YearMonth.of(2026, 9)));
		when(metrics.dealers("east", YearMonth.of(2026, 9))).thenReturn(List.of());
		FakeExecution execution = new FakeExecution("cycle-1").with("region", "east");

		binding.facts(execution.execution());

		assertThat(execution.written()).containsOnly(entry("period", "2026-09"));
	}

	@Test
	void aRegionWithoutSalesOrAPeriodThatIsNoMonthIsRefused() {
		when(metrics.latestMonth("east")).thenReturn(Optional.empty());

		assertThatThrownBy(() -> binding.facts(new FakeExecution("cycle-1").with("region", "east").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("region 'east' has no sales data");
		assertThatThrownBy(() -> binding.facts(cycle().with("period", "2026-13").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'period' must be YYYY-MM, got: 2026-13");
		assertThatThrownBy(() -> binding.facts(new FakeExecution("cycle-1").with("region", " ").execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("no 'region' variable");
	}

	@Test
	void aDealerLeftWithoutATierStoresAndWritesNothing() {
		when(metrics.dealers("east", PERIOD))
			.thenReturn(List.of(dealer("d-01", "苏州恒达商贸", "0.10", "0.90", "0.80", 20, 0),
					dealer("d-02", "无锡通达", "0.10", "0.90", "0.80", 20, 0)));
		FakeExecution execution = cycle();
		List<?> facts = new ArrayList<>(binding.facts(execution.execution()));
		RuleRun run = new RuleRun(version, List.copyOf(facts), List.of(),
				List.of(facts.get(0), facts.get(1), new DealerTier("d-01", "A", "A", "A")));

		assertThatThrownBy(() -> binding.apply(execution.execution(), run)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("must give every dealer one tier: 1 tiers for 2 dealers");
		verify(results, never()).saveTiers(anyString(), anyString(), anyList(), anyMap(), any());
		assertThat(execution.written()).isEmpty();
	}

}
