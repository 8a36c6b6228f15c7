package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sales team of one city × channel: one channel of a {@link CityTeam}.
 *
 * @param stores the stores in the channel universe of the city
 * @param headcount the reps covering it now
 * @param sales our trailing-12-month sales there, yuan
 */
public record CityChannelTeam(String cityId, String channelId, long stores, int headcount,
		BigDecimal sales) implements Subject {

	/**
	 * The stores the team should reach: the universe × the channel's coverage target,
	 * whole stores.
	 */
	public BigDecimal targetStores(BigDecimal coverageTarget) {
		return BigDecimal.valueOf(stores).multiply(coverageTarget).setScale(0, RoundingMode.HALF_UP);
	}

	/** Sales per rep now, whole yuan; {@code null} without reps. */
	public BigDecimal salesPerRep() {
		return headcount == 0 ? null : sales.divide(BigDecimal.valueOf(headcount), 0, RoundingMode.HALF_UP);
	}

	@Override
	public String subjectType() {
		return "city-channel";
	}

	@Override
	public String subjectId() {
		return cityId + "/" + channelId;
	}

}
