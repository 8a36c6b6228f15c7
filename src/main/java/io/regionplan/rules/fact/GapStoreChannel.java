package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * One channel of a city as the new-stores bound reads it: its stores, those that carry
 * our product, and our volume in the channel over the last 12 months.
 *
 * @param channelId the channel
 * @param stores the channel's stores in the city
 * @param carrying the stores among them that carry our product
 * @param volume our sales volume in the city × channel over the 12 months, cases
 */
public record GapStoreChannel(String channelId, long stores, long carrying, BigDecimal volume) {

	public GapStoreChannel {
		if (stores < 0 || carrying < 0 || carrying > stores) {
			throw new IllegalArgumentException("门店数不成立 / stores " + stores + ", carrying " + carrying);
		}
		if (volume == null || volume.signum() < 0) {
			throw new IllegalArgumentException("销量不能为负 / volume must not be negative, got " + volume);
		}
	}

	/** The stores that do not carry our product yet. */
	public long unserved() {
		return stores - carrying;
	}

}
