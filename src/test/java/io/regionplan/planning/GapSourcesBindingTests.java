package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.market.DealerCityVolumes;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.MarketNames;
import io.regionplan.market.StoreVolumes;
import io.regionplan.market.StoreVolumes.ChannelStores;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.FakeExecution;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.GapSourceCity;
import io.regionplan.rules.fact.GapSourceRegion;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gap-sources seam without an engine: the manager's rows and the market's stores and
 * dealers in; the totals, the split by city, whether a source is past its bound and what
 * the director reads out. By hand from rules/gap-sources/parameters.properties
 * (monthsActive 6, new SKUs 5%, price/promotion 3% of the forecast).
 */
class GapSourcesBindingTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	static CompiledRuleSet rules;

	private final StoreVolumes stores = mock(StoreVolumes.class);

	private final DealerCityVolumes dealers = mock(DealerCityVolumes.class);

	private final MarketNames names = mock(MarketNames.class);

	private final GapSourcesBinding binding = new GapSourcesBinding(mock(MarketMetrics.class), stores, dealers, names,
			new ObjectMapper());

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("gap-sources");
	}

	private static BigDecimal d(long value) {
		return BigDecimal.valueOf(value);
	}

	/**
	 * 杭州: KA 3,600 ÷ 30 ÷ 12 = 10 × 20 unserved + traditional 2,400 ÷ 40 ÷ 12 = 5 × 60 =
	 * 500 a month × 6 = 3,000 new stores; dealers 1,000 / 3,000 / 2,000 / 8,000, median
	 * 2,500 × 6 ÷ 12 = 1,250. 苏州: KA 100 ÷ 3 ÷ 12 × 4 = 11.11 × 6 = 66.67 → 66; dealers
	 * 5,000 / 1,000 / 2,001 (one with no volume left out), median 2,001 × 6 ÷ 12 =
	 * 1,000.5 → 1,000. Region forecast 400,000: new SKUs ≤ 20,000, price/promotion ≤
	 * 12,000.
	 */
	private FakeExecution cycle(String rows) {
		when(names.citiesZh("east")).thenReturn(Map.of("hangzhou", "杭州", "suzhou", "苏州", "ningbo", "宁波"));
		when(stores.of("east", PERIOD)).thenReturn(List.of(new ChannelStores("hangzhou", "KA", 50, 30, d(3600)),
				new ChannelStores("hangzhou", "TRADITIONAL", 100, 40, d(2400)),
				new ChannelStores("hangzhou", "ECOMMERCE", 10, 0, d(0)),
				new ChannelStores("suzhou", "KA", 7, 3, d(100))));
		when(dealers.of("east", PERIOD.minusMonths(11), PERIOD))
			.thenReturn(Map.of("hangzhou", Map.of("d1", d(1000), "d2", d(3000), "d3", d(2000), "d4", d(8000)), "suzhou",
					Map.of("d5", d(5000), "d6", d(1000), "d7", d(2001), "d8", d(0))));
		return new FakeExecution("cycle-1").with("region", "east")
			.with("period", PERIOD.toString())
			.with("forecastVolume", 400_000L)
			.with("gapSources", rows);
	}

	private static final String ROWS = "[{\"city\": \"hangzhou\", \"newDealers\": 1251, \"newStores\": 3000, "
			+ "\"newSkus\": 500, \"pricePromotion\": 0}, {\"city\": \"suzhou\", \"newDealers\": 0, \"newStores\": 66, "
			+ "\"newSkus\": 19500, \"pricePromotion\": 12000}]";

	@Test
	void theRowsAreAddedUpSplitByCityAndEachSourceCheckedAgainstItsBound() {
		FakeExecution execution = cycle(ROWS);

		RuleRun run = execution.evaluate(rules, binding);

		assertThat(run.factsOf(GapSourceCity.class)).hasSize(2);
		assertThat(run.factsOf(GapSourceRegion.class)).singleElement()
			.isEqualTo(new GapSourceRegion("east", d(400_000), d(20_000), d(12_000)));
		Map<String, Object> written = execution.written();
		assertThat(written).containsEntry("newDealersVolume", 1_251L)
			.containsEntry("newStoresVolume", 3_066L)
			.containsEntry("newSkusVolume", 20_000L)
			.containsEntry("pricePromotionVolume", 12_000L)
			.containsEntry("gapSourcesPastBound", true);
		assertThat(((SerializableValue) written.get("gapSourcesByCity")).getValueSerialized())
			.isEqualTo("{\"hangzhou\":{\"newDealersVolume\":1251,\"newStoresVolume\":3000,\"newSkusVolume\":500,"
					+ "\"pricePromotionVolume\":0},\"suzhou\":{\"newDealersVolume\":0,\"newStoresVolume\":66,"
					+ "\"newSkusVolume\":19500,\"pricePromotionVolume\":12000}}");
		assertThat(((String) written.get("gapSourcesSummary")).lines()).containsExactly(
				"超出上限、须总监审批 / past the bound, the director decides: 杭州 新经销商 1,251 > 1,250",
				"合计 / total（箱 / cases）：新经销商 1,251 · 新门店/铺货 3,066 · 新品 20,000 · 价格/促销 12,000 = 36,317",
				"杭州：新经销商 1,251（上限 1,250，超出 / past the bound） · 新门店/铺货 3,000（上限 3,000） · 新品 500 · 价格/促销 0",
				"苏州：新经销商 0（上限 1,000） · 新门店/铺货 66（上限 66） · 新品 19,500 · 价格/促销 12,000",
				"全区新品 20,000 箱 ≤ 上限 20,000 箱 = 预测 400,000 × 5% / the region's new SKUs 20,000 cases <= bound "
						+ "20,000 = forecast 400,000 x 5%",
				"全区价格/促销 12,000 箱 ≤ 上限 12,000 箱 = 预测 400,000 × 3% / the region's price and promotion 12,000 "
						+ "cases <= bound 12,000 = forecast 400,000 x 3%");
	}

	@Test
	void everySourceWithinItsBoundLetsThePlanSuffice() {
		FakeExecution execution = cycle(ROWS.replace("1251", "1250"));

		execution.evaluate(rules, binding);

		assertThat(execution.written()).containsEntry("gapSourcesPastBound", false);
		assertThat((String) execution.written().get("gapSourcesSummary"))
			.startsWith("所有来源都在上限内 / every source is within its bound\n");
	}

	/**
	 * A gap-closing form before the list typed the four totals: they stay as typed and
	 * only the region's bounds apply (20,001 new SKUs > 20,000).
	 */
	@Test
	void aFormBeforeTheListIsCheckedOnTheRegionsBoundsOnly() {
		FakeExecution execution = cycle(null).with("newDealersVolume", 900_000L)
			.with("newSkusVolume", 20_001L)
			.with("pricePromotionVolume", 0L);

		RuleRun run = execution.evaluate(rules, binding);

		assertThat(run.factsOf(GapSourceCity.class)).isEmpty();
		assertThat(execution.written()).containsOnlyKeys("gapSourcesPastBound", "gapSourcesSummary")
			.containsEntry("gapSourcesPastBound", true);
		assertThat((String) execution.written().get("gapSourcesSummary")).contains("新经销商 900,000 · 新门店/铺货 0");
	}

	@Test
	void aCityOutsideTheRegionStopsTheTask() {
		FakeExecution execution = cycle(ROWS.replace("suzhou", "beijing"));

		assertThatThrownBy(() -> binding.facts(execution.execution())).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'beijing', not in region east");
	}

}
