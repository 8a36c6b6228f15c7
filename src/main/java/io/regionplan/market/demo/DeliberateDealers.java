package io.regionplan.market.demo;

import static io.regionplan.market.demo.Channel.CATERING;
import static io.regionplan.market.demo.Channel.CONVENIENCE;
import static io.regionplan.market.demo.Channel.ECOMMERCE;
import static io.regionplan.market.demo.Channel.KA;
import static io.regionplan.market.demo.Channel.SUPERMARKET;
import static io.regionplan.market.demo.Channel.TRADITIONAL;

import java.util.List;

/**
 * The dealers of the deliberate cases listed on {@link DemoMarket}, fixed whatever the
 * seed. Random dealers stay clear of them by construction, not by luck: overdue at most
 * 80 days, at most one incident, a trend of −10% or better (with ±5% monthly noise never
 * below −20%), and a size of at most 6 against the core dealer's 14, so each case has
 * exactly one dealer for every seed.
 */
final class DeliberateDealers {

	private DeliberateDealers() {
	}

	static List<Dealer> of(int region, Geography geography) {
		return switch (region) {
			case 0 -> List.of(
					new Dealer(DemoMarket.CORE_DEALER, "east", "上海恒达供应链", city(geography, "shanghai"), 14.0, 0.12, 0, 0,
							96.5, List.of(city(geography, "shanghai"), city(geography, "suzhou")),
							List.of(KA, SUPERMARKET, CONVENIENCE, TRADITIONAL)),
					new Dealer(DemoMarket.DECLINING_DEALER, "east", "杭州金隆商贸", city(geography, "hangzhou"), 3.0, -0.45,
							12, 0, 70.0, List.of(city(geography, "hangzhou")), List.of(SUPERMARKET, TRADITIONAL)),
					new Dealer(DemoMarket.OVERDUE_DEALER, "east", "宁波瑞丰贸易", city(geography, "ningbo"), 1.5, 0.04, 104,
							0, 72.0, List.of(city(geography, "ningbo")), List.of(TRADITIONAL, CATERING)));
			case 1 -> List.of(new Dealer(DemoMarket.CROSS_REGION_DEALER, "south", "东莞鑫源食品", city(geography, "dongguan"),
					2.0, 0.08, 20, 3, 61.5, List.of(city(geography, "dongguan"), city(geography, "shenzhen")),
					List.of(CONVENIENCE, TRADITIONAL, ECOMMERCE)));
			default -> List.of();
		};
	}

	private static int city(Geography geography, String id) {
		for (int i = 0; i < geography.cities().size(); i++) {
			if (geography.cities().get(i).id().equals(id)) {
				return i;
			}
		}
		throw new IllegalStateException("no city " + id);
	}

}
