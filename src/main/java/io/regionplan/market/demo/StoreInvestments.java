package io.regionplan.market.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Last year's store investments 门店投入 (import kind {@code spend}): in every old market,
 * the first {@link #PER_CITY} hypermarkets carrying our product got display money in
 * March of the last month's year, about 3% of their category sales, and brought back 1.2
 * to 2.5 times that in incremental gross profit, so their ROI is above 1. The one
 * exception (DemoMarket case f) is the first carrying hypermarket of
 * {@link DemoMarket#LOW_ROI_CITY}: {@link #LOW_ROI_SPEND} yuan for
 * {@link #LOW_ROI_PROFIT}, ROI 0.65. Each investment draws from its own random stream, so
 * the rest of the data set is the same with or without them.
 */
final class StoreInvestments {

	static final int PER_CITY = 2;

	static final long LOW_ROI_SPEND = 80_000;

	static final long LOW_ROI_PROFIT = 52_000;

	private StoreInvestments() {
	}

	static MarketTable of(StorePlan stores, Geography geography, YearMonth lastMonth, long seed) {
		String month = YearMonth.of(lastMonth.getYear(), 3).toString();
		List<List<String>> rows = new ArrayList<>();
		for (int c = 0; c < geography.cities().size(); c++) {
			String city = geography.cities().get(c).id();
			List<Integer> invested = stores.carrying(c, Channel.KA, PER_CITY);
			for (int k = 0; k < invested.size(); k++) {
				int store = invested.get(k);
				String id = "SP-" + month + "-" + Num.padded(rows.size() + 1L, 3);
				if (k == 0 && city.equals(DemoMarket.LOW_ROI_CITY)) {
					rows.add(List.of(id, month, city, "", StorePlan.storeId(store), Num.money(LOW_ROI_SPEND),
							Num.money(LOW_ROI_PROFIT)));
					continue;
				}
				SplittableRandom random = new SplittableRandom(Num.mix(seed, store));
				long spend = 1000 * Math.round(stores.store(store).categorySales() * 0.03 / 1000);
				double roi = random.nextDouble(1.2, 2.5);
				rows.add(List.of(id, month, city, "", StorePlan.storeId(store), Num.money(spend),
						Num.money(Math.round(spend * roi))));
			}
		}
		return new MarketTable("spend",
				List.of("spend", "month", "city", "dealer", "store", "amount", "incremental_profit"), rows);
	}

}
