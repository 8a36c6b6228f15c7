package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fractions as percentages in reasons: 0.235 gives "23.5%", null gives "—". */
public final class Percent {

	private Percent() {
	}

	public static String of(BigDecimal fraction) {
		if (fraction == null) {
			return "—";
		}
		return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
	}

}
