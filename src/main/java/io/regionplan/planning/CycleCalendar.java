package io.regionplan.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import io.regionplan.engine.ExpressionBean;

import org.springframework.stereotype.Component;

/**
 * The dates of a planning year that the BPMN timers and due dates use: the year is run by
 * the engine's clock, so nothing depends on a person remembering. Referenced from BPMN as
 * {@code cycleCalendar}.
 */
@ExpressionBean
@Component("cycleCalendar")
public class CycleCalendar {

	/** Days after the month starts that the monthly itinerary plan is due. */
	static final int ITINERARY_DAYS = 3;

	/** Days after the month ends that the monthly report is due. */
	static final int REPORT_DAYS = 5;

	public List<Integer> quarters() {
		return List.of(1, 2, 3, 4);
	}

	public List<Integer> monthsOf(Object quarter) {
		int q = number(quarter);
		return List.of(3 * q - 2, 3 * q - 1, 3 * q);
	}

	public List<Integer> weeks() {
		return List.of(1, 2, 3, 4);
	}

	public Date monthStart(Object year, Object month) {
		return date(YearMonth.of(number(year), number(month)).atDay(1));
	}

	public Date monthEnd(Object year, Object month) {
		return date(YearMonth.of(number(year), number(month)).atEndOfMonth().plusDays(1));
	}

	public Date itineraryDue(Object year, Object month) {
		return date(YearMonth.of(number(year), number(month)).atDay(1).plusDays(ITINERARY_DAYS));
	}

	/**
	 * Week w of a month ends on day 7·w (the fourth week takes the rest of the month).
	 */
	public Date weeklyReportDue(Object year, Object month, Object week) {
		YearMonth ym = YearMonth.of(number(year), number(month));
		int w = number(week);
		LocalDate end = w >= 4 ? ym.atEndOfMonth() : ym.atDay(7 * w);
		return date(end.plusDays(2));
	}

	public Date monthlyReportDue(Object year, Object month) {
		return date(YearMonth.of(number(year), number(month)).atEndOfMonth().plusDays(1 + REPORT_DAYS));
	}

	/** The first day of next month, by the engine's clock. */
	public Date nextMonthStart() {
		LocalDate today = LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
				ZoneId.systemDefault());
		return date(YearMonth.from(today).plusMonths(1).atDay(1));
	}

	/**
	 * Due date of a task that has no calendar date of its own: {@code days} after now, by
	 * the engine's clock.
	 */
	public Date inDays(Object days) {
		return Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
			.toInstant()
			.plusSeconds(86_400L * number(days)));
	}

	private static Date date(LocalDate day) {
		return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	private static int number(Object value) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		return Integer.parseInt(String.valueOf(value).strip());
	}

}
