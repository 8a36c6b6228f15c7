package io.regionplan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The engine clock of the tests: it starts at {@link #PINNED} (a Monday in November 2026,
 * planning season of the 2027 cycle, a month after the demo data's last month) when the
 * test JVM starts, and ticks from there, so that what a test sees (the cycle year, due
 * dates, overdue cards, login windows) does not depend on the day the suite runs.
 * <p>
 * One offset for the whole JVM (a {@link LauncherSessionListener}, before any Spring
 * context deploys anything), re-applied before and after every integration test class:
 * the classes share one database, and "the latest deployment" or "the latest cycle" is
 * the one with the latest time, so the clock must never run backwards between them. A
 * test that stops or moves the clock comes back with {@link #pin()}.
 */
public final class EngineClock implements BeforeAllCallback, AfterAllCallback, LauncherSessionListener {

	/** 2026-11-16 09:00 in Beijing. */
	public static final Instant PINNED = OffsetDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

	private static final long OFFSET = PINNED.toEpochMilli() - System.currentTimeMillis();

	/** Back to the JVM's pinned clock, ticking. */
	public static void pin() {
		ClockUtil.reset();
		ClockUtil.offset(OFFSET);
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		pin();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		pin();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		pin();
	}

}
