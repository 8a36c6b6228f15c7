package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Large yuan amounts in reasons: 5,200,000,000 gives "52 亿" and "5.2 bn"; 1,234,500 gives
 * "123.5 万元".
 */
public final class Amounts {

	private static final BigDecimal YI = new BigDecimal("100000000");

	private static final BigDecimal BILLION = new BigDecimal("1000000000");

	private Amounts() {
	}

	public static String yi(BigDecimal amount) {
		return amount == null ? "—"
				: amount.divide(YI, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " 亿";
	}

	/** In 万元 (10,000 yuan) with one decimal and thousands separators. */
	public static String wan(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.0");
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(amount.movePointLeft(4)) + " 万元";
	}

	public static String billions(BigDecimal amount) {
		return amount == null ? "—"
				: amount.divide(BILLION, 3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " bn";
	}

}
