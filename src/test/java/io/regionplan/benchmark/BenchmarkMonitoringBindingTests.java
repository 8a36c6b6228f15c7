package io.regionplan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;

import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmark-monitoring seam without an engine: last month's volume of the benchmark
 * city against its monthly target in, the band and the months off track in a row out. By
 * hand from DOMAIN.md (Quarterly review bands) and rules/quarterly-review/
 * parameters.properties: achievement below 0.85 OFF_TRACK, below 1.00 WATCH, else
 * ON_TRACK.
 */
class BenchmarkMonitoringBindingTests {

	static final YearMonth FEBRUARY = YearMonth.of(2027, 2);

	static CompiledRuleSet rules;

	private final MarketMetrics metrics = mock(MarketMetrics.class);

	private final BenchmarkMonitoringBinding binding = new BenchmarkMonitoringBinding(metrics);

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("quarterly-review");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/**
	 * The engine's clock in the middle of a day, so that no time zone moves the month.
	 */
	private static void today(int year, int month, int day) {
		ClockUtil.setCurrentTime(
				Date.from(LocalDateTime.of(year, month, day, 12, 0).atZone(ZoneId.systemDefault()).toInstant()));
	}

	private void sold(YearMonth month, String volume) {
		when(metrics.cityMonthlyVolumes("east", month, month))
			.thenReturn(Map.of("changzhou", Map.of(month, new BigDecimal(volume))));
	}

	private static FakeExecution monitoring(Object target, String lastBand, Integer offTrackMonths,
			Integer monitoredMonths) {
		return new FakeExecution("benchmark-1").with("region", "east")
			.with("benchmarkCity", "changzhou")
			.with("targetMonthlyVolume", target)
			.with("lastBand", lastBand)
			.with("offTrackMonths", offTrackMonths)
			.with("monitoredMonths", monitoredMonths);
	}

	private void evaluate(FakeExecution execution) {
		execution.evaluate(rules, binding);
	}

	@Test
	void aSecondMonthOffTrackIsCountedAndExplained() {
		// given on 15 March, February's 840 against 1,000 a month: 0.84 < 0.85
		today(2027, 3, 15);
		sold(FEBRUARY, "840");
		FakeExecution execution = monitoring(1000, "OFF_TRACK", 1, 3);

		// when
		evaluate(execution);

		// then
		assertThat(execution.written()).containsOnly(entry("monitoredMonth", "2027-02"), entry("lastBand", "OFF_TRACK"),
				entry("lastBandReason",
						"达成率 84% < 85%，偏离计划，需纠正措施 / achievement 84% < 85%: off track, corrective action needed"),
				entry("offTrackMonths", 2), entry("monitoredMonths", 4));
	}

	@ParameterizedTest(name = "{0} of 1,000 -> {1}")
	@CsvSource({
			// 850 ÷ 1,000 = 0.85, not below 0.85
			"850, WATCH",
			// 999 ÷ 1,000 = 0.999
			"999, WATCH",
			// 1,000 ÷ 1,000 = 1.00
			"1000, ON_TRACK" })
	void aMonthBackOnTrackResetsTheCount(String volume, String band) {
		today(2027, 3, 15);
		sold(FEBRUARY, volume);
		FakeExecution execution = monitoring(1000L, "OFF_TRACK", 2, 5);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("lastBand", band), entry("offTrackMonths", 0),
				entry("monitoredMonths", 6));
	}

	@Test
	void theFirstMonthStartsBothCounts() {
		// nothing sold in February: 0 ÷ 500 = 0, OFF_TRACK
		today(2027, 3, 1);
		FakeExecution execution = monitoring(500, null, null, null);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("monitoredMonth", "2027-02"), entry("lastBand", "OFF_TRACK"),
				entry("offTrackMonths", 1), entry("monitoredMonths", 1));
	}

	@Test
	void inJanuaryTheMonthWatchedIsLastDecember() {
		today(2027, 1, 10);
		sold(YearMonth.of(2026, 12), "1200");
		FakeExecution execution = monitoring(new BigDecimal("1000.5"), "WATCH", 0, 9);

		assertThat(new ArrayList<Object>(binding.facts(execution.execution()))).containsExactly(
				new Review("city", "changzhou", new BigDecimal("1200"), new BigDecimal("1000.5"), "WATCH"));
		assertThat(execution.written()).containsOnly(entry("monitoredMonth", "2026-12"));
	}

	@Test
	void aTargetOfZeroIsNoPlanAndNotOffTrack() {
		today(2027, 3, 15);
		sold(FEBRUARY, "840");
		FakeExecution execution = monitoring(0, "OFF_TRACK", 1, 3);

		evaluate(execution);

		assertThat(execution.written()).contains(entry("lastBand", "NO_PLAN"), entry("offTrackMonths", 0),
				entry("monitoredMonths", 4));
	}

	@Test
	void aMissingTargetIsRefusedBeforeAnythingIsWritten() {
		today(2027, 3, 15);
		FakeExecution execution = monitoring("1000", null, null, null);

		assertThatThrownBy(() -> binding.facts(execution.execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'targetMonthlyVolume' is missing");
		assertThat(execution.written()).isEmpty();
	}

}
