package io.regionplan.deployment;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * How often a process file may make the engine work on its own: a timer cycle repeats at
 * most once a minute, and a {@code camunda:failedJobRetryTimeCycle} retries at most
 * {@value #MAX_RETRIES} times, each retry between one second and one day after the last,
 * one day in all. Both must be written out, not computed by an expression, so that the
 * bounds can be checked before the file is deployed. The same rules hold at the
 * deployment API ({@link ProcessFilesValidator}) and in the engine's own parser
 * ({@link TimerBoundsPlugin}).
 */
final class TimerBounds {

	static final int MAX_RETRIES = 10;

	private static final long SECOND = 1000;

	private static final long MINUTE = 60 * SECOND;

	private static final long DAY = 24 * 60 * MINUTE;

	private static final Pattern REPEAT = Pattern.compile("R(\\d*)/(.+)");

	private static final Pattern BOUNDED_REPEAT = Pattern.compile("R(\\d{1,9})/(P[^/]+)");

	private TimerBounds() {
	}

	/**
	 * @return why the {@code timeCycle} is refused ("中文 / English"), or {@code null}
	 */
	static String cycle(String value) {
		if (isExpression(value)) {
			return "定时周期不得为表达式（" + value + "）/ a timer cycle may not be an expression ('" + value
					+ "'): write it out, so that its interval can be checked";
		}
		if (value.startsWith("R")) {
			Matcher repeat = REPEAT.matcher(value);
			String duration = null;
			if (repeat.matches()) {
				for (String part : repeat.group(2).split("/")) {
					duration = part.startsWith("P") ? part : duration;
				}
			}
			Long interval = duration == null ? null : millis(duration);
			if (interval == null) {
				return "定时周期无效（" + value + "）/ invalid timer cycle '" + value
						+ "': expected R[n]/[start/]duration, e.g. R/P1D";
			}
			return interval < MINUTE ? tooOften(value) : null;
		}
		String[] fields = value.strip().split("\\s+");
		if (fields.length < 6 || fields.length > 7) {
			return "定时周期无效（" + value + "）/ invalid timer cycle '" + value
					+ "': expected R[n]/duration or a cron expression with seconds (6 or 7 fields)";
		}
		// a cron expression fires at most once a minute only when its seconds field is
		// one second
		return fields[0].matches("\\d{1,2}") ? null : tooOften(value);
	}

	/**
	 * @return why the {@code camunda:failedJobRetryTimeCycle} is refused ("中文 /
	 * English"), or {@code null}
	 */
	static String retryCycle(String value) {
		String bounds = "at most " + MAX_RETRIES + " retries, each 1 second to 1 day after the last, 1 day in all";
		if (isExpression(value)) {
			return "失败重试周期不得为表达式（" + value + "）/ camunda:failedJobRetryTimeCycle may not be an expression ('" + value
					+ "'): write it out (" + bounds + ")";
		}
		long retries = 0;
		long total = 0;
		boolean fits = true;
		Matcher repeat = BOUNDED_REPEAT.matcher(value);
		String[] intervals = repeat.matches() ? new String[] { repeat.group(2) } : value.split(",");
		long times = repeat.matches() ? Long.parseLong(repeat.group(1)) : 1;
		for (String text : intervals) {
			Long interval = millis(text.strip());
			fits &= interval != null && interval >= SECOND && interval <= DAY;
			retries += times;
			total += fits ? times * interval : 0;
		}
		if (!fits || retries < 1 || retries > MAX_RETRIES || total > DAY) {
			return "失败重试周期超出限制（" + value + "）/ camunda:failedJobRetryTimeCycle '" + value + "' is out of bounds: "
					+ bounds + " (R1/PT5M … R10/PT2H, or up to 10 durations such as PT1M,PT10M,PT1H)";
		}
		return null;
	}

	private static String tooOften(String value) {
		return "定时周期短于一分钟（" + value + "）/ the timer cycle '" + value + "' repeats more often than once a minute";
	}

	private static boolean isExpression(String value) {
		return value.contains("${") || value.contains("#{");
	}

	/**
	 * An ISO 8601 duration in milliseconds (months and years as from 1970), or
	 * {@code null} when it is none.
	 */
	private static Long millis(String duration) {
		try {
			return DatatypeFactory.newInstance().newDuration(duration).getTimeInMillis(new Date(0));
		}
		catch (IllegalArgumentException | UnsupportedOperationException | DatatypeConfigurationException ex) {
			return null;
		}
	}

}
