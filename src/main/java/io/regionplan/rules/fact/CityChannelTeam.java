package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The sales team of one city × channel, for the {@code team-sizing} rules.
 *
 * @param stores the stores in the channel universe of the city
 * @param headcount the reps covering it now
 * @param sales our trailing-12-month sales there, yuan
 */
public record CityChannelTeam(String cityId, String channelId, long stores, int headcount, BigDecimal sales)
		implements Subject {

	@Override
	public String subjectType() {
		return "city-channel";
	}

	@Override
	public String subjectId() {
		return cityId + "/" + channelId;
	}

}
