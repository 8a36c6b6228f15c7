package io.regionplan.market.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stores, computed one at a time from their number so that a million of them never sit in
 * memory. Stores are spread over cities by population and over channels by the city's
 * tier (cells of city × channel, in id order); whether a store carries our product
 * follows the channel and the city's share, and a carrying store is served by one of the
 * dealers covering its cell.
 */
final class StorePlan {

	/**
	 * Category sales per store by city tier: a tier-1 hypermarket sells more than a
	 * tier-5 one.
	 */
	private static final double[] TIER_FACTOR = { 1.3, 1.1, 1.0, 0.85, 0.7 };

	/** What one store is, before it becomes a row. */
	record Store(int cell, int dealer, boolean carries, double categorySales) {
	}

	private final List<Dealer> dealers;

	private final List<City> cities;

	private final int[] cellCity;

	private final Channel[] cellChannel;

	/** Exclusive end of each cell's store numbers, ascending. */
	private final int[] cellEnd;

	private final double[] carryRate;

	private final int[][] coverers;

	private final double[][] covererWeights;

	private final long seed;

	/** Cities from this index on are new markets. */
	private final int firstNewMarket;

	private StorePlan(List<Dealer> dealers, Geography geography, int[] cellCity, Channel[] cellChannel, int[] cellEnd,
			long seed) {
		this.dealers = dealers;
		this.cities = geography.allCities();
		this.firstNewMarket = geography.cities().size();
		this.cellCity = cellCity;
		this.cellChannel = cellChannel;
		this.cellEnd = cellEnd;
		this.seed = seed;
		this.carryRate = new double[cellEnd.length];
		this.coverers = new int[cellEnd.length][];
		this.covererWeights = new double[cellEnd.length][];
		cover();
	}

	static StorePlan of(Geography geography, List<Dealer> dealers, DemoMarket.Size size, SplittableRandom random) {
		int[] perRegion = Num.evenly(size.stores(), size.regions());
		int cells = geography.allCities().size() * Channel.values().length;
		int[] cellCity = new int[cells];
		Channel[] cellChannel = new Channel[cells];
		int[] cellEnd = new int[cells];
		int cell = 0;
		int end = 0;
		for (int r = 0; r < size.regions(); r++) {
			List<Integer> regionCities = geography.citiesOf(geography.regions().get(r).id());
			double[] population = regionCities.stream()
				.mapToDouble(c -> geography.cities().get(c).population())
				.toArray();
			int[] perCity = Num.apportion(perRegion[r], population, 0);
			for (int j = 0; j < regionCities.size(); j++) {
				int tier = geography.cities().get(regionCities.get(j)).tier();
				end = cells(regionCities.get(j), tier, perCity[j], end, cell, cellCity, cellChannel, cellEnd);
				cell += Channel.values().length;
			}
		}
		// the new markets' stores come after all others, as many per inhabitant as in
		// their region, so that no other store changes
		for (int k = 0; k < geography.newMarkets().size(); k++) {
			City market = geography.newMarkets().get(k);
			int r = geography.regions().stream().map(Region::id).toList().indexOf(market.region());
			int stores = (int) Math.round(perRegion[r] * market.population() / geography.population(market.region()));
			end = cells(geography.cities().size() + k, market.tier(), stores, end, cell, cellCity, cellChannel,
					cellEnd);
			cell += Channel.values().length;
		}
		return new StorePlan(dealers, geography, cellCity, cellChannel, cellEnd, random.nextLong());
	}

	/** A city's cells, one per channel from {@code cell} on; the new end. */
	private static int cells(int city, int tier, int stores, int end, int cell, int[] cellCity, Channel[] cellChannel,
			int[] cellEnd) {
		double[] mix = Arrays.stream(Channel.values()).mapToDouble(channel -> channel.storeMix(tier)).toArray();
		int[] perChannel = Num.apportion(stores, mix, 0);
		for (Channel channel : Channel.values()) {
			end += perChannel[channel.ordinal()];
			cellCity[cell] = city;
			cellChannel[cell] = channel;
			cellEnd[cell++] = end;
		}
		return end;
	}

	/**
	 * Carry rates by channel and city share (strong cities are well distributed), and who
	 * covers each cell.
	 */
	private void cover() {
		List<List<Integer>> byCell = new ArrayList<>();
		int[] firstCell = new int[cities.size()];
		Arrays.fill(firstCell, -1);
		for (int cell = 0; cell < cellEnd.length; cell++) {
			byCell.add(new ArrayList<>());
			if (firstCell[cellCity[cell]] < 0) {
				firstCell[cellCity[cell]] = cell;
			}
			double strength = Math.max(0.7, Math.min(1.25, Math.sqrt(cities.get(cellCity[cell]).share() / 0.055)));
			carryRate[cell] = Math.min(0.97, cellChannel[cell].carryRate * strength);
		}
		for (int d = 0; d < dealers.size(); d++) {
			for (int city : dealers.get(d).cities()) {
				for (Channel channel : dealers.get(d).channels()) {
					byCell.get(firstCell[city] + channel.ordinal()).add(d);
				}
			}
		}
		for (int cell = 0; cell < cellEnd.length; cell++) {
			coverers[cell] = byCell.get(cell).stream().mapToInt(Integer::intValue).toArray();
			covererWeights[cell] = new double[coverers[cell].length];
			double total = 0;
			for (int k = 0; k < coverers[cell].length; k++) {
				Dealer dealer = dealers.get(coverers[cell][k]);
				total += dealer.size() * ((dealer.home() == cellCity[cell]) ? 1 : 0.35);
				covererWeights[cell][k] = total;
			}
		}
	}

