package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The sales team of one city, for the {@code team-sizing} rules (DOMAIN.md, "Default
 * policies, second set", Team): the visits its channels need a month for the stores of
 * their coverage targets, added up over the channels and rounded to whole reps once for
 * the city, not per channel. A channel whose stores are not visited (e-commerce: 0 visits
 * a month) adds nothing.
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

	/** The stores the city's channels must carry by the coverage targets, added up. */
	public long targetStores() {
		return channels.stream().mapToLong(CityChannelTeam::targetStores).sum();
	}

	/**
	 * Σ over the channels of the coverage target's target stores × visits a store a month
	 * ({@code visitsPerStorePerMonth}, 0 for a channel that is not visited).
	 */
	public BigDecimal targetVisitsAMonth(Parameters parameters) {
		BigDecimal visits = BigDecimal.ZERO;
		for (CityChannelTeam channel : channels) {
			visits = visits.add(BigDecimal.valueOf(channel.targetStores())
				.multiply(parameters.decimal(parameters.keyFor("visitsPerStorePerMonth", channel.channelId()))));
		}
		return visits;
	}

	/**
	 * ⌈target visits a month ÷ (visits a rep a day × working days)⌉, once for the city.
	 */
	public int repsForTargets(Parameters parameters) {
		return targetVisitsAMonth(parameters)
			.divide(parameters.decimal("visitsPerRepPerDay").multiply(parameters.decimal("workingDays")), 0,
					RoundingMode.CEILING)
			.intValueExact();
	}

	/**
	 * Σ over the channels of target stores × visits a store a month, with the target
	 * stores the channel's universe × its {@code coverageTarget}, whole stores: the rules
	 * of 2026-11-28, before the coverage targets, which cycles started then still run.
	 */
	@Deprecated
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

	/**
	 * ⌈{@link #visitsAMonth} ÷ (visits a rep a day × working days)⌉, once for the city:
	 * the rules of 2026-11-28, before the coverage targets.
	 */
	@Deprecated
	public int requiredReps(Parameters parameters) {
		return visitsAMonth(parameters)
			.divide(parameters.decimal("visitsPerRepPerDay").multiply(parameters.decimal("workingDays")), 0,
					RoundingMode.CEILING)
			.intValueExact();
	}

}
