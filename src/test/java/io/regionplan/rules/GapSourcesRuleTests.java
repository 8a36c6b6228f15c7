package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.fact.GapSourceCity;
import io.regionplan.rules.fact.GapSourceRegion;
import io.regionplan.rules.fact.GapStoreChannel;
import io.regionplan.rules.fact.SourceBound;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The realism bounds of the gap-closing sources (DOMAIN.md, second set, Gap), each at its
 * edge and one case either side, with the parameters of {@code rules/gap-sources}:
 * monthsActive 6, new SKUs 5% and price/promotion 3% of the region's forecast.
 */
class GapSourcesRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("gap-sources");
	}

	private static BigDecimal d(long value) {
		return BigDecimal.valueOf(value);
	}

	/**
	 * 杭州: KA 50 stores, 30 carry, 3,600 cases a year → 3,600 ÷ 30 ÷ 12 = 10 a store a
	 * month × 20 unserved = 200; traditional 100 stores, 40 carry, 2,400 → 5 × 60 = 300;
	 * e-commerce 10 stores, none carries: no average, adds nothing. 500 a month × 6 =
	 * 3,000. Dealers 1,000 / 3,000 / 2,000 / 8,000: median (2,000 + 3,000) ÷ 2 = 2,500 ×
	 * 6 ÷ 12 = 1,250.
	 */
	private static GapSourceCity hangzhou(long newDealers, long newStores) {
		return new GapSourceCity("hangzhou", "杭州", d(newDealers), d(newStores), d(0), d(0),
				List.of(new GapStoreChannel("KA", 50, 30, d(3600)),
						new GapStoreChannel("TRADITIONAL", 100, 40, d(2400)),
						new GapStoreChannel("ECOMMERCE", 10, 0, d(0))),
				List.of(d(1000), d(3000), d(2000), d(8000)));
	}

	private static List<SourceBound> bounds(Object... facts) {
		return RuleSets.run(rules, List.of(facts)).factsOf(SourceBound.class);
	}

	@ParameterizedTest(name = "new stores {0} against 3,000 -> past {1}")
	@CsvSource({ "2999, false", "3000, false", "3001, true" })
	void newStoresAtTheEdge(long newStores, boolean past) {
		assertThat(bounds(hangzhou(0, newStores))).filteredOn(bound -> bound.source().equals("newStoresVolume"))
			.extracting(SourceBound::bound, SourceBound::pastBound)
			.containsExactly(tuple(d(3000), past));
	}

	@ParameterizedTest(name = "new dealers {0} against 1,250 -> past {1}")
	@CsvSource({ "1249, false", "1250, false", "1251, true" })
	void newDealersAtTheEdge(long newDealers, boolean past) {
		assertThat(bounds(hangzhou(newDealers, 0))).filteredOn(bound -> bound.source().equals("newDealersVolume"))
			.extracting(SourceBound::bound, SourceBound::pastBound)
			.containsExactly(tuple(d(1250), past));
	}

	/**
	 * Bounds in whole cases, rounded down: KA 7 stores, 3 carry, 100 cases → 100 ÷ 3 ÷ 12
	 * × 4 unserved = 11.11 a month × 6 = 66.67 → 66; dealers 1,000 / 2,001 / 5,000:
	 * median 2,001 × 6 ÷ 12 = 1,000.5 → 1,000.
	 */
	@ParameterizedTest(name = "new stores {0}, new dealers {1} -> past {2}, {3}")
	@CsvSource({ "66, 1000, false, false", "67, 1001, true, true" })
	void boundsRoundDown(long newStores, long newDealers, boolean storesPast, boolean dealersPast) {
		GapSourceCity city = new GapSourceCity("suzhou", "苏州", d(newDealers), d(newStores), d(0), d(0),
				List.of(new GapStoreChannel("KA", 7, 3, d(100))), List.of(d(5000), d(1000), d(2001)));

		assertThat(bounds(city)).extracting(SourceBound::source, SourceBound::bound, SourceBound::pastBound)
			.containsExactlyInAnyOrder(tuple("newStoresVolume", d(66), storesPast),
					tuple("newDealersVolume", d(1000), dealersPast));
	}

	/**
	 * Rounded down once, on the exact sum: three channels of 4,000 cases a year, 3,000
	 * stores carrying and 1,000 not, each 4,000 ÷ 3,000 ÷ 12 × 1,000 = 111⅑ a month, 333⅓
	 * for the three × 6 = 2,000 exactly (rounding each channel first gave 1,999).
	 */
	@ParameterizedTest(name = "new stores {0} against 2,000 -> past {1}")
	@CsvSource({ "2000, false", "2001, true" })
	void theNewStoresBoundIsRoundedDownOnceOnTheExactSum(long newStores, boolean past) {
		GapSourceCity city = new GapSourceCity("jiaxing", "嘉兴", d(0), d(newStores), d(0), d(0),
				List.of(new GapStoreChannel("KA", 4000, 3000, d(4000)),
						new GapStoreChannel("SUPERMARKET", 4000, 3000, d(4000)),
						new GapStoreChannel("CONVENIENCE", 4000, 3000, d(4000))),
				List.of(d(1000)));

		assertThat(bounds(city)).filteredOn(bound -> bound.source().equals("newStoresVolume"))
			.extracting(SourceBound::bound, SourceBound::pastBound)
			.containsExactly(tuple(d(2000), past));
	}

	/** A city without dealers or carrying stores has nothing to compare with: bound 0. */
	@Test
	void aCityWithoutDealersOrCarryingStoresHasABoundOfZero() {
		GapSourceCity city = new GapSourceCity("nantong", "南通", d(1), d(0), d(0), d(0),
				List.of(new GapStoreChannel("KA", 40, 0, d(0))), List.of());

		assertThat(bounds(city)).extracting(SourceBound::source, SourceBound::bound, SourceBound::pastBound)
			.containsExactlyInAnyOrder(tuple("newStoresVolume", d(0), false), tuple("newDealersVolume", d(0), true));
	}

	/**
	 * Forecast 400,000: new SKUs ≤ 400,000 × 5% = 20,000, price/promotion ≤ × 3% =
	 * 12,000.
	 */
	@ParameterizedTest(name = "new SKUs {0}, price {1} -> past {2}, {3}")
	@CsvSource({ "19999, 11999, false, false", "20000, 12000, false, false", "20001, 12001, true, true" })
	void regionSharesOfTheForecastAtTheEdge(long skus, long price, boolean skusPast, boolean pricePast) {
		assertThat(bounds(new GapSourceRegion("east", d(400_000), d(skus), d(price))))
			.extracting(SourceBound::source, SourceBound::bound, SourceBound::pastBound)
			.containsExactlyInAnyOrder(tuple("newSkusVolume", d(20_000), skusPast),
					tuple("pricePromotionVolume", d(12_000), pricePast));
	}

	/** 123,457 × 5% = 6,172.85 → 6,172; × 3% = 3,703.71 → 3,703. */
	@Test
	void regionBoundsRoundDown() {
		assertThat(bounds(new GapSourceRegion("east", d(123_457), d(6_173), d(3_703))))
			.extracting(SourceBound::source, SourceBound::bound, SourceBound::pastBound)
			.containsExactlyInAnyOrder(tuple("newSkusVolume", d(6_172), true),
					tuple("pricePromotionVolume", d(3_703), false));
	}

	/** One rule per city and source, the reason naming the numbers it compared. */
	@Test
	void eachSourceHasItsRuleAndReason() {
		RuleRun run = RuleSets.run(rules, List.of(hangzhou(1_251, 3_000)));

		assertThat(run.firedRules()).containsExactlyInAnyOrder("NewStores_WithinBound", "NewDealers_PastBound");
		assertThat(run.factsOf(SourceBound.class)).extracting(SourceBound::reasonZh)
			.containsExactlyInAnyOrder("杭州 新门店/铺货 3,000 箱 ≤ 上限 3,000 箱 = 未铺货门店 80 家的月销量 500.00 箱 × 6 个月",
					"杭州 新经销商 1,251 箱 > 上限 1,250 箱 = 经销商销量中位数 2,500 箱（4 家）× 6 ÷ 12 个月，需要总监审批");
		assertThat(run.factsOf(SourceBound.class)).extracting(SourceBound::reasonEn)
			.contains("new dealers 1,251 cases > bound 1,250 = the median dealer volume 2,500 (4 dealers) x 6 / 12 "
					+ "months: the director decides");
	}

}
