package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.util.List;

/**
 * A city as the {@code city-strategy} rules see it.
 *
 * @param share our trailing-12-month sales ÷ the category market size; {@code null} when
 * the market size is 0 (treated as low share)
 * @param marketSize the category's yearly sales in the city (its potential), yuan
 * @param neighbours the ids of adjacent cities
 * @param monthsWithSales months with sales in the last 12; a city with fewer is a new
 * market
 * @param sevenCScore the sum of the seven 1-5 scores of the 7C model for a new market, or
 * {@code null}
 */
public record City(String cityId, String regionId, String name, BigDecimal share, BigDecimal marketSize,
		BigDecimal distanceKm, List<String> neighbours, int monthsWithSales, Integer sevenCScore) implements Subject {

	public City {
		neighbours = List.copyOf(neighbours);
	}

	/** Whether another city is adjacent to this one. */
	public boolean isNeighbour(String cityId) {
		return neighbours.contains(cityId);
	}

	@Override
	public String subjectType() {
		return "city";
	}

	@Override
	public String subjectId() {
		return cityId;
	}

	public String sharePercent() {
		return Percent.of(share);
	}

	/** For rules: a city without a share counts as low share. */
	public boolean shareBelow(BigDecimal median) {
		return share == null || share.compareTo(median) < 0;
	}

}
