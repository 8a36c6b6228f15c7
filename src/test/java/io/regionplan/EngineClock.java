package io.regionplan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine clock of a test class: it starts at {@link #PINNED} (a Monday in November
 * 2026, planning season of the 2027 cycle, a month after the demo data's last month) and
 * ticks from there, so that what a test sees (the cycle year, due dates, overdue cards,
 * login windows) does not depend on the day the suite runs; reset to the real time after
 * the class. A test that moves the clock calls {@link #pin()} to come back.
 */
public final class EngineClock implements BeforeAllCallback, AfterAllCallback {

	/** 2026-11-16 09:00 in Beijing. */
	public static final Instant PINNED = OffsetDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

	/** Back to {@link #PINNED}, ticking. */
	public static void pin() {
		ClockUtil.reset();
		ClockUtil.offset(PINNED.toEpochMilli() - System.currentTimeMillis());
	}

	/** Stops the clock at {@code time}. */
	public static void stopAt(Instant time) {
		ClockUtil.setCurrentTime(Date.from(time));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		pin();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ClockUtil.reset();
	}

}
