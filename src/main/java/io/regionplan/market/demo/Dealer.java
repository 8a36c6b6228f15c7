package io.regionplan.market.demo;

import java.util.List;

/**
 * A dealer as generated: {@code size} is its relative weight against the other dealers of
 * the cities it serves (skewed, a few big ones), {@code growth} its yearly sales trend.
 * It serves every one of its channels in every one of its cities.
 */
record Dealer(String id, String region, String name, int home, double size, double growth, int overdueDays,
		int incidents, double compliance, List<Integer> cities, List<Channel> channels) {

	Dealer {
		cities = List.copyOf(cities);
		channels = List.copyOf(channels);
	}

}
