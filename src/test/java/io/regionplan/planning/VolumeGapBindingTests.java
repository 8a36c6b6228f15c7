package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.GapBand;
import io.regionplan.rules.fact.VolumeGap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The volume-gap seam without an engine: the forecast variables in, the gap variables
 * out. Expected values by hand from DOMAIN.md (gap = target − forecast, ratio = gap ÷
 * target, four decimals) and rules/volume-gap/parameters.properties (accepted up to 0.05,
 * a plan up to 0.15, above that the director). The gap is measured from the forecast
 * whatever the manager plans; the plan above the forecast is the uplift the sources
 * cover.
 */
class VolumeGapBindingTests {

	static CompiledRuleSet rules;

	private final VolumeGapBinding binding = new VolumeGapBinding();

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("volume-gap");
	}

	private static FakeExecution cycle(Object target, Object forecast) {
		return new FakeExecution("cycle-1").with("region", "east")
			.with("hqVolumeTarget", target)
			.with("forecastVolume", forecast);
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void forecastShortOfTargetWritesRatioWholeGapBandAndReason() {
		// given 200,000 target and 180,000 forecast: gap 20,000, ratio 20,000 ÷ 200,000 =
		// 0.1, over 0.05 and up to 0.15
		FakeExecution execution = cycle(200_000L, 180_000L);

		// when
		evaluate(execution);

		// then
		assertThat(execution.written()).containsOnly(entry("gapRatio", 0.1), entry("gapVolume", 20_000L),
				entry("upliftVolume", 0L), entry("gapBand", "GAP_PLAN"), entry("gapReason",
						"缺口 10% 在 5% 与 15% 之间，需要缺口弥补计划 / gap 10% is over 5% and up to 15%: a gap-closing plan is needed"));
	}

	@ParameterizedTest(name = "target {0}, forecast {1} -> ratio {2}, gap {3}, {4}")
	@CsvSource({
			// 5,000 ÷ 100,000 = 0.05, the accepted edge itself
			"100000, 95000, 0.05, 5000, ACCEPTED",
			// 15,000 ÷ 100,000 = 0.15, the plan edge itself
			"100000, 85000, 0.15, 15000, GAP_PLAN",
			// 15,010 ÷ 100,000 = 0.1501
			"100000, 84990, 0.1501, 15010, DIRECTOR_APPROVAL",
			// no forecast at all: 100,000 ÷ 100,000 = 1
			"100000, 0, 1.0, 100000, DIRECTOR_APPROVAL",
			// 2,999 ÷ 30,000 = 0.09996… rounds to 0.1000 at four decimals
			"30000, 27001, 0.1, 2999, GAP_PLAN",
			// 1 ÷ 3 = 0.33333… rounds down to 0.3333
			"3, 2, 0.3333, 1, DIRECTOR_APPROVAL" })
	void ratioHasFourDecimalsAndTheGapIsAWholeVolume(long target, long forecast, double ratio, long gap, String band) {
		FakeExecution execution = cycle(target, forecast);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("gapRatio", ratio), entry("gapVolume", gap),
				entry("gapBand", band));
		assertThat(execution.written().get("gapVolume")).isInstanceOf(Long.class);
		assertThat(execution.written().get("gapRatio")).isInstanceOf(Double.class);
	}

	@Test
	void aPlanTypedEqualToTheTargetKeepsTheGapOfTheForecast() {
		// given target 100,000, forecast 80,600 and the plan typed as 100,000: the gap is
		// still 100,000 − 80,600 = 19,400, ratio 0.194 > 0.15; the uplift 100,000 −
		// 80,600 = 19,400 must be covered by sources
		FakeExecution execution = cycle(100_000L, 80_600L).with("plannedVolume", 100_000);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("gapRatio", 0.194), entry("gapVolume", 19_400L),
				entry("upliftVolume", 19_400L), entry("gapBand", "DIRECTOR_APPROVAL"));
	}

	@Test
	void aPlanBelowTheForecastGoesToTheDirectorWithNoUplift() {
		// forecast = target = 100,000 (no gap), plan 19,000: 81% under the forecast
		FakeExecution execution = cycle(100_000L, 100_000L).with("plannedVolume", 19_000L);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("gapRatio", 0.0), entry("gapVolume", 0L),
				entry("upliftVolume", 0L), entry("gapBand", "DIRECTOR_APPROVAL"));
		assertThat((String) execution.written().get("gapReason")).startsWith("计划 19000 低于预测 100000");
	}

	@Test
	void aFractionOfACaseIsRefusedByName() {
		assertThatThrownBy(() -> binding.facts(cycle(100_000.5, 90_000L).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'hqVolumeTarget' must be a whole number of cases, got: 100000.5");
		assertThatThrownBy(() -> binding
			.facts(cycle(100_000L, 90_000L).with("plannedVolume", new BigDecimal("95000.25")).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'plannedVolume' must be a whole number of cases, got: 95000.25");
	}

	@Test
	void forecastAboveTargetIsNoGap() {
		// given a forecast 20,000 above the target: ratio −20,000 ÷ 100,000 = −0.2, the
		// gap volume is no gap, not a negative one
		FakeExecution execution = cycle(100_000L, 120_000L);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("gapRatio", -0.2), entry("gapVolume", 0L),
				entry("gapBand", "ACCEPTED"));
	}

	@Test
	void anyNumberTypeOfTheFormsIsRead() {
		// an integer field, a long from the forecast delegate, a double from JSON: the
		// same
		// gap of 10,000 ÷ 80,000 = 0.125
		for (Object target : List.of(80_000, 80_000L, 80_000.0, new BigDecimal("80000"))) {
			FakeExecution execution = cycle(target, 70_000L);

			evaluate(execution);

			assertThat(execution.written()).as("target as %s", target.getClass().getSimpleName())
				.contains(entry("gapRatio", 0.125), entry("gapVolume", 10_000L), entry("gapBand", "GAP_PLAN"));
		}
	}

	@Test
	void factIsTheRegionsTargetAgainstItsForecast() {
		FakeExecution execution = cycle(200_000L, 180_000L).with("region", "华东");

		assertThat(binding.facts(execution.execution())).singleElement()
			.isInstanceOfSatisfying(VolumeGap.class, gap -> {
				assertThat(gap.subjectId()).isEqualTo("华东");
				assertThat(gap.target()).isEqualByComparingTo("200000");
				assertThat(gap.forecast()).isEqualByComparingTo("180000");
				assertThat(gap.plan()).as("no plan yet: the forecast").isEqualByComparingTo("180000");
			});
		assertThat(execution.written()).isEmpty();
	}

	@Test
	void missingOrTextTargetIsRefusedByName() {
		assertThatThrownBy(() -> binding.facts(cycle(null, 180_000L).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'hqVolumeTarget' must be a number, got: null");
		assertThatThrownBy(() -> binding.facts(cycle("200000", 180_000L).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'hqVolumeTarget' must be a number, got: 200000");
	}

	@Test
	void cycleWithoutAForecastIsRefusedByName() {
		assertThatThrownBy(() -> binding.facts(cycle(200_000L, null).execution()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'forecastVolume' must be a number");
	}

	@Test
	void zeroOrNegativeVolumesAreRefused() {
		assertThatThrownBy(() -> binding.facts(cycle(0L, 180_000L).execution()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("target must be greater than 0");
		assertThatThrownBy(() -> binding.facts(cycle(200_000L, -1L).execution()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("forecast must not be negative");
	}

	@Test
	void aRuleSetThatDecidesNoBandOrTwoWritesNothing() {
		VolumeGap gap = new VolumeGap("east", new BigDecimal("100"), new BigDecimal("90"));
		GapBand accepted = new GapBand("east", GapBand.ACCEPTED, "接受", "accepted");
		GapBand plan = new GapBand("east", GapBand.GAP_PLAN, "计划", "plan");
		FakeExecution execution = cycle(100L, 90L);

		assertThatThrownBy(() -> binding.apply(execution.execution(), run(List.of(gap))))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("must decide exactly one band, decided 0");
		assertThatThrownBy(() -> binding.apply(execution.execution(), run(List.of(gap, accepted, plan))))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("decided 2");
		assertThat(execution.written()).isEmpty();
	}

	private static RuleRun run(List<Object> facts) {
		return new RuleRun(new RuleSetVersion("volume-gap", "deployment-1", "0123456789abcdef"), List.of(facts.get(0)),
				List.of(), facts);
	}

}
