package io.regionplan.market.demo;

import java.util.List;

/**
 * The two real regions with twelve real cities each. Population is the 2020 census
 * rounded, road distance is to the region's distribution centre (Shanghai, Guangzhou),
 * market size is the category's yearly sales in yuan, about 150-210 yuan per inhabitant.
 * The intended share is ours: high in the cities near the centre, low far away, and
 * deliberately low in Nantong (DemoMarket case d).
 */
final class RealCities {

	static final Region EAST = new Region("east", "华东", "East China", "E");

	static final Region SOUTH = new Region("south", "华南", "South China", "S");

	static final List<City> EAST_CITIES = List.of(
			east("shanghai", "上海", "Shanghai", 1, 24_870_000, 5_200_000_000L, 0, 0.090),
			east("suzhou", "苏州", "Suzhou", 2, 12_750_000, 2_100_000_000L, 100, 0.085),
			east("wuxi", "无锡", "Wuxi", 2, 7_460_000, 1_150_000_000L, 135, 0.070),
			east("changzhou", "常州", "Changzhou", 2, 5_280_000, 850_000_000L, 180, 0.062),
			east("nantong", "南通", "Nantong", 2, 7_730_000, 1_300_000_000L, 110, 0.020),
			east("jiaxing", "嘉兴", "Jiaxing", 3, 5_400_000, 600_000_000L, 100, 0.066),
			east("hangzhou", "杭州", "Hangzhou", 2, 11_940_000, 2_000_000_000L, 175, 0.058),
			east("huzhou", "湖州", "Huzhou", 3, 3_370_000, 400_000_000L, 150, 0.055),
			east("shaoxing", "绍兴", "Shaoxing", 3, 5_270_000, 750_000_000L, 230, 0.052),
			east("ningbo", "宁波", "Ningbo", 2, 9_400_000, 1_350_000_000L, 220, 0.048),
			east("nanjing", "南京", "Nanjing", 2, 9_310_000, 1_600_000_000L, 300, 0.040),
			east("wenzhou", "温州", "Wenzhou", 2, 9_570_000, 1_050_000_000L, 460, 0.030));

	static final List<City> SOUTH_CITIES = List.of(
			south("guangzhou", "广州", "Guangzhou", 1, 18_680_000, 4_600_000_000L, 0, 0.088),
			south("foshan", "佛山", "Foshan", 2, 9_500_000, 1_800_000_000L, 25, 0.082),
			south("dongguan", "东莞", "Dongguan", 2, 10_470_000, 1_900_000_000L, 70, 0.062),
			south("shenzhen", "深圳", "Shenzhen", 1, 17_560_000, 4_200_000_000L, 140, 0.046),
			south("zhongshan", "中山", "Zhongshan", 3, 4_420_000, 700_000_000L, 85, 0.060),
			south("zhuhai", "珠海", "Zhuhai", 2, 2_440_000, 600_000_000L, 130, 0.052),
			south("huizhou", "惠州", "Huizhou", 2, 6_040_000, 950_000_000L, 150, 0.050),
			south("jiangmen", "江门", "Jiangmen", 3, 4_800_000, 650_000_000L, 100, 0.056),
			south("zhaoqing", "肇庆", "Zhaoqing", 3, 4_110_000, 450_000_000L, 90, 0.050),
			south("qingyuan", "清远", "Qingyuan", 4, 3_970_000, 350_000_000L, 75, 0.044),
			south("shantou", "汕头", "Shantou", 3, 5_500_000, 700_000_000L, 430, 0.022),
			south("zhanjiang", "湛江", "Zhanjiang", 3, 6_980_000, 800_000_000L, 410, 0.026));

	/**
	 * East's new market (DemoMarket case g): Zhenjiang, between Changzhou and Nanjing,
	 * where the core dealer has signed on but not shipped yet; 3.21 million people, about
	 * 170 yuan per inhabitant like its neighbours.
	 */
	static final City ZHENJIANG = east("zhenjiang", "镇江", "Zhenjiang", 3, 3_210_000, 550_000_000L, 260, 0);

	static final List<List<String>> EAST_NEW_MARKET_ADJACENCY = List.of(List.of("zhenjiang", "changzhou"),
			List.of("zhenjiang", "nanjing"));

	/**
	 * Cities that share a border, one row per pair. Nantong borders Shanghai (Chongming)
	 * and Suzhou across the Yangtze: the two strongholds of the three-points-attack-one
	 * case.
	 */
	static final List<List<String>> EAST_ADJACENCY = List.of(List.of("shanghai", "suzhou"),
			List.of("shanghai", "jiaxing"), List.of("shanghai", "nantong"), List.of("suzhou", "wuxi"),
			List.of("suzhou", "nantong"), List.of("suzhou", "jiaxing"), List.of("suzhou", "huzhou"),
			List.of("wuxi", "changzhou"), List.of("wuxi", "huzhou"), List.of("changzhou", "nanjing"),
			List.of("jiaxing", "huzhou"), List.of("jiaxing", "hangzhou"), List.of("huzhou", "hangzhou"),
			List.of("hangzhou", "shaoxing"), List.of("shaoxing", "ningbo"));

	static final List<List<String>> SOUTH_ADJACENCY = List.of(List.of("guangzhou", "foshan"),
			List.of("guangzhou", "dongguan"), List.of("guangzhou", "zhongshan"), List.of("guangzhou", "huizhou"),
			List.of("guangzhou", "qingyuan"), List.of("foshan", "zhaoqing"), List.of("foshan", "jiangmen"),
			List.of("foshan", "zhongshan"), List.of("foshan", "qingyuan"), List.of("dongguan", "shenzhen"),
			List.of("dongguan", "huizhou"), List.of("shenzhen", "huizhou"), List.of("zhongshan", "zhuhai"),
			List.of("zhongshan", "jiangmen"), List.of("zhuhai", "jiangmen"), List.of("zhaoqing", "qingyuan"));

	private RealCities() {
	}

	static Region region(int index) {
		return switch (index) {
			case 0 -> EAST;
			case 1 -> SOUTH;
			default -> Region.synthetic(index + 1);
		};
	}

	static List<City> cities(int region) {
		return switch (region) {
			case 0 -> EAST_CITIES;
			case 1 -> SOUTH_CITIES;
			default -> List.of();
		};
	}

	static List<City> newMarkets(int region) {
		return (region == 0) ? List.of(ZHENJIANG) : List.of();
	}

	static List<List<String>> newMarketAdjacency(int region) {
		return (region == 0) ? EAST_NEW_MARKET_ADJACENCY : List.of();
	}

	static List<List<String>> adjacency(int region) {
		return switch (region) {
			case 0 -> EAST_ADJACENCY;
			case 1 -> SOUTH_ADJACENCY;
			default -> List.of();
		};
	}

	private static City east(String id, String zh, String en, int tier, long population, long market, int km,
			double share) {
		return new City(id, "east", zh, en, tier, population, market, km, share);
	}

	private static City south(String id, String zh, String en, int tier, long population, long market, int km,
			double share) {
		return new City(id, "south", zh, en, tier, population, market, km, share);
	}

}
