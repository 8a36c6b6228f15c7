package io.regionplan.market.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two to four competitors per city from a pool of national and regional brands, the
 * leader taking up to 35%. In Nantong the leader is strong, which is why our share is low
 * there (DemoMarket case d).
 */
final class Competitors {

	private static final List<String> BRANDS = List.of("佳味", "鲜达", "金福", "康源", "悦享", "满福", "优品", "百润", "农家园", "天之源",
			"绿洲", "四季鲜");

	private static final double[][] SHARE_RANGES = { { 0.15, 0.35 }, { 0.08, 0.25 }, { 0.05, 0.15 }, { 0.05, 0.10 } };

	private Competitors() {
	}

	static MarketTable of(List<City> cities, SplittableRandom random) {
		List<List<String>> rows = new ArrayList<>();
		for (City city : cities) {
			List<String> pool = new ArrayList<>(BRANDS);
			int count = random.nextInt(2, 5);
			for (int k = 0; k < count; k++) {
				String brand = pool.remove(random.nextInt(pool.size()));
				double[] range = SHARE_RANGES[k];
				double share = (k == 0 && city.id().equals(DemoMarket.THREE_POINTS_CITY)) ? 0.34
						: random.nextDouble(range[0], range[1]);
				rows.add(List.of(city.id(), brand, Num.decimal(share, 3), Num.decimal(random.nextDouble(0.8, 1.3), 2)));
			}
		}
		return new MarketTable("competitors", List.of("city", "competitor", "share", "price_index"), rows);
	}

}
