package io.regionplan.market.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monthly sell-in per dealer × city × channel. A city's trailing-12-month sales are set
 * first (its intended share × market size) and split over the dealers serving it by their
 * size and the channel's weight; each line then runs back in time along its dealer's
 * trend, with the Spring Festival peak and some noise per month.
 */
final class SalesPlan {

	/**
	 * Seasonality by calendar month: pre-Spring-Festival stocking in January and
	 * February, a small Mid-Autumn lift.
	 */
	private static final double[] SEASON = normalised(1.42, 1.30, 0.88, 0.90, 0.94, 0.90, 0.86, 0.88, 0.98, 0.98, 0.90,
			1.08);

	/** One line: its trailing-12-month amount, yearly growth and price per case. */
	record Line(int dealer, int city, Channel channel, double annual, double growth, double casePrice) {
	}

	private final List<Dealer> dealers;

	private final List<City> cities;

	private final List<Line> lines;

	private final int months;

	private final YearMonth firstMonth;

	private final long seed;

	private SalesPlan(List<Dealer> dealers, List<City> cities, List<Line> lines, DemoMarket.Size size, long seed) {
		this.dealers = dealers;
		this.cities = cities;
		this.lines = lines;
		this.months = size.months();
		this.firstMonth = size.lastMonth().minusMonths(size.months() - 1L);
		this.seed = seed;
	}

	static SalesPlan of(List<Dealer> dealers, List<City> cities, DemoMarket.Size size, SplittableRandom random) {
		double[] cityWeight = new double[cities.size()];
		// drafts carry the line's weight in place of its amount until the city totals are
		// known
		List<Line> drafts = new ArrayList<>();
		for (int d = 0; d < dealers.size(); d++) {
			Dealer dealer = dealers.get(d);
			for (int city : dealer.cities()) {
				for (Channel channel : dealer.channels()) {
					double weight = dealer.size() * channel.salesWeight * ((city == dealer.home()) ? 1 : 0.35)
							* random.nextDouble(0.8, 1.2);
					cityWeight[city] += weight;
					drafts.add(new Line(d, city, channel, weight, dealer.growth(),
							channel.casePrice * random.nextDouble(0.92, 1.08)));
				}
			}
		}
		List<Line> lines = drafts.stream().map(line -> {
			City city = cities.get(line.city());
			double annual = city.marketSize() * city.share() * line.annual() / cityWeight[line.city()];
			return new Line(line.dealer(), line.city(), line.channel(), annual, line.growth(), line.casePrice());
		}).toList();
		return new SalesPlan(dealers, cities, lines, size, random.nextLong());
	}

	MarketTable table() {
		return new MarketTable("sales", List.of("dealer", "city", "channel", "month", "amount", "volume"),
				new GeneratedRows(lines.size() * months, this::row));
	}

	private List<String> row(int index) {
		Line line = lines.get(index / months);
		int age = index % months;
		YearMonth month = firstMonth.plusMonths(age);
		// centred on the middle of the last 12 months, so their sum is the line's annual
		// amount
		double trend = Math.pow(1 + line.growth(), (age - (months - 6.5)) / 12.0);
		double noise = new SplittableRandom(Num.mix(seed, index)).nextDouble(0.95, 1.05);
		double amount = line.annual() / 12 * SEASON[month.getMonthValue() - 1] * trend * noise;
		return List.of(dealers.get(line.dealer()).id(), cities.get(line.city()).id(), line.channel().name(),
				month.toString(), Num.money(amount), Num.whole(amount / line.casePrice()));
	}

	/** Each dealer's intended trailing-12-month sales, for its receivables. */
	double[] dealerSales() {
		double[] sales = new double[dealers.size()];
		lines.forEach(line -> sales[line.dealer()] += line.annual());
		return sales;
	}

	/**
	 * HQ volume targets per city for the year of the last month and the next: the
	 * forecast (trailing volume, for next year grown by the city's dealers' trend) plus
	 * the 5-25% stretch HQ usually asks.
	 */
	MarketTable targets(YearMonth lastMonth, SplittableRandom random) {
		double[] volume = new double[cities.size()];
		double[] grown = new double[cities.size()];
		lines.forEach(line -> {
			volume[line.city()] += line.annual() / line.casePrice();
			grown[line.city()] += line.annual() / line.casePrice() * (1 + line.growth());
		});
		List<List<String>> rows = new ArrayList<>();
		for (int c = 0; c < cities.size(); c++) {
			String city = cities.get(c).id();
			String year = Integer.toString(lastMonth.getYear());
			String nextYear = Integer.toString(lastMonth.getYear() + 1);
			rows.add(List.of(city, year, Num.whole(volume[c] * random.nextDouble(1.05, 1.25))));
			rows.add(List.of(city, nextYear, Num.whole(grown[c] * random.nextDouble(1.05, 1.25))));
		}
		return new MarketTable("targets", List.of("city", "period", "volume"), rows);
	}

	private static double[] normalised(double... factors) {
		double mean = Arrays.stream(factors).average().orElseThrow();
		return Arrays.stream(factors).map(factor -> factor / mean).toArray();
	}

}
