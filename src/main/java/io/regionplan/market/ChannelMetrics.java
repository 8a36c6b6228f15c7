package io.regionplan.market;

import java.math.BigDecimal;

/**
 * Distribution of one city × channel: ND and WTD ({@code null} when the channel has no
 * stores there).
 *
 * @param unservedCategorySales the category sales of the stores that do not carry our
 * product (WTD's missing part), yuan a year
 */
public record ChannelMetrics(String cityId, String channelId, long stores, long carrying, BigDecimal nd, BigDecimal wtd,
		BigDecimal unservedCategorySales) {
}
