package io.regionplan.market.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The small tables that are a plain listing of what the generator decided. */
final class Tables {

	private Tables() {
	}

	static MarketTable regions(Geography geography) {
		return new MarketTable("regions", List.of("region", "name_zh", "name_en"),
				geography.regions()
					.stream()
					.map(region -> List.of(region.id(), region.nameZh(), region.nameEn()))
					.toList());
	}

	static MarketTable channels() {
		List<List<String>> rows = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			rows.add(List.of(channel.name(), channel.nameZh, channel.nameEn));
		}
		return new MarketTable("channels", List.of("channel", "name_zh", "name_en"), rows);
	}

	static MarketTable cities(Geography geography) {
		return new MarketTable("cities",
				List.of("city", "region", "name_zh", "name_en", "tier", "population", "market_size", "distance_km"),
				geography.allCities()
					.stream()
					.map(city -> List.of(city.id(), city.region(), city.nameZh(), city.nameEn(),
							Integer.toString(city.tier()), Long.toString(city.population()),
							Long.toString(city.marketSize()), Integer.toString(city.distanceKm())))
					.toList());
	}

	static MarketTable adjacency(Geography geography) {
		return new MarketTable("adjacency", List.of("city", "neighbour"), geography.allAdjacency());
	}

	/**
	 * What each dealer covers; last, the new markets, each signed to
	 * {@link DemoMarket#NEW_MARKET_DEALER} in its channels, with no store served and no
	 * sale yet (DemoMarket case g).
	 */
	static MarketTable coverage(List<Dealer> dealers, Geography geography) {
		List<City> cities = geography.cities();
		List<List<String>> rows = new ArrayList<>();
		for (Dealer dealer : dealers) {
			for (int city : dealer.cities()) {
				for (Channel channel : dealer.channels()) {
					rows.add(List.of(dealer.id(), cities.get(city).id(), channel.name()));
				}
			}
		}
		Dealer signed = dealers.stream()
			.filter(dealer -> dealer.id().equals(DemoMarket.NEW_MARKET_DEALER))
			.findFirst()
			.orElseThrow();
		for (City market : geography.newMarkets()) {
			for (Channel channel : signed.channels()) {
				rows.add(List.of(signed.id(), market.id(), channel.name()));
			}
		}
		return new MarketTable("dealer-coverage", List.of("dealer", "city", "channel"), rows);
	}

	/**
	 * Dealers with their receivables (two to six weeks of sales; far more for a dealer
	 * long overdue) and target stores (what they serve and up to 80% more, so some fall
	 * under the 60% coverage line).
	 */
	static MarketTable dealers(List<Dealer> dealers, double[] sales, int[] served, SplittableRandom random) {
		List<List<String>> rows = new ArrayList<>();
		for (int d = 0; d < dealers.size(); d++) {
			Dealer dealer = dealers.get(d);
			double receivables = sales[d] * ((dealer.overdueDays() > 90) ? 0.30 : random.nextDouble(0.04, 0.12));
			double stretch = dealer.id().equals(DemoMarket.CORE_DEALER) ? 1.1 : random.nextDouble(1.0, 1.8);
			long target = (served[d] == 0) ? random.nextInt(5, 41) : Math.round(served[d] * stretch);
			rows.add(List.of(dealer.id(), dealer.region(), dealer.name(), Num.money(receivables),
					Integer.toString(dealer.overdueDays()), Integer.toString(dealer.incidents()),
					Num.decimal(dealer.compliance(), 1), Long.toString(target)));
		}
		return new MarketTable("dealers", List.of("dealer", "region", "name", "receivables", "overdue_days",
				"cross_region_incidents", "compliance_score", "target_stores"), rows);
	}

	/**
	 * Shelf price per unit; a case holds 12 units, so our 60-120 yuan cases sit in the
	 * mainstream tier.
	 */
	static MarketTable priceTiers() {
		return new MarketTable("price-tiers", List.of("price_tier", "name_zh", "name_en", "min_price", "max_price"),
				List.of(List.of("ECONOMY", "经济", "Economy", "2.00", "4.50"),
						List.of("MAINSTREAM", "大众", "Mainstream", "4.50", "8.00"),
						List.of("PREMIUM", "高端", "Premium", "8.00", "15.00")));
	}

}
