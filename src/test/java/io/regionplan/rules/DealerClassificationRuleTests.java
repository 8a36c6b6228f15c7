package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.DealerFlag;
import io.regionplan.rules.fact.DealerTier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per rule and per threshold edge (the threshold and one step on each side).
 */
class DealerClassificationRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("dealer-classification");
	}

	/**
	 * A dealer with nothing special: percentile 0.3, growth 5%, coverage 80%, no overdue.
	 */
	private static Dealer dealer(String percentile, String growth, int overdue, int incidents, String coverage) {
		return new Dealer("D1", "east", "测试经销商", new BigDecimal("100000"),
				growth == null ? null : new BigDecimal(growth), new BigDecimal(percentile),
				coverage == null ? null : new BigDecimal(coverage), overdue, incidents);
	}

	private static RuleRun classify(Dealer dealer) {
		return RuleSets.run(rules, List.of(dealer));
	}

	private static DealerTier tier(Dealer dealer) {
		return classify(dealer).factsOf(DealerTier.class).get(0);
	}

	@ParameterizedTest(name = "percentile {0} growth {1} overdue {2} incidents {3} -> {4} by {5}")
	@CsvSource({
			// D: sales down more than 20%
			"0.9, -0.2001, 0, 0, D, TierD_Declining",
			// exactly -20% is not "more than 20%": not D; not A either (growth < 0), so
			// top 50% gives B
			"0.9, -0.20,   0, 0, B, TierB_TopHalf", "0.9, -0.1999, 0, 0, B, TierB_TopHalf",
			// D: overdue more than 90 days
			"0.9, 0.05, 91, 0, D, TierD_Overdue", "0.9, 0.05, 90, 0, C, TierC_Other",
			// D: 2+ cross-region incidents
			"0.9, 0.05, 0, 2, D, TierD_CrossRegionSelling", "0.9, 0.05, 0, 1, B, TierB_TopHalf",
			// A: top 20% (percentile 0.80 and above), growth >= 0, overdue <= 30, no
			// incident
			"0.80,   0.00, 30, 0, A, TierA_TopSales", "0.7999, 0.00, 30, 0, B, TierB_TopHalf",
			"0.80,  -0.0001, 30, 0, B, TierB_TopHalf", "0.80,   0.00, 31, 0, B, TierB_TopHalf",
			// B: growth >= 15% with overdue <= 60, whatever the sales rank
			"0.10, 0.15,   60, 0, B, TierB_Growth", "0.10, 0.1499, 60, 0, C, TierC_Other",
			"0.10, 0.15,   61, 0, C, TierC_Other",
			// B: top 50% (percentile 0.50 and above) with overdue <= 60
			"0.50,   0.01, 60, 0, B, TierB_TopHalf", "0.4999, 0.01, 60, 0, C, TierC_Other",
			// C: every other dealer
			"0.30, 0.05, 0, 0, C, TierC_Other" })
	void tierAtEachEdge(String percentile, String growth, int overdue, int incidents, String tier, String rule) {
		RuleRun run = classify(dealer(percentile, growth, overdue, incidents, "0.8"));

		assertThat(run.factsOf(DealerTier.class)).singleElement().extracting(DealerTier::tier).isEqualTo(tier);
		assertThat(run.firedRules()).filteredOn(name -> name.startsWith("Tier")).containsExactly(rule);
	}

	@Test
	void firstMatchingLineWinsWhenSeveralDApply() {
		RuleRun run = classify(dealer("0.9", "-0.5", 120, 3, "0.8"));

		assertThat(run.firedRules()).filteredOn(name -> name.startsWith("Tier")).containsExactly("TierD_Declining");
	}

	@Test
	void dealerWithoutSalesLastYearIsNeitherDecliningNorA() {
		RuleRun run = classify(dealer("0.95", null, 0, 0, "0.8"));

		assertThat(run.factsOf(DealerTier.class).get(0).tier()).isEqualTo("B");
		assertThat(run.factsOf(DealerFlag.class)).isEmpty();
	}

	@Test
	void overdueReasonNamesTheDaysAndTheThreshold() {
		DealerTier tier = tier(dealer("0.5", "0.02", 104, 0, "0.8"));

		assertThat(tier.reasonZh()).isEqualTo("D：逾期 104 天 > 90");
		assertThat(tier.reasonEn()).isEqualTo("D: overdue 104 days > 90");
	}

	@Test
	void decliningReasonShowsThePercentage() {
		DealerTier tier = tier(dealer("0.5", "-0.235", 0, 0, "0.8"));

		assertThat(tier.reasonEn()).isEqualTo("D: sales -23.5% YoY, down more than 20%");
	}

	@ParameterizedTest(name = "overdue {0}, growth {1}, incidents {2}, coverage {3} -> {4}")
	@CsvSource(nullValues = "none",
			value = { "31, 0.05, 0, 0.8,    OVERDUE", "30, 0.05, 0, 0.8,    none", "0, -0.0001, 0, 0.8,  DECLINING",
					"0, 0,       0, 0.8,  none", "0, 0.05,    1, 0.8,  CROSS_REGION_SELLING",
					"0, 0.05,    0, 0.5999, LOW_COVERAGE", "0, 0.05,    0, 0.60, none" })
	void flagAtEachEdge(int overdue, String growth, int incidents, String coverage, String flag) {
		List<DealerFlag> flags = classify(dealer("0.3", growth, overdue, incidents, coverage))
			.factsOf(DealerFlag.class);

		if (flag == null) {
			assertThat(flags).isEmpty();
		}
		else {
			assertThat(flags).extracting(DealerFlag::flag).containsExactly(flag);
		}
	}

	@Test
	void flagsAddToAnyTier() {
		RuleRun run = classify(dealer("0.9", "-0.3", 104, 2, "0.4"));

		assertThat(run.factsOf(DealerTier.class).get(0).tier()).isEqualTo("D");
		assertThat(run.factsOf(DealerFlag.class)).extracting(DealerFlag::flag)
			.containsExactlyInAnyOrder("OVERDUE", "DECLINING", "CROSS_REGION_SELLING", "LOW_COVERAGE");
	}

	@Test
	void dealerWithoutTargetStoresHasNoCoverageFlag() {
		assertThat(classify(dealer("0.3", "0.05", 0, 0, null)).factsOf(DealerFlag.class)).isEmpty();
	}

	@Test
	void manyDealersInOneSessionEachGetExactlyOneTier() {
		List<Dealer> dealers = java.util.stream.IntStream.range(0, 500)
			.mapToObj(i -> new Dealer("D" + i, "east", "d", BigDecimal.TEN, new BigDecimal(i % 7 - 3).movePointLeft(1),
					new BigDecimal(i).divide(new BigDecimal(499), 4, java.math.RoundingMode.HALF_UP), BigDecimal.ONE,
					i % 100, i % 3))
			.toList();

		RuleRun run = RuleSets.run(rules, dealers);

		assertThat(run.factsOf(DealerTier.class)).hasSize(500);
		assertThat(run.factsOf(DealerTier.class).stream().map(DealerTier::dealerId).distinct()).hasSize(500);
	}

}
