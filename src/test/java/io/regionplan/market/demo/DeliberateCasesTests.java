package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.demo.DemoMarket.Size;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deliberate cases of {@link DemoMarket}, computed from the generated rows with the
 * definitions of DOMAIN.md, and checked to be the only ones over each tier-D line, so
 * rule tests can name them.
 */
class DeliberateCasesTests {

	static List<Size> sizes() {
		return MarketFigures.sizes().toList();
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void decliningDealerLostMoreThanThirtyPercentAndIsTheOnlyOneDownMoreThanTwenty(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		Map<String, Double> now = figures.trailingSales("dealer", 0);
		Map<String, Double> before = figures.trailingSales("dealer", 1);

		assertThat(figures.dealer(DemoMarket.DECLINING_DEALER)).containsEntry("region", "east");
		assertThat(figures.growth(DemoMarket.DECLINING_DEALER)).isLessThan(-0.30);
		assertThat(now.keySet().stream().filter(dealer -> now.get(dealer) / before.get(dealer) - 1 < -0.20))
			.containsExactly(DemoMarket.DECLINING_DEALER);
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void overdueDealerIsTheOnlyOneOverNinetyDays(Size size) {
		MarketFigures figures = MarketFigures.of(size);

		assertThat(figures.dealer(DemoMarket.OVERDUE_DEALER)).containsEntry("region", "east")
			.containsEntry("overdue_days", "104");
		assertThat(figures.records("dealers").stream().filter(dealer -> number(dealer, "overdue_days") > 90))
			.extracting(dealer -> dealer.get("dealer"))
			.containsExactly(DemoMarket.OVERDUE_DEALER);
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void crossRegionDealerIsTheOnlyOneWithTwoOrMoreIncidents(Size size) {
		MarketFigures figures = MarketFigures.of(size);

		assertThat(figures.dealer(DemoMarket.CROSS_REGION_DEALER)).containsEntry("region", "south")
			.containsEntry("cross_region_incidents", "3");
		assertThat(figures.records("dealers").stream().filter(dealer -> number(dealer, "cross_region_incidents") >= 2))
			.extracting(dealer -> dealer.get("dealer"))
			.containsExactly(DemoMarket.CROSS_REGION_DEALER);
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void nantongIsLowShareHighPotentialBetweenTwoBaseCamps(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		Map<String, Double> markets = figures.marketSizes("east");
		Map<String, Double> shares = figures.shares("east");
		double medianMarket = MarketFigures.median(markets.values());
		double medianShare = MarketFigures.median(shares.values());
		String city = DemoMarket.THREE_POINTS_CITY;

		assertThat(markets.get(city)).isGreaterThan(medianMarket);
		assertThat(shares.get(city)).isLessThan(medianShare * 0.5);
		assertThat(DemoMarket.THREE_POINTS_BASE_CAMPS).hasSize(2).allSatisfy(baseCamp -> {
			assertThat(markets.get(baseCamp)).as(baseCamp).isGreaterThan(medianMarket);
			assertThat(shares.get(baseCamp)).as(baseCamp).isGreaterThan(medianShare * 1.2);
			assertThat(figures.records("adjacency")).as(baseCamp)
				.anyMatch(pair -> Set.of(pair.get("city"), pair.get("neighbour")).equals(Set.of(city, baseCamp)));
		});
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void coreDealerIsTheBiggestOfEastGrowingWithNothingOverdue(Size size) {
		MarketFigures figures = MarketFigures.of(size);
		Map<String, Double> sales = figures.trailingSales("dealer", 0);

		assertThat(figures.dealersOf("east")
			.stream()
			.map(dealer -> dealer.get("dealer"))
			.max(Comparator.comparing(sales::get))).contains(DemoMarket.CORE_DEALER);
		assertThat(figures.growth(DemoMarket.CORE_DEALER)).isGreaterThanOrEqualTo(0.0);
		assertThat(figures.dealer(DemoMarket.CORE_DEALER)).containsEntry("overdue_days", "0")
			.containsEntry("cross_region_incidents", "0");
	}

	private static int number(Map<String, String> row, String column) {
		return Integer.parseInt(row.get(column));
	}

}
