package io.regionplan.market.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Regions, cities and which cities border each other. The first two regions are the real
 * ones; beyond their twelve cities, and in every further region, cities are synthetic
 * ({@code city-123} 城市123), smaller than Nantong so that the real cities keep their place
 * around the region medians.
 * <p>
 * The new markets (Zhenjiang in east, DemoMarket case g) are kept apart, after every
 * other city: no dealer is based in them, and leaving them out of {@code cities} and
 * {@code adjacency} keeps every other row of a seed as it was before they were added.
 *
 * @param cities the old markets, region by region
 * @param adjacency the borders between old markets
 * @param newMarkets cities without sales yet
 * @param newMarketAdjacency the borders of the new markets
 */
record Geography(List<Region> regions, List<City> cities, List<List<String>> adjacency, List<City> newMarkets,
		List<List<String>> newMarketAdjacency) {

	static Geography of(DemoMarket.Size size, SplittableRandom random) {
		List<Region> regions = new ArrayList<>();
		List<City> cities = new ArrayList<>();
		List<List<String>> adjacency = new ArrayList<>();
		List<City> newMarkets = new ArrayList<>();
		List<List<String>> newMarketAdjacency = new ArrayList<>();
		for (int r = 0; r < size.regions(); r++) {
			Region region = RealCities.region(r);
			List<City> real = RealCities.cities(r);
			regions.add(region);
			newMarkets.addAll(RealCities.newMarkets(r));
			newMarketAdjacency.addAll(RealCities.newMarketAdjacency(r));
			adjacency.addAll(RealCities.adjacency(r));
			for (int j = 0; j < size.citiesPerRegion(); j++) {
				City city = (j < real.size())
						? real.get(j).withShare(real.get(j).share() * random.nextDouble(0.94, 1.06))
						: synthetic(region.id(), cities.size() + 1, j == 0, random);
				cities.add(city);
				if (j >= real.size() && j > 0) {
					adjacency.add(List.of(city.id(), cities.get(cities.size() - 2).id()));
					if (j >= 2 && random.nextBoolean()) {
						adjacency.add(List.of(city.id(), cities.get(cities.size() - 3).id()));
					}
				}
			}
		}
		return new Geography(List.copyOf(regions), List.copyOf(cities), List.copyOf(adjacency), List.copyOf(newMarkets),
				List.copyOf(newMarketAdjacency));
	}

	/** The old markets, then the new ones: a city's index is the same in both lists. */
	List<City> allCities() {
		List<City> all = new ArrayList<>(cities);
		all.addAll(newMarkets);
		return List.copyOf(all);
	}

	/** Every border, the new markets' last. */
	List<List<String>> allAdjacency() {
		List<List<String>> all = new ArrayList<>(adjacency);
		all.addAll(newMarketAdjacency);
		return List.copyOf(all);
	}

	/**
	 * A synthetic city; the first city of a synthetic region is its hub, where the
	 * distribution centre is.
	 */
	private static City synthetic(String region, int number, boolean hub, SplittableRandom random) {
		long population = 1000 * Math.round(hub ? random.nextDouble(8000, 14000) : random.nextDouble(1200, 6500));
		int tier = hub ? 2 : population > 5_000_000 ? 3 : population > 3_000_000 ? 4 : 5;
		double perInhabitant = switch (tier) {
			case 2 -> 170;
			case 3 -> 130;
			case 4 -> 100;
			default -> 75;
		};
		long market = 1_000_000 * Math.round(population * perInhabitant * random.nextDouble(0.85, 1.15) / 1_000_000);
		int distance = hub ? 0 : (int) random.nextDouble(40, 480);
		double share = hub ? random.nextDouble(0.075, 0.095)
				: (0.07 - 0.04 * distance / 480.0) * random.nextDouble(0.85, 1.15);
		return new City("city-" + number, region, "城市" + number, "City " + number, tier, population, market, distance,
				share);
	}

	/** Indexes of the old markets of a region, in their order. */
	List<Integer> citiesOf(String region) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < cities.size(); i++) {
			if (cities.get(i).region().equals(region)) {
				indexes.add(i);
			}
		}
		return indexes;
	}

	/** The people of a region's old markets. */
	double population(String region) {
		return citiesOf(region).stream().mapToDouble(c -> cities.get(c).population()).sum();
	}

	/** Bordering cities of each city, by index, in both directions. */
	List<List<Integer>> neighbours() {
		Map<String, Integer> index = new HashMap<>();
		List<List<Integer>> neighbours = new ArrayList<>();
		for (int i = 0; i < cities.size(); i++) {
			index.put(cities.get(i).id(), i);
			neighbours.add(new ArrayList<>());
		}
		for (List<String> pair : adjacency) {
			int a = index.get(pair.get(0));
			int b = index.get(pair.get(1));
			neighbours.get(a).add(b);
			neighbours.get(b).add(a);
		}
		return neighbours;
	}

}
