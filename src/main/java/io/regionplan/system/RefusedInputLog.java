package io.regionplan.system;

import java.util.Arrays;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A refused input (a form field that is missing or wrong) is the caller's mistake, not a
 * server error: it is logged at WARN in one line ({@code 400 refused: <message>}).
 * Camunda logs a command that failed on it at ERROR with the stack trace
 * ({@code ENGINE-16004}); that line is dropped, every other engine error is kept. The
 * filter is declared in {@code logback-spring.xml}, so that it is part of every logging
 * configuration (Spring Boot resets Logback for each application context it starts).
 */
public class RefusedInputLog extends TurboFilter {

	private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusedInputLog.class);

	/** Camunda's logger of commands that failed. */
	static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

	static void refused(String message) {
		String text = String.valueOf(message).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
		LOG.warn("400 refused: {}", text.length() > 500 ? text.substring(0, 500) + "…" : text);
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT.equals(logger.getName())) {
			return FilterReply.NEUTRAL;
		}
		boolean refused = isInvalidInput(t) || params != null
				&& Arrays.stream(params).anyMatch(param -> param instanceof Throwable cause && isInvalidInput(cause));
		return refused ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

	private static boolean isInvalidInput(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidInput) {
				return true;
			}
		}
		return false;
	}

}
