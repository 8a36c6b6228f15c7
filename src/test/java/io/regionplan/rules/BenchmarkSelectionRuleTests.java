package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.BenchmarkCandidate;
import io.regionplan.rules.fact.BenchmarkPick;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed: growth opportunity = market size × (1 − share); eligible BASE_CAMP or
 * BREAKTHROUGH cities with at least 5 dealers and 100 stores, ranked by it.
 */
class BenchmarkSelectionRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("benchmark-selection");
	}

	private static BenchmarkCandidate city(String id, String strategy, int dealers, long stores, String size,
			String share) {
		return new BenchmarkCandidate(id, id, strategy, dealers, stores, new BigDecimal(size), new BigDecimal(share));
	}

	private static Map<String, BenchmarkPick> picks(List<BenchmarkCandidate> cities) {
		return RuleSets.run(rules, cities)
			.factsOf(BenchmarkPick.class)
			.stream()
			.collect(Collectors.toMap(BenchmarkPick::cityId, p -> p));
	}

	@Test
	void eligibleCitiesRankByGrowthOpportunity() {
		// opportunities: a 1,000,000,000 × 0.9 = 900 M; b 2,000,000,000 × 0.6 = 1,200 M;
		// c 500,000,000 × 0.98 = 490 M
		Map<String, BenchmarkPick> picks = picks(List.of(city("a", "BASE_CAMP", 10, 500, "1000000000", "0.10"),
				city("b", "BREAKTHROUGH", 6, 300, "2000000000", "0.40"),
				city("c", "BASE_CAMP", 5, 100, "500000000", "0.02")));

		assertThat(picks.get("b").rank()).isEqualTo(1);
		assertThat(picks.get("a").rank()).isEqualTo(2);
		assertThat(picks.get("c").rank()).as("exactly 5 dealers and 100 stores qualify").isEqualTo(3);
		assertThat(picks.get("b").reasonEn())
			.isEqualTo("eligible: BREAKTHROUGH, 6 dealers, 300 stores, growth opportunity 1.2 bn, rank 1");
	}

	@Test
	void otherStrategiesAndSmallCitiesDoNotQualify() {
		Map<String, BenchmarkPick> picks = picks(List.of(city("m", "MAINTAIN", 20, 900, "9000000000", "0.1"),
				city("few", "BASE_CAMP", 4, 500, "9000000000", "0.1"),
				city("tiny", "BREAKTHROUGH", 9, 99, "9000000000", "0.1")));

		assertThat(picks.values()).allSatisfy(pick -> assertThat(pick.eligible()).isFalse());
		assertThat(picks.get("m").reasonEn()).contains("strategy MAINTAIN");
		assertThat(picks.get("few").reasonEn()).contains("4 dealers");
		assertThat(picks.get("tiny").reasonEn()).contains("99 stores");
	}

}
