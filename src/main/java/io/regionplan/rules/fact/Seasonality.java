package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.util.List;

/**
 * The weights a city's plan is spread over the calendar months by, January first: its own
 * sales of last year ({@value #OWN}), the region's ({@value #REGION}) or the same every
 * month ({@value #FLAT}).
 */
public record Seasonality(String cityId, String basis, List<BigDecimal> months, String reasonZh,
		String reasonEn) implements Outcome {

	public static final String OWN = "OWN";

	public static final String REGION = "REGION";

	public static final String FLAT = "FLAT";

	public Seasonality {
		months = List.copyOf(months);
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	@Override
	public String kind() {
		return "seasonality";
	}

	@Override
	public String value() {
		return basis;
	}

}
