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

	/**
	 * Whether the share lies within {@code band} (a fraction: 0.10 is 10%) of the median,
	 * relative to the median: |share − median| ≤ band × median. No share, or a median of
	 * 0, is never close.
	 */
	public boolean shareNear(BigDecimal median, BigDecimal band) {
		return near(share, median, band);
	}

	/** As {@link #shareNear}, for the market size. */
	public boolean marketSizeNear(BigDecimal median, BigDecimal band) {
		return near(marketSize, median, band);
	}

	/** |share − median| ÷ median as a percentage for reasons: "3.5%". */
	public String shareDistance(BigDecimal median) {
		return distance(share, median);
	}

	/** |market size − median| ÷ median as a percentage for reasons. */
	public String marketSizeDistance(BigDecimal median) {
		return distance(marketSize, median);
	}

	private static boolean near(BigDecimal value, BigDecimal median, BigDecimal band) {
		return value != null && median != null && median.signum() > 0
				&& value.subtract(median).abs().compareTo(band.multiply(median)) <= 0;
	}

	private static String distance(BigDecimal value, BigDecimal median) {
		return value == null || median == null || median.signum() <= 0 ? "—"
				: Percent.of(value.subtract(median).abs().divide(median, java.math.MathContext.DECIMAL64));
	}

}
