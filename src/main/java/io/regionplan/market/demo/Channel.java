package io.regionplan.market.demo;

/**
 * The six channels, with the figures that make them differ the way they do in the trade:
 * many small traditional shops and few hypermarkets, big category sales per KA store,
 * higher case prices in catering, low distribution in catering and convenience.
 */
enum Channel {

	// store mix in % (tier-1 city, tier-5 city), carry rate, category sales per store and
	// year in yuan,
	// weight when a dealer picks its channels, weight in a city's sales, price per case
	// in yuan
	KA("大卖场", "Hypermarket (KA)", 3, 1.5, 0.92, 2_400_000, 1.0, 1.6, 72),
	SUPERMARKET("超市", "Supermarket", 12, 10, 0.82, 600_000, 2.5, 1.3, 78),
	CONVENIENCE("便利店", "Convenience store", 25, 10, 0.62, 60_000, 2.0, 0.6, 96),
	TRADITIONAL("传统渠道", "Traditional trade / grocery", 33, 55, 0.58, 45_000, 3.0, 1.0, 84),
	CATERING("餐饮", "Catering", 20, 20, 0.45, 80_000, 1.5, 0.7, 110),
	ECOMMERCE("电商/O2O", "E-commerce / O2O", 7, 3.5, 0.70, 150_000, 1.0, 0.8, 66);

	final String nameZh;

	final String nameEn;

	private final double mixTier1;

	private final double mixTier5;

	final double carryRate;

	final double categorySales;

	final double dealerWeight;

	final double salesWeight;

	final double casePrice;

	Channel(String nameZh, String nameEn, double mixTier1, double mixTier5, double carryRate, double categorySales,
			double dealerWeight, double salesWeight, double casePrice) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.mixTier1 = mixTier1;
		this.mixTier5 = mixTier5;
		this.carryRate = carryRate;
		this.categorySales = categorySales;
		this.dealerWeight = dealerWeight;
		this.salesWeight = salesWeight;
		this.casePrice = casePrice;
	}

	/**
	 * The channel's weight among a city's stores: big cities have more convenience stores
	 * and KA.
	 */
	double storeMix(int tier) {
		return mixTier1 + (mixTier5 - mixTier1) * (tier - 1) / 4.0;
	}

}
