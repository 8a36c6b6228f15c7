package io.regionplan.rules.fact;

import java.math.BigDecimal;

/**
 * The coverage target of one city × channel (城市渠道覆盖目标): ND and WTD today and as targets,
 * and the stores that must carry the product to reach the ND target, which the team is
 * sized on.
 *
 * @param ndToday stores carrying ÷ stores, today
 * @param ndTarget the ND to reach, a fraction
 * @param wtdToday today's WTD; {@code null} when the channel's stores have no category
 * sales
 * @param wtdTarget the WTD to reach; {@code null} with {@code wtdToday}
 * @param targetStores the stores that must carry the product: ⌈ND target × stores⌉, never
 * fewer than today
 * @param order the channel's place in the city's order (采蘑菇 easy before hard, 突破 by
 * unserved sales); 0 when its strategy orders nothing
 */
public record CoverageTarget(String cityId, String channelId, String strategy, long stores, long carrying,
		BigDecimal ndToday, BigDecimal ndTarget, BigDecimal wtdToday, BigDecimal wtdTarget, long targetStores,
		int order, String reasonZh, String reasonEn) implements Outcome {

	@Override
	public String subjectId() {
		return cityId + "/" + channelId;
	}

	@Override
	public String kind() {
		return "ndTarget";
	}

	@Override
	public String value() {
		return Percent.of(ndTarget);
	}

}
