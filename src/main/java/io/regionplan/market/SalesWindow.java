package io.regionplan.market;

import java.time.YearMonth;

/**
 * The trailing 12 months ending with the period, the 12 before, and the period's year to
 * date.
 */
final class SalesWindow {

	final String from;

	final String to;

	final String previousFrom;

	final String previousTo;

	final String yearStart;

	SalesWindow(YearMonth period) {
		YearMonth start = MarketFormulas.windowStart(period);
		this.from = start.toString();
		this.to = period.toString();
		this.previousFrom = start.minusMonths(12).toString();
		this.previousTo = period.minusMonths(12).toString();
		this.yearStart = YearMonth.of(period.getYear(), 1).toString();
	}

}
