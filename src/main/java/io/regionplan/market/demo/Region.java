package io.regionplan.market.demo;

/**
 * A region; {@code dealerCode} is the middle part of its dealers' ids ({@code E} in
 * {@code D-E-001}).
 */
record Region(String id, String nameZh, String nameEn, String dealerCode) {

	/**
	 * Regions beyond the two real ones, for national-scale data: {@code r03} 区域3 / Region
	 * 3.
	 */
	static Region synthetic(int number) {
		String code = Num.padded(number, 2);
		return new Region("r" + code, "区域" + number, "Region " + number, "R" + code);
	}

}
