package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The sales team of one city, for the {@code team-sizing} rules (DOMAIN.md, "Default
 * policies, second set", Team): the visits its channels need a month, added up over the
 * channels and rounded to whole reps once for the city, not per channel. A channel whose
 * stores are not visited (e-commerce: 0 visits a month) adds nothing.
 *
 * @param cityId the city
 * @param cityName its Chinese name, for the summaries
 * @param channels its channels: stores, reps and sales of each
 */
public record CityTeam(String cityId, String cityName, List<CityChannelTeam> channels) implements Subject {

	public CityTeam {
		channels = List.copyOf(channels);
	}

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	/** The reps in the city now, over all channels. */
	public int headcount() {
		return channels.stream().mapToInt(CityChannelTeam::headcount).sum();
	}

	/** The city's trailing-12-month sales, yuan. */
	public BigDecimal sales() {
		return channels.stream().map(CityChannelTeam::sales).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Sales per rep now, whole yuan; {@code null} without reps. */
	public BigDecimal salesPerRep() {
		int headcount = headcount();
		return headcount == 0 ? null : sales().divide(BigDecimal.valueOf(headcount), 0, RoundingMode.HALF_UP);
	}

	/**
	 * Σ over the channels of target stores × visits a store a month, with the target
	 * stores the channel's universe × its {@code coverageTarget}, whole stores.
	 */
	public BigDecimal visitsAMonth(Parameters parameters) {
		BigDecimal visits = BigDecimal.ZERO;
		for (CityChannelTeam channel : channels) {
			BigDecimal target = channel
				.targetStores(parameters.decimal(parameters.keyFor("coverageTarget", channel.channelId())));
			visits = visits.add(target
				.multiply(parameters.decimal(parameters.keyFor("visitsPerStorePerMonth", channel.channelId()))));
		}
		return visits;
	}

	/** ⌈visits a month ÷ (visits a rep a day × working days)⌉, once for the city. */
	public int requiredReps(Parameters parameters) {
		return visitsAMonth(parameters)
			.divide(parameters.decimal("visitsPerRepPerDay").multiply(parameters.decimal("workingDays")), 0,
					RoundingMode.CEILING)
			.intValueExact();
	}

}
