package io.regionplan.rules;

import java.time.Duration;

/**
 * The hard limits of one rule evaluation, held inside a single firing as well as between
 * firings.
 *
 * @param maxFirings the most rule firings; more means a loop
 * @param maxTime the longest wall time, from the first fact inserted to the last firing
 * @param maxMemoryBytes the most memory the evaluation may allocate (all its allocations
 * counted, not only what it keeps)
 * @param stackBytes the stack of the thread it runs on: deeper recursion ends it
 */
public record RuleLimits(int maxFirings, Duration maxTime, long maxMemoryBytes, long stackBytes) {

	/** The defaults of {@link RulesSettings}. */
	public static final RuleLimits DEFAULT = new RuleLimits(1_000_000, Duration.ofSeconds(60), 512L << 20, 4L << 20);

	public RuleLimits {
		if (maxFirings < 1 || maxTime.isNegative() || maxTime.isZero() || maxMemoryBytes < 1 << 20
				|| stackBytes < 256 << 10) {
			throw new IllegalArgumentException("规则限制无效 / invalid rule limits: " + maxFirings + " firings, " + maxTime
					+ ", " + maxMemoryBytes + " bytes of memory, " + stackBytes + " bytes of stack");
		}
	}

	public RuleLimits withMaxFirings(int firings) {
		return new RuleLimits(firings, maxTime, maxMemoryBytes, stackBytes);
	}

	public RuleLimits withMaxTime(Duration time) {
		return new RuleLimits(maxFirings, time, maxMemoryBytes, stackBytes);
	}

	public RuleLimits withMaxMemory(long bytes) {
		return new RuleLimits(maxFirings, maxTime, bytes, stackBytes);
	}

}
