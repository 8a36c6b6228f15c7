package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * A region's budget of one resource for a period: money (yuan, 2 decimals), headcount or
 * display/goods units (whole numbers).
 *
 * @param decimals the decimals amounts of this resource are rounded to
 */
public record Budget(String regionId, String resource, BigDecimal amount, int decimals) implements Subject {

	@Override
	public String subjectType() {
		return "region";
	}

	@Override
	public String subjectId() {
		return regionId;
	}

}
