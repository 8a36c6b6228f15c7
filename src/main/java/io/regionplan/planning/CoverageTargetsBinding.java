package io.regionplan.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.MarketNames;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.CoverageChannel;
import io.regionplan.rules.fact.CoverageCity;
import io.regionplan.rules.fact.CoverageTarget;
import io.regionplan.rules.fact.CityStrategy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code coverage-targets} in a cycle (城市渠道覆盖目标): every city with the strategy the cycle
 * holds now (the manager's overrides included) and its adjacent base camps, every channel
 * with stores there with today's ND, WTD and unserved category sales; the targets are
 * stored per city × channel, for the team sizing that follows, and shown in the team
 * review.
 */
@Component
class CoverageTargetsBinding implements RuleSetBinding {

	static final String SUMMARY = "coverageTargetSummary";

	private final MarketMetrics metrics;

	private final MarketNames names;

	private final CycleResults results;

	CoverageTargetsBinding(MarketMetrics metrics, MarketNames names, CycleResults results) {
		this.metrics = metrics;
		this.names = names;
		this.results = results;
	}

	@Override
	public String ruleSet() {
		return "coverage-targets";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		Map<String, String> strategies = results.strategies(CycleContext.cycleId(execution));
		if (strategies.isEmpty()) {
			throw new ProcessEngineException("覆盖目标需要本周期的城市策略 / coverage targets need this cycle's city "
					+ "strategies: run city-strategy first");
		}
		List<CityMetrics> cities = metrics.cities(region, CycleContext.period(execution, metrics));
		Map<String, String> cityNames = new HashMap<>();
		cities.forEach(city -> cityNames.put(city.cityId(), city.nameZh()));
		List<Object> facts = new ArrayList<>();
		for (CityMetrics city : cities) {
			String strategy = strategies.get(city.cityId());
			if (strategy != null) {
				List<String> baseCamps = city.neighbours()
					.stream()
					.filter(neighbour -> CityStrategy.BASE_CAMP.equals(strategies.get(neighbour)))
					.sorted()
					.map(neighbour -> cityNames.getOrDefault(neighbour, neighbour))
					.toList();
				facts.add(new CoverageCity(city.cityId(), city.nameZh(), strategy, baseCamps));
			}
		}
		Map<String, String> channelNames = names.channelsZh();
		for (ChannelMetrics channel : metrics.channels(region)) {
			// a channel without stores in a city has no ND to raise
			if (strategies.containsKey(channel.cityId()) && channel.stores() > 0) {
				facts.add(new CoverageChannel(channel.cityId(), channel.channelId(),
						channelNames.getOrDefault(channel.channelId(), channel.channelId()), channel.stores(),
						channel.carrying(), channel.nd(), channel.wtd(), channel.unservedCategorySales()));
			}
		}
		return facts;
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<CoverageTarget> targets = run.factsOf(CoverageTarget.class);
		results.saveCoverageTargets(CycleContext.cycleId(execution), targets, run.version());
		List<CoverageCity> cities = run.inputs()
			.stream()
			.filter(CoverageCity.class::isInstance)
			.map(CoverageCity.class::cast)
			.toList();
		Map<String, String> channelNames = new HashMap<>();
		run.inputs()
			.stream()
			.filter(CoverageChannel.class::isInstance)
			.map(CoverageChannel.class::cast)
			.forEach(channel -> channelNames.put(channel.channelId(), channel.channelName()));
		execution.setVariable(SUMMARY, CoverageSummary.text(cities, targets, channelNames));
	}

	@Override
	public Set<String> reads() {
		return Set.of("region");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", SUMMARY);
	}

}