	int count() {
		return (cellEnd.length == 0) ? 0 : cellEnd[cellEnd.length - 1];
	}

	Store store(int index) {
		int found = Arrays.binarySearch(cellEnd, index + 1);
		int cell = (found >= 0) ? found : -found - 1;
		while (cell > 0 && cellEnd[cell - 1] > index) {
			cell--;
		}
		SplittableRandom random = new SplittableRandom(Num.mix(seed, index));
		boolean carries = coverers[cell].length > 0 && random.nextDouble() < carryRate[cell];
		int dealer = -1;
		if (carries) {
			double[] weights = covererWeights[cell];
			double point = random.nextDouble(weights[weights.length - 1]);
			int k = 0;
			while (weights[k] <= point && k < weights.length - 1) {
				k++;
			}
			dealer = coverers[cell][k];
		}
		int tier = cities.get(cellCity[cell]).tier();
		double spread = Math.exp(0.6 * random.nextGaussian() - 0.18);
		double sales = cellChannel[cell].categorySales * TIER_FACTOR[tier - 1] * spread;
		return new Store(cell, dealer, carries, sales);
	}

	MarketTable table() {
		return new MarketTable("stores",
				// the demo's stores have no name (optional): approvals show their id and
				// city
				List.of("store", "city", "channel", "dealer", "carries_product", "category_sales", "name"),
				new GeneratedRows(count(), index -> {
					Store store = store(index);
					return List.of(storeId(index), cities.get(cellCity[store.cell()]).id(),
							cellChannel[store.cell()].name(),
							(store.dealer() < 0) ? "" : dealers.get(store.dealer()).id(),
							Boolean.toString(store.carries()), Num.whole(store.categorySales()), "");
				}));
	}

	/** Stores each dealer serves: one pass over all stores, keeping only counts. */
	int[] servedPerDealer() {
		int[] served = new int[dealers.size()];
		for (int i = 0; i < count(); i++) {
			int dealer = store(i).dealer();
			if (dealer >= 0) {
				served[dealer]++;
			}
		}
		return served;
	}

	/**
	 * Headcount per city × channel, in city then channel order: about one rep per 45
	 * stores, one at least from 15; none in a new market (DemoMarket case g), and in
	 * {@link DemoMarket#THIN_TEAM_CITY} only the one supermarket rep (case h).
	 */
	MarketTable headcount(SplittableRandom random) {
		List<List<String>> rows = new ArrayList<>();
		for (int cell = 0; cell < cellEnd.length; cell++) {
			String city = cities.get(cellCity[cell]).id();
			if (cellCity[cell] >= firstNewMarket) {
				// no draw: the other cities' draws stay as they were
				rows.add(List.of(city, cellChannel[cell].name(), "0"));
				continue;
			}
			int stores = cellEnd[cell] - ((cell == 0) ? 0 : cellEnd[cell - 1]);
			long reps = Math.round(stores / 45.0 * random.nextDouble(0.7, 1.3));
			if (city.equals(DemoMarket.THIN_TEAM_CITY)) {
				reps = (cellChannel[cell] == Channel.SUPERMARKET) ? 1 : 0;
			}
			else if (stores >= 15) {
				reps = Math.max(1, reps);
			}
			rows.add(List.of(city, cellChannel[cell].name(), Long.toString(reps)));
		}
		return new MarketTable("headcount", List.of("city", "channel", "headcount"), rows);
	}

	/**
	 * The first {@code limit} stores carrying our product in a city's channel, by store
	 * number.
	 */
	List<Integer> carrying(int city, Channel channel, int limit) {
		List<Integer> found = new ArrayList<>();
		for (int cell = 0; cell < cellEnd.length && found.size() < limit; cell++) {
			if (cellCity[cell] == city && cellChannel[cell] == channel) {
				for (int i = (cell == 0) ? 0 : cellEnd[cell - 1]; i < cellEnd[cell] && found.size() < limit; i++) {
					if (store(i).carries()) {
						found.add(i);
					}
				}
			}
		}
		return found;
	}

	static String storeId(int index) {
		return "S-" + Num.padded(index + 1L, 6);
	}

}
