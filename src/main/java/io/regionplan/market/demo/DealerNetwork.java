package io.regionplan.market.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Dealers and what they cover. Every city gets at least one dealer based in it, the rest
 * go by population; most dealers serve their home city only, some also one or two
 * bordering cities.
 */
final class DealerNetwork {

	private static final List<String> TRADE_NAMES = List.of("恒达", "永盛", "鑫源", "华联", "宏泰", "金隆", "瑞丰", "汇通", "广源", "嘉禾",
			"佳美", "和盛", "德隆", "万家", "顺发", "东升", "福满", "盛世", "惠民", "百佳", "天润", "裕丰", "昌荣", "兴旺");

	private static final List<String> SUFFIXES = List.of("商贸", "贸易", "食品", "供应链");

	private DealerNetwork() {
	}

	static List<Dealer> of(Geography geography, DemoMarket.Size size, SplittableRandom random) {
		List<List<Integer>> neighbours = geography.neighbours();
		int[] perRegion = Num.evenly(size.dealers(), size.regions());
		Set<String> names = new HashSet<>();
		List<Dealer> dealers = new ArrayList<>();
		for (int r = 0; r < size.regions(); r++) {
			Region region = geography.regions().get(r);
			List<Integer> cities = geography.citiesOf(region.id());
			List<Dealer> deliberate = DeliberateDealers.of(r, geography);
			deliberate.forEach(dealer -> names.add(dealer.name()));
			dealers.addAll(deliberate);
			double[] weights = cities.stream()
				.mapToDouble(city -> Math.pow(geography.cities().get(city).population(), 0.9))
				.toArray();
			int[] counts = Num.apportion(perRegion[r] - deliberate.size(), weights, 1);
			int number = deliberate.size() + 1;
			for (int j = 0; j < cities.size(); j++) {
				for (int k = 0; k < counts[j]; k++) {
					String id = "D-" + region.dealerCode() + "-" + Num.padded(number++, 3);
					dealers.add(
							dealer(id, region, geography, cities.get(j), neighbours.get(cities.get(j)), names, random));
				}
			}
		}
		return List.copyOf(dealers);
	}

	private static Dealer dealer(String id, Region region, Geography geography, int home, List<Integer> neighbours,
			Set<String> names, SplittableRandom random) {
		String name = name(geography.cities().get(home), names, random);
		double size = Math.min(6, Math.exp(0.9 * random.nextGaussian()));
		double growth = (random.nextDouble() < 0.85) ? random.nextDouble(-0.05, 0.25) : random.nextDouble(-0.10, -0.03);
		double late = random.nextDouble();
		int overdue = (late < 0.62) ? 0 : (late < 0.94) ? random.nextInt(1, 46) : random.nextInt(46, 81);
		int incidents = (random.nextDouble() < 0.9) ? 0 : 1;
		double compliance = Math.max(60, Math.min(100, 84 + 7 * random.nextGaussian()));
		return new Dealer(id, region.id(), name, home, size, growth, overdue, incidents, compliance,
				cities(home, neighbours, random), channels(random));
	}

	private static List<Integer> cities(int home, List<Integer> neighbours, SplittableRandom random) {
		double draw = random.nextDouble();
		int count = (draw < 0.65) ? 1 : (draw < 0.90) ? 2 : 3;
		List<Integer> candidates = new ArrayList<>(neighbours);
		List<Integer> cities = new ArrayList<>(List.of(home));
		while (cities.size() < count && !candidates.isEmpty()) {
			cities.add(candidates.remove(random.nextInt(candidates.size())));
		}
		return cities;
	}

	/** One to four channels, picked by how often dealers specialise in them. */
	private static List<Channel> channels(SplittableRandom random) {
		double draw = random.nextDouble();
		int count = (draw < 0.25) ? 1 : (draw < 0.60) ? 2 : (draw < 0.85) ? 3 : 4;
		Set<Channel> picked = EnumSet.noneOf(Channel.class);
		while (picked.size() < count) {
			double total = 0;
			for (Channel channel : Channel.values()) {
				total += picked.contains(channel) ? 0 : channel.dealerWeight;
			}
			double point = random.nextDouble(total);
			for (Channel channel : Channel.values()) {
				point -= picked.contains(channel) ? 0 : channel.dealerWeight;
				if (point < 0 && !picked.contains(channel)) {
					picked.add(channel);
					break;
				}
			}
		}
		return List.copyOf(picked);
	}

	/** A trade name such as 苏州恒达商贸, unique over the data set. */
	private static String name(City home, Set<String> names, SplittableRandom random) {
		for (int attempt = 0; attempt < 40; attempt++) {
			String name = home.nameZh() + TRADE_NAMES.get(random.nextInt(TRADE_NAMES.size()))
					+ SUFFIXES.get(random.nextInt(SUFFIXES.size()));
			if (names.add(name)) {
				return name;
			}
		}
		String name = home.nameZh() + TRADE_NAMES.get(random.nextInt(TRADE_NAMES.size())) + (names.size() + 1) + "号商贸";
		names.add(name);
		return name;
	}

}
