package io.regionplan.market.demo;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic demo market: East China and South China with twelve real cities each,
 * their dealers, stores, two years of monthly sales, competitors, price tiers, headcount
 * and HQ targets, in the import format of docs/data-formats.md. The same size and seed
 * give the same bytes, so demos, rule tests and benchmarks can rely on it.
 * <p>
 * Deliberate cases, which hold for every seed (with at least 24 months) and which rule
 * tests rely on:
 * <ol type="a">
 * <li>{@link #DECLINING_DEALER} (east, Hangzhou): trailing-12-month sales about 45% below
 * the 12 months before, so tier D by decline.</li>
 * <li>{@link #OVERDUE_DEALER} (east, Ningbo): overdue_days 104, the only dealer over 90
 * days, so tier D by receivables.</li>
 * <li>{@link #CROSS_REGION_DEALER} (south, Dongguan): cross_region_incidents 3, the only
 * dealer with 2 or more, so tier D by cross-region selling.</li>
 * <li>{@link #THREE_POINTS_CITY} Nantong (east): market size above the region's median,
 * share (trailing sales ÷ market size) far below it, bordering Shanghai and Suzhou, which
 * are both above the median in share and market size (BASE_CAMP), so
 * THREE_POINTS_ATTACK_ONE.</li>
 * <li>{@link #CORE_DEALER} (east, Shanghai and Suzhou): the region's biggest dealer by
 * far, growing about 12%, nothing overdue, no incident, so tier A.</li>
 * <li>{@link #LOW_ROI_CITY} Nanjing (east): of last year's store investments (kind
 * {@code spend}, in March; the first two hypermarkets carrying our product in every old
 * market), its first is the only one with ROI (incremental gross profit ÷ spend) below 1:
 * 80,000 yuan for 52,000, ROI 0.65; every other's ROI is 1.2 to 2.5.</li>
 * <li>{@link #NEW_MARKET_CITY} Zhenjiang (east, 260 km, bordering Changzhou and Nanjing):
 * a new market, with stores (as many per inhabitant as in the rest of east) but no sale
 * and no rep yet. {@link #NEW_MARKET_DEALER} has signed on for it (dealer coverage) and
 * is its only dealer, serving none of its stores yet.</li>
 * <li>{@link #THIN_TEAM_CITY} Nantong (east): one rep, where its coverage targets need
 * more; every other old market has about one rep per 45 stores, far more than its
 * coverage targets need.</li>
 * <li>Borderline: east's market sizes are fixed, and of its twelve real cities Wuxi (1.15
 * bn) and Nantong (1.30 bn) lie 6.1% from their median (1.225 bn), within the 10% band of
 * city-strategy, so the strategy review always has borderline cities to confirm.</li>
 * </ol>
 * Every other dealer's trend is between −10% and +25% a year (so never below −20% after
 * noise), it is at most 80 days overdue and has at most one incident. Wenzhou (east, 460
 * km), Shantou and Zhanjiang (south) lie beyond 300 km. The new market's rows (its city,
 * borders, stores, competitors, headcount and coverage) come last in their tables and
 * draw from a random stream of their own, as do the store investments: every other row is
 * as it was before cases f to h were added.
 */
public final class DemoMarket {

	public static final String DECLINING_DEALER = "D-E-002";

	public static final String OVERDUE_DEALER = "D-E-003";

	public static final String CROSS_REGION_DEALER = "D-S-001";

	public static final String THREE_POINTS_CITY = "nantong";

	/** The two strongholds that border {@link #THREE_POINTS_CITY}. */
	public static final List<String> THREE_POINTS_BASE_CAMPS = List.of("shanghai", "suzhou");

	public static final String CORE_DEALER = "D-E-001";

	public static final String LOW_ROI_CITY = "nanjing";

	public static final String NEW_MARKET_CITY = "zhenjiang";

	/** The only dealer of {@link #NEW_MARKET_CITY}. */
	public static final String NEW_MARKET_DEALER = CORE_DEALER;

	/** The city whose team is too small for its coverage targets. */
	public static final String THIN_TEAM_CITY = THREE_POINTS_CITY;

	public static final long DEFAULT_SEED = 20270101L;

	private DemoMarket() {
	}

	/**
	 * How much to generate. Dealers and stores are totals over all regions, split evenly.
	 * The first two regions are always east and south with their twelve real cities,
	 * which the deliberate cases need.
	 *
	 * @param citiesPerRegion cities in each region, at least 12; beyond the real ones
	 * they are synthetic
	 * @param dealers dealers in all regions; each region needs at least
	 * {@code citiesPerRegion + 3}
	 * @param stores stores in all regions
	 * @param months months of sales, ending with {@code lastMonth}
	 * @param lastMonth the last month with sales
	 * @param regions number of regions, at least 2; beyond east and south they are
	 * synthetic (r03 …)
	 */
	public record Size(int citiesPerRegion, int dealers, int stores, int months, YearMonth lastMonth, int regions) {

		public static final Size DEMO = new Size(12, 300, 6000, 24, YearMonth.of(2026, 10));

		/** The national scale of the benchmarks: 25 regions of 12 cities. */
		public static final Size NATIONAL = ofTotalCities(300, 5000, 1_000_000, 24, YearMonth.of(2026, 10));

		public Size {
			if (regions < 2 || citiesPerRegion < 12) {
				throw new IllegalArgumentException("至少 2 个区域、每区 12 个城市 / at least 2 regions of 12 cities, got "
						+ regions + " of " + citiesPerRegion);
			}
			if (dealers < regions * (citiesPerRegion + 3L) || stores < 0 || months < 1 || lastMonth == null) {
				throw new IllegalArgumentException("规模无效 / invalid size: at least " + regions * (citiesPerRegion + 3L)
						+ " dealers, stores >= 0, months >= 1; got " + dealers + ", " + stores + ", " + months);
			}
		}

		/** Two regions. */
		public Size(int citiesPerRegion, int dealers, int stores, int months, YearMonth lastMonth) {
			this(citiesPerRegion, dealers, stores, months, lastMonth, 2);
		}

		/**
		 * About {@code cities} cities in regions of about 12 (at least two regions): 300
		 * gives 25 regions of 12, 30 gives 2 of 15. The total is rounded up to fill every
		 * region equally.
		 */
		public static Size ofTotalCities(int cities, int dealers, int stores, int months, YearMonth lastMonth) {
			int regions = Math.max(2, cities / 12);
			return new Size(-Math.floorDiv(-cities, regions), dealers, stores, months, lastMonth, regions);
		}

		public int cities() {
			return citiesPerRegion * regions;
		}

	}

	public static MarketDataset generate(Size size, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Geography geography = Geography.of(size, random);
		List<Dealer> dealers = DealerNetwork.of(geography, size, random);
		SalesPlan sales = SalesPlan.of(dealers, geography.cities(), size, random);
		StorePlan stores = StorePlan.of(geography, dealers, size, random);
		MarketTable dealerTable = Tables.dealers(dealers, sales.dealerSales(), stores.servedPerDealer(), random);
		MarketTable competitors = Competitors.of(geography.cities(), random)
			.plus(Competitors.of(geography.newMarkets(), new SplittableRandom(Num.mix(seed, -1))));
		return new MarketDataset(List.of(Tables.regions(geography), Tables.channels(), Tables.cities(geography),
				Tables.adjacency(geography), dealerTable, Tables.coverage(dealers, geography), stores.table(),
				sales.table(), competitors, Tables.priceTiers(), stores.headcount(random),
				sales.targets(size.lastMonth(), random),
				StoreInvestments.of(stores, geography, size.lastMonth(), seed)));
	}

}
