package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * What a city's strategy asks of one of its channels, before the arithmetic: the ND
 * points over today, the ND it may not pass, the channel's place in the city's order (0
 * when the strategy orders nothing) and why, from the strategy rule that decided it.
 *
 * @param points ND percentage points over today (5 = +5 points), 0 to hold
 * @param capPercent the highest ND target, in percent (90 = 90%)
 */
public record CoveragePoints(String cityId, String channelId, String strategy, BigDecimal points, BigDecimal capPercent,
		int order, String whyZh, String whyEn) {

	/** Today's distribution, held. */
	public static CoveragePoints hold(CoverageChannel channel, String strategy, String whyZh, String whyEn) {
		return new CoveragePoints(channel.cityId(), channel.channelId(), strategy, BigDecimal.ZERO,
				BigDecimal.valueOf(100), 0, whyZh, whyEn);
	}

}
