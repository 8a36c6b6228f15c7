package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One city's part of the gap-closing sources, with what their realism bounds read
 * (DOMAIN.md, "Default policies, second set", Gap): its channels' stores for the new
 * stores, its dealers' volumes for the new dealers. The bounds are whole cases, rounded
 * down (a bound of 1,234.5 cases allows 1,234).
 *
 * @param subjectId the city
 * @param nameZh its Chinese name, for reasons
 * @param newDealers the new-dealer volume the manager gave the city, cases
 * @param newStores the new-store (ND) volume, cases
 * @param newSkus the new-SKU volume, cases (bounded for the region)
 * @param pricePromotion the price and promotion volume, cases (bounded for the region)
 * @param channels the city's channels with their stores and our volume in the 12 months
 * @param dealerVolumes each dealer's volume in the city in the 12 months (dealers that
 * sold there)
 */
public record GapSourceCity(String subjectId, String nameZh, BigDecimal newDealers, BigDecimal newStores,
		BigDecimal newSkus, BigDecimal pricePromotion, List<GapStoreChannel> channels,
		List<BigDecimal> dealerVolumes) implements Subject {

	private static final int SCALE = 10;

	public GapSourceCity {
		channels = List.copyOf(channels);
		dealerVolumes = dealerVolumes.stream().sorted().toList();
	}

	@Override
	public String subjectType() {
		return "city";
	}

	/**
	 * The stores of the city that do not carry our product, in the channels where some
	 * store does (the others have no average to go by and add nothing to the bound).
	 */
	public long unservedStores() {
		return channels.stream().filter(channel -> channel.carrying() > 0).mapToLong(GapStoreChannel::unserved).sum();
	}

	/**
	 * What the unserved stores would sell a month at their channel's average: Σ unserved
	 * stores × (the channel's volume ÷ its carrying stores ÷ 12); a channel where no
	 * store carries our product has no average and adds nothing.
	 */
	public BigDecimal unservedVolumeAMonth() {
		BigDecimal total = BigDecimal.ZERO;
		for (GapStoreChannel channel : channels) {
			if (channel.carrying() > 0) {
				total = total.add(channel.volume()
					.multiply(BigDecimal.valueOf(channel.unserved()))
					.divide(BigDecimal.valueOf(channel.carrying() * 12), SCALE, RoundingMode.HALF_UP));
			}
		}
		return total;
	}

	/**
	 * New stores ≤ unserved stores' volume a month × {@code monthsActive}, computed as
	 * one exact fraction Σ volume × unserved × months ÷ (carrying × 12) and rounded down
	 * once (three channels of 333⅓ a month over 6 months allow 2,000, not 1,999).
	 */
	public BigDecimal newStoresBound(Parameters parameters) {
		BigDecimal months = parameters.decimal("monthsActive");
		BigDecimal numerator = BigDecimal.ZERO;
		BigDecimal denominator = BigDecimal.ONE;
		for (GapStoreChannel channel : channels) {
			if (channel.carrying() > 0) {
				BigDecimal over = BigDecimal.valueOf(channel.carrying() * 12);
				numerator = numerator.multiply(over)
					.add(channel.volume()
						.multiply(BigDecimal.valueOf(channel.unserved()))
						.multiply(months)
						.multiply(denominator));
				denominator = denominator.multiply(over);
			}
		}
		return numerator.divide(denominator, 0, RoundingMode.FLOOR);
	}

	/** The median of the city's dealers' volumes; zero without a dealer. */
	public BigDecimal medianDealerVolume() {
		int n = dealerVolumes.size();
		if (n == 0) {
			return BigDecimal.ZERO;
		}
		return n % 2 == 1 ? dealerVolumes.get(n / 2)
				: dealerVolumes.get(n / 2 - 1).add(dealerVolumes.get(n / 2)).divide(BigDecimal.valueOf(2));
	}

	/** New dealers ≤ the median dealer's volume × {@code monthsActive} ÷ 12. */
	public BigDecimal newDealersBound(Parameters parameters) {
		return medianDealerVolume().multiply(parameters.decimal("monthsActive"))
			.divide(BigDecimal.valueOf(12), 0, RoundingMode.FLOOR);
	}

	/** A volume a month for reasons, two decimals: "41.67". */
	public static String twoDecimals(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
