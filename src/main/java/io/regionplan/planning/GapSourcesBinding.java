package io.regionplan.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.engine.JsonVariables;
import io.regionplan.market.DealerCityVolumes;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.MarketNames;
import io.regionplan.market.StoreVolumes;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.GapSourceCity;
import io.regionplan.rules.fact.GapSourceRegion;
import io.regionplan.rules.fact.GapStoreChannel;
import io.regionplan.rules.fact.SourceBound;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code gap-sources} after the gap-closing plan: each city's sources as the manager
 * split them ({@link GapSourceRows}) with its channels' stores and its dealers' volumes
 * of the last 12 months, and the region's new SKUs and price/promotion against its
 * forecast. The server adds the rows up into the four totals and the split by city that
 * the plan split reads, says whether a source is past its bound (the director then
 * decides, whatever the band) and writes what the director's form shows.
 */
@Component
class GapSourcesBinding implements RuleSetBinding {

	/** Whether a source is past its bound: the director decides. */
	static final String PAST_BOUND = "gapSourcesPastBound";

	static final String SUMMARY = "gapSourcesSummary";

	private final MarketMetrics metrics;

	private final StoreVolumes stores;

	private final DealerCityVolumes dealers;

	private final MarketNames names;

	private final ObjectMapper json;

	GapSourcesBinding(MarketMetrics metrics, StoreVolumes stores, DealerCityVolumes dealers, MarketNames names,
			ObjectMapper json) {
		this.metrics = metrics;
		this.stores = stores;
		this.dealers = dealers;
		this.names = names;
		this.json = json;
	}

	@Override
	public String ruleSet() {
		return "gap-sources";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		List<GapSourceRows.Row> rows = GapSourceRows.read(json, execution);
		List<Object> facts = new ArrayList<>();
		Map<String, BigDecimal> totals = GapSourceRows.totals(execution, rows);
		// a form before the split by city typed region totals: only the region's bounds
		// apply
		if (rows != null) {
			YearMonth period = CycleContext.period(execution, metrics);
			Map<String, String> cityNames = names.citiesZh(region);
			Map<String, List<GapStoreChannel>> channels = new TreeMap<>();
			stores.of(region, period)
				.forEach(c -> channels.computeIfAbsent(c.cityId(), k -> new ArrayList<>())
					.add(new GapStoreChannel(c.channelId(), c.stores(), c.carrying(), c.volume())));
			Map<String, Map<String, BigDecimal>> dealerVolumes = dealers.of(region, period.minusMonths(11), period);
			for (GapSourceRows.Row row : rows) {
				if (!cityNames.containsKey(row.cityId())) {
					throw new ProcessEngineException("缺口来源的城市 " + row.cityId() + " 不在区域 " + region
							+ " / the gap sources name the city '" + row.cityId() + "', not in region " + region);
				}
				Map<String, BigDecimal> v = row.volumes();
				facts.add(new GapSourceCity(row.cityId(), cityNames.get(row.cityId()), v.get("newDealersVolume"),
						v.get("newStoresVolume"), v.get("newSkusVolume"), v.get("pricePromotionVolume"),
						channels.getOrDefault(row.cityId(), List.of()),
						dealerVolumes.getOrDefault(row.cityId(), Map.of())
							.values()
							.stream()
							.filter(volume -> volume.signum() > 0)
							.toList()));
			}
		}
		facts.add(new GapSourceRegion(region, DistributePlanDelegate.number(execution.getVariable("forecastVolume")),
				totals.get("newSkusVolume"), totals.get("pricePromotionVolume")));
		return facts;
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<GapSourceCity> cities = run.factsOf(GapSourceCity.class);
		GapSourceRegion region = run.factsOf(GapSourceRegion.class).get(0);
		List<SourceBound> bounds = run.factsOf(SourceBound.class);
		int expected = 2 * cities.size() + 2;
		if (bounds.size() != expected) {
			throw new ProcessEngineException("规则集 gap-sources 应给出 " + expected + " 个来源判定，实际 " + bounds.size()
					+ " / rule set 'gap-sources' must decide " + expected + " source bounds, decided " + bounds.size());
		}
		List<GapSourceRows.Row> rows = GapSourceRows.read(json, execution);
		Map<String, BigDecimal> totals = GapSourceRows.totals(execution, rows);
		if (rows != null) {
			totals.forEach((source, volume) -> execution.setVariable(source, volume.longValueExact()));
			Map<String, Map<String, BigDecimal>> byCity = new TreeMap<>();
			rows.forEach(row -> byCity.put(row.cityId(), row.volumes()));
			execution.setVariable(PlanSources.BY_CITY, JsonVariables.of(byCity));
		}
		execution.setVariable(PAST_BOUND, bounds.stream().anyMatch(SourceBound::pastBound));
		execution.setVariable(SUMMARY, GapSourcesSummary.text(cities, region, bounds, totals));
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "period", "forecastVolume", GapSourceRows.LIST, "newDealersVolume", "newStoresVolume",
				"newSkusVolume", "pricePromotionVolume");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "newDealersVolume", "newStoresVolume", "newSkusVolume", "pricePromotionVolume",
				PlanSources.BY_CITY, PAST_BOUND, SUMMARY);
	}

}
