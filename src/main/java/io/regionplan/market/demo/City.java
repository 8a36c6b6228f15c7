package io.regionplan.market.demo;

/**
 * A city as generated, with the share of the category market our sales are meant to
 * reach: the generator sets the share first and splits the resulting sales over the
 * dealers serving the city, so that the city strategies come out as intended.
 */
record City(String id, String region, String nameZh, String nameEn, int tier, long population, long marketSize,
		int distanceKm, double share) {

	City withShare(double share) {
		return new City(id, region, nameZh, nameEn, tier, population, marketSize, distanceKm, share);
	}

}
