package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.fact.Reclassification;
import io.regionplan.rules.fact.Review;
import io.regionplan.rules.fact.ReviewBand;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuarterlyReviewRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("quarterly-review");
	}

	@ParameterizedTest(name = "actual {0} of 10000 -> {1}")
	@CsvSource({ "8499, OFF_TRACK", "8500, WATCH", "9999, WATCH", "10000, ON_TRACK", "12000, ON_TRACK",
			"0, OFF_TRACK" })
	void bandsAtTheirEdges(String actual, String band) {
		RuleRun run = RuleSets.run(rules,
				List.of(new Review("city", "suzhou", new BigDecimal(actual), new BigDecimal("10000"), null)));

		assertThat(run.factsOf(ReviewBand.class)).singleElement().extracting(ReviewBand::band).isEqualTo(band);
	}

	@Test
	void noPlanIsItsOwnBand() {
		RuleRun run = RuleSets.run(rules, List.of(new Review("city", "x", BigDecimal.TEN, BigDecimal.ZERO, null)));

		assertThat(run.factsOf(ReviewBand.class)).singleElement().extracting(ReviewBand::band).isEqualTo("NO_PLAN");
	}

	@Test
	void dealerOffTrackTwoQuartersRunningIsReclassified() {
		RuleRun run = RuleSets.run(rules,
				List.of(new Review("dealer", "twice", new BigDecimal("80"), new BigDecimal("100"), "OFF_TRACK"),
						new Review("dealer", "once", new BigDecimal("80"), new BigDecimal("100"), "WATCH"),
						new Review("dealer", "recovered", new BigDecimal("95"), new BigDecimal("100"), "OFF_TRACK"),
						new Review("city", "city-twice", new BigDecimal("80"), new BigDecimal("100"), "OFF_TRACK")));

		assertThat(run.factsOf(Reclassification.class)).extracting(Reclassification::dealerId).containsExactly("twice");
	}

	@Test
	void offTrackReasonNamesTheAchievement() {
		ReviewBand band = RuleSets
			.run(rules, List.of(new Review("city", "x", new BigDecimal("80"), new BigDecimal("100"), null)))
			.factsOf(ReviewBand.class)
			.get(0);

		assertThat(band.reasonZh()).isEqualTo("达成率 80% < 85%，偏离计划，需纠正措施");
	}

}
