package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.fact.GapBand;
import io.regionplan.rules.fact.VolumeGap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeGapRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("volume-gap");
	}

	private static RuleRun decide(String target, String forecast) {
		return RuleSets.run(rules, List.of(new VolumeGap("east", new BigDecimal(target), new BigDecimal(forecast))));
	}

	@ParameterizedTest(name = "target {0}, forecast {1} -> {2}")
	@CsvSource({
			// accepted up to 5% inclusive
			"100000, 100000, ACCEPTED, Gap_Accepted", "100000, 120000, ACCEPTED, Gap_Accepted",
			"100000,  95000, ACCEPTED, Gap_Accepted",
			// one step above 5%
			"100000,  94990, GAP_PLAN, Gap_NeedsPlan",
			// up to 15% inclusive
			"100000,  85000, GAP_PLAN, Gap_NeedsPlan",
			// one step above 15%
			"100000,  84990, DIRECTOR_APPROVAL, Gap_NeedsDirector",
			"100000,      0, DIRECTOR_APPROVAL, Gap_NeedsDirector" })
	void gapBandsAtTheirEdges(String target, String forecast, String band, String rule) {
		RuleRun run = decide(target, forecast);

		assertThat(run.factsOf(GapBand.class)).singleElement().extracting(GapBand::band).isEqualTo(band);
		assertThat(run.firedRules()).containsExactly(rule);
	}

	@Test
	void reasonNamesTheGapAndTheThresholdInBothLanguages() {
		GapBand band = decide("200000", "180000").factsOf(GapBand.class).get(0);

		assertThat(band.reasonZh()).isEqualTo("缺口 10% 在 5% 与 15% 之间，需要缺口弥补计划");
		assertThat(band.reasonEn()).isEqualTo("gap 10% is over 5% and up to 15%: a gap-closing plan is needed");
	}

	@Test
	void thresholdsComeFromTheParametersFile() {
		assertThat(rules.parameters().decimal("gap.accepted.max")).isEqualByComparingTo("0.05");
		assertThat(rules.parameters().decimal("gap.plan.max")).isEqualByComparingTo("0.15");
	}

}
