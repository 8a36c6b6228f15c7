package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sales team of one city × channel: one channel of a {@link CityTeam}, and a fact of
 * its own for the rules of deployments before 2026-11-28, which sized each channel.
 *
 * @param stores the stores in the channel universe of the city
 * @param headcount the reps covering it now
 * @param sales our trailing-12-month sales there, yuan
 * @param targetStores the stores that must carry the product by the cycle's coverage
 * target (城市渠道覆盖目标), which the reps visit; the rules before the coverage targets read
 * {@code stores} × a coverage parameter instead
 */
public record CityChannelTeam(String cityId, String channelId, long stores, int headcount, BigDecimal sales,
		long targetStores) implements Subject {

	/**
	 * The stores the team should reach by the rules before the coverage targets: the
	 * universe × the channel's coverage parameter, whole stores. Today's rules read
	 * {@link #targetStores()}, the coverage target's.
	 */
	@Deprecated
	public BigDecimal targetStores(BigDecimal coverageTarget) {
		return BigDecimal.valueOf(stores).multiply(coverageTarget).setScale(0, RoundingMode.HALF_UP);
	}

	/**
	 * Reps needed for one channel's visits a month, rounded up per channel. The
	 * team-sizing rules before 2026-11-28 sized each city × channel with it; it is kept
	 * so that cycles still running on a deployment of those rules compile and size as
	 * they did. Today's rules size a {@link CityTeam}, rounded once per city.
	 */
	@Deprecated
	public int requiredReps(BigDecimal targetStores, BigDecimal visitsPerStorePerMonth, BigDecimal visitsPerRepPerDay,
			BigDecimal workingDays) {
		return targetStores.multiply(visitsPerStorePerMonth)
			.divide(visitsPerRepPerDay.multiply(workingDays), 0, RoundingMode.CEILING)
			.intValue();
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
