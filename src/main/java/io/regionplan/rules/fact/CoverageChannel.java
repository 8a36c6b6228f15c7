package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One channel of a city as the {@code coverage-targets} rules see it, with the arithmetic
 * of its targets (DOMAIN.md, "Default policies, second set", Coverage targets). ND points
 * and caps are given in percent (5 = five points, 90 = 90%), as the parameters hold them.
 *
 * @param channelName the channel's Chinese name
 * @param stores the stores of the channel in the city
 * @param carrying those that carry our product
 * @param nd ND today: carrying ÷ stores
 * @param wtd WTD today; {@code null} when the stores have no category sales
 * @param unservedSales the category sales of the stores that do not carry our product,
 * yuan a year
 */
public record CoverageChannel(String cityId, String channelId, String channelName, long stores, long carrying,
		BigDecimal nd, BigDecimal wtd, BigDecimal unservedSales) implements Subject {

	private static final int SCALE = 6;

	@Override
	public String subjectType() {
		return "city-channel";
	}

	@Override
	public String subjectId() {
		return cityId + "/" + channelId;
	}

	/**
	 * Whether the channel is in a parameter's comma-separated list of channel ids;
	 * {@code *} lists every channel.
	 */
	public boolean listedIn(String channels) {
		return position(channels) >= 0;
	}

	/** The place of the channel in a comma-separated list, from 0; -1 when unlisted. */
	private int position(String channels) {
		String[] ids = channels.split(",");
		for (int i = 0; i < ids.length; i++) {
			if (ids[i].strip().equals(channelId) || ids[i].strip().equals("*")) {
				return i;
			}
		}
		return -1;
	}

	private static BigDecimal fraction(BigDecimal percent) {
		return percent.movePointLeft(2);
	}

	/** At or above the cap today: the target holds today's ND, never lower. */
	private boolean atCap(BigDecimal capPercent) {
		return BigDecimal.valueOf(carrying).compareTo(fraction(capPercent).multiply(BigDecimal.valueOf(stores))) >= 0;
	}

	/** ND today + the points, at most the cap; today's ND when it is already there. */
	public BigDecimal ndTarget(BigDecimal points, BigDecimal capPercent) {
		if (atCap(capPercent)) {
			return nd;
		}
		return nd.add(fraction(points)).min(fraction(capPercent));
	}

	/**
	 * The stores that must carry the product to reach the ND target: ⌈ND target ×
	 * stores⌉, rounded up because the target is met only by whole stores, counted from
	 * today's carrying stores (not from the rounded ND) and never fewer than they.
	 */
	public long targetStores(BigDecimal points, BigDecimal capPercent) {
		if (atCap(capPercent)) {
			return carrying;
		}
		BigDecimal all = BigDecimal.valueOf(stores);
		BigDecimal target = BigDecimal.valueOf(carrying)
			.add(fraction(points).multiply(all))
			.min(fraction(capPercent).multiply(all));
		return Math.min(stores, target.setScale(0, RoundingMode.CEILING).longValueExact());
	}

	/** The stores to win over today's. */
	public long newStores(BigDecimal points, BigDecimal capPercent) {
		return targetStores(points, capPercent) - carrying;
	}

	/**
	 * WTD today + the ND points the target adds (after the cap) × {@code factor}, at most
	 * {@code maxPercent}; {@code null} without a WTD today.
	 */
	public BigDecimal wtdTarget(BigDecimal points, BigDecimal capPercent, BigDecimal factor, BigDecimal maxPercent) {
		if (wtd == null) {
			return null;
		}
		BigDecimal added = ndTarget(points, capPercent).subtract(nd);
		return wtd.add(added.multiply(factor)).min(fraction(maxPercent)).max(wtd).setScale(SCALE, RoundingMode.HALF_UP);
	}

	/**
	 * The channels by unserved category sales, most first; equal sales in the order of
	 * {@code order} (a parameter's list of channel ids), then by id.
	 */
	private static List<CoverageChannel> byUnservedSales(List<?> channels, String order) {
		List<CoverageChannel> sorted = new ArrayList<>(channels.stream().map(CoverageChannel.class::cast).toList());
		sorted.sort(Comparator.comparing(CoverageChannel::unservedSales)
			.reversed()
			.thenComparing(channel -> channel.position(order))
			.thenComparing(CoverageChannel::channelId));
		return sorted;
	}

	/**
	 * This channel's place among {@code channels} by unserved sales, from 1; 0 if absent.
	 */
	public int unservedRank(List<?> channels, String order) {
		return byUnservedSales(channels, order).indexOf(this) + 1;
	}

	/** The names of the first {@code count} channels by unserved sales: "大卖场、超市". */
	public static String mostUnservedZh(List<?> channels, String order, BigDecimal count) {
		return byUnservedSales(channels, order).stream()
			.limit(count.longValue())
			.map(CoverageChannel::channelName)
			.collect(Collectors.joining("、"));
	}

	/**
	 * The ids of the first {@code count} channels by unserved sales: "KA, SUPERMARKET".
	 */
	public static String mostUnservedEn(List<?> channels, String order, BigDecimal count) {
		return byUnservedSales(channels, order).stream()
			.limit(count.longValue())
			.map(CoverageChannel::channelId)
			.collect(Collectors.joining(", "));
	}

	/**
	 * Easy before hard: the channels by the stores to win for the points, fewest first;
	 * equal counts in the order of {@code order}, then by id.
	 */
	private static List<CoverageChannel> easyBeforeHard(List<?> channels, BigDecimal points, BigDecimal capPercent,
			String order) {
		List<CoverageChannel> sorted = new ArrayList<>(channels.stream().map(CoverageChannel.class::cast).toList());
		sorted.sort(Comparator.comparingLong((CoverageChannel channel) -> channel.newStores(points, capPercent))
			.thenComparing(channel -> channel.position(order))
			.thenComparing(CoverageChannel::channelId));
		return sorted;
	}

	/**
	 * This channel's place among {@code channels}, easy before hard, from 1; 0 if absent.
	 */
	public int easyRank(List<?> channels, BigDecimal points, BigDecimal capPercent, String order) {
		return easyBeforeHard(channels, points, capPercent, order).indexOf(this) + 1;
	}

	/** The order for a reason: "便利店 新增 3 家 → 传统渠道 新增 12 家". */
	public static String easyBeforeHardZh(List<?> channels, BigDecimal points, BigDecimal capPercent, String order) {
		return easyBeforeHard(channels, points, capPercent, order).stream()
			.map(channel -> channel.channelName() + " 新增 " + channel.newStores(points, capPercent) + " 家")
			.collect(Collectors.joining(" → "));
	}

	/**
	 * The order for an English reason: "CONVENIENCE 3 more stores → TRADITIONAL 12 more
	 * stores".
	 */
	public static String easyBeforeHardEn(List<?> channels, BigDecimal points, BigDecimal capPercent, String order) {
		return easyBeforeHard(channels, points, capPercent, order).stream()
			.map(channel -> channel.channelId() + " " + channel.newStores(points, capPercent) + " more stores")
			.collect(Collectors.joining(" → "));
	}

	/** Unserved category sales in 万元, for reasons. */
	public String unservedWan() {
		return Amounts.wan(unservedSales);
	}

	/**
	 * The target from what the strategy asks: ND, WTD (today's + the ND points added ×
	 * {@code wtdFactor}, at most {@code wtdMaxPercent}) and target stores, with the
	 * strategy's reason and the numbers.
	 */
	public CoverageTarget target(CoveragePoints asked, BigDecimal wtdFactor, BigDecimal wtdMaxPercent) {
		BigDecimal ndTarget = ndTarget(asked.points(), asked.capPercent());
		BigDecimal wtdTarget = wtdTarget(asked.points(), asked.capPercent(), wtdFactor, wtdMaxPercent);
		long targetStores = targetStores(asked.points(), asked.capPercent());
		String added = ndTarget.subtract(nd).movePointRight(2).stripTrailingZeros().toPlainString();
		String factor = wtdFactor.stripTrailingZeros().toPlainString();
		String numbersZh = "ND " + Percent.of(nd) + " → " + Percent.of(ndTarget) + "，WTD " + Percent.of(wtd) + " → "
				+ Percent.of(wtdTarget) + "（+" + added + " × " + factor + "），目标门店 " + targetStores + "/" + stores
				+ " 家（向上取整）";
		String numbersEn = "ND " + Percent.of(nd) + " → " + Percent.of(ndTarget) + ", WTD " + Percent.of(wtd) + " → "
				+ Percent.of(wtdTarget) + " (+" + added + " × " + factor + "), target stores " + targetStores + " of "
				+ stores + " (rounded up)";
		return new CoverageTarget(cityId, channelId, asked.strategy(), stores, carrying, nd, ndTarget, wtd, wtdTarget,
				targetStores, asked.order(), asked.whyZh() + "；" + numbersZh, asked.whyEn() + "; " + numbersEn);
	}

}
