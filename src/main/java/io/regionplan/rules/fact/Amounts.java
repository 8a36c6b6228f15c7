package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Large yuan amounts in reasons: 5,200,000,000 gives "52 亿" and "5.2 bn". */
public final class Amounts {

	private static final BigDecimal YI = new BigDecimal("100000000");

	private static final BigDecimal BILLION = new BigDecimal("1000000000");

	private Amounts() {
	}

	public static String yi(BigDecimal amount) {
		return amount == null ? "—"
				: amount.divide(YI, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " 亿";
	}

	public static String billions(BigDecimal amount) {
		return amount == null ? "—"
				: amount.divide(BILLION, 3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " bn";
	}

}
