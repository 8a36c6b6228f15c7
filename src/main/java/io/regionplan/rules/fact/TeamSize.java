package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The reps a city × channel needs against those it has, and the output per rep now.
 *
 * @param salesPerRep trailing-12-month sales per current rep; {@code null} without reps
 */
public record TeamSize(String subjectId, int required, int headcount, BigDecimal salesPerRep, String reasonZh,
		String reasonEn) implements Outcome {

	@Override
	public String kind() {
		return "requiredReps";
	}

	@Override
	public String value() {
		return Integer.toString(required);
	}

	public int gap() {
		return required - headcount;
	}

}
