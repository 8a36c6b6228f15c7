package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A city's sales team as {@code team-sizing} sized it this cycle, for the people of the
 * headcount budget: the reps it requires against those it has.
 *
 * @param marketSize the category's yearly sales in the city, yuan: of two cities equally
 * short, the larger market comes first
 */
public record CityStaffing(String cityId, String name, int required, int headcount,
		BigDecimal marketSize) implements Subject {

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	/** The reps it lacks, 0 when it has enough. */
	public int shortfall() {
		return Math.max(0, required - headcount);
	}

}
