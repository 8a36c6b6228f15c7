package io.regionplan.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.planning.PlanningCycles;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.BenchmarkCandidate;
import io.regionplan.rules.fact.BenchmarkPick;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-selection}: the region's cities with their latest strategy, dealers,
 * stores, size and share; the ranking goes to the director's selection form.
 */
@Component
class BenchmarkSelectionBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	private final PlanningCycles cycles;

	BenchmarkSelectionBinding(MarketMetrics metrics, PlanningCycles cycles) {
		this.metrics = metrics;
		this.cycles = cycles;
	}

	@Override
	public String ruleSet() {
		return "benchmark-selection";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = (String) execution.getVariable("region");
		Map<String, String> strategy = cycles.latestStrategies(region);
		if (strategy.isEmpty()) {
			throw new ProcessEngineException("区域 " + region + " 还没有城市策略，先完成规划周期的策略步骤 / region '" + region
					+ "' has no city strategies yet: run a planning cycle's strategy step first");
		}
		Map<String, Integer> dealers = new HashMap<>();
		metrics.dealerCities(region).values().forEach(cities -> cities.forEach(c -> dealers.merge(c, 1, Integer::sum)));
		Map<String, Long> stores = new HashMap<>();
		for (ChannelMetrics channel : metrics.channels(region)) {
			stores.merge(channel.cityId(), channel.stores(), Long::sum);
		}
		List<BenchmarkCandidate> candidates = new ArrayList<>();
		for (CityMetrics city : metrics.cities(region, metrics.latestMonth(region).orElseThrow())) {
			candidates.add(new BenchmarkCandidate(city.cityId(), city.nameZh(),
					strategy.getOrDefault(city.cityId(), "NONE"), dealers.getOrDefault(city.cityId(), 0),
					stores.getOrDefault(city.cityId(), 0L), city.marketSize(), city.share()));
		}
		return candidates;
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<BenchmarkPick> eligible = run.factsOf(BenchmarkPick.class)
			.stream()
			.filter(BenchmarkPick::eligible)
			.sorted(Comparator.comparingInt(BenchmarkPick::rank))
			.toList();
		execution.setVariable("benchmarkRanking",
				eligible.stream()
					.map(p -> p.rank() + ". " + p.cityId() + " — " + p.reasonZh() + " / " + p.reasonEn())
					.collect(Collectors.joining("\n")));
		execution.setVariable("benchmarkCandidates", eligible.size());
		if (!eligible.isEmpty()) {
			execution.setVariable("benchmarkCity", eligible.get(0).cityId());
		}
	}

	@Override
	public Set<String> reads() {
		return Set.of("region");
	}

	@Override
	public Set<String> writes() {
		return Set.of("benchmarkRanking", "benchmarkCandidates", "benchmarkCity");
	}

}
