package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timer cycles repeat at most once a minute; failed jobs retry at most 10 times, 1 second
 * to 1 day apart, 1 day in all; neither may be an expression. Each bound at its edge.
 */
class TimerBoundsTests {

	@ParameterizedTest
	@ValueSource(strings = { "R/PT1M", "R3/PT10M", "R/P1D", "R2/2026-01-01T08:00:00Z/PT1H", "0 * * * * ?",
			"0 0 8 * * ?", "30 0/5 * * * ? 2027" })
	void cyclesOfAMinuteOrMoreAreAllowed(String cycle) {
		assertThat(TimerBounds.cycle(cycle)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "R/PT59S", "R/PT1S", "R5/PT10S", "R/2026-01-01T08:00:00Z/PT30S", "* * * * * ?",
			"0/30 * * * * ?", "0,30 * * * * ?", "0-10 * * * * ?", "*/1 * * * * ?" })
	void cyclesShorterThanAMinuteAreRefused(String cycle) {
		assertThat(TimerBounds.cycle(cycle)).contains("repeats more often than once a minute");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			${cycle}            | may not be an expression
			#{cycle}            | may not be an expression
			R/                  | invalid timer cycle
			R/2026-01-01T08:00Z | invalid timer cycle
			every minute        | invalid timer cycle
			""")
	void cyclesThatCannotBeCheckedAreRefused(String cycle, String reason) {
		assertThat(TimerBounds.cycle(cycle)).contains(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "R1/PT5M", "R10/PT1S", "R10/PT2H", "R1/P1D", "R3/PT5M", "PT1M,PT10M,PT1H",
			"PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S" })
	void retriesWithinTheBoundsAreAllowed(String cycle) {
		assertThat(TimerBounds.retryCycle(cycle)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "R11/PT1M", "R1000/PT1S", "R/PT5M", "R0/PT5M", "R2/P1D", "R10/PT2H30M", "R5/PT0.5S",
			"R1/P2D", "R3/-PT5M", "PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S", "PT13H,PT12H", "5 times",
			"R99999999999/PT1S" })
	void retriesBeyondTheBoundsAreRefused(String cycle) {
		assertThat(TimerBounds.retryCycle(cycle)).contains("is out of bounds: at most 10 retries");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${retries}", "R3/#{interval}" })
	void retriesComputedByAnExpressionAreRefused(String cycle) {
		assertThat(TimerBounds.retryCycle(cycle)).contains("may not be an expression");
	}

}
