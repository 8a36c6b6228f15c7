package io.regionplan.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.AllocationCity;
import io.regionplan.rules.fact.AllocationDealer;
import io.regionplan.rules.fact.Budget;
import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.RegionMedians;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9, benchmark 3: {@code city-strategy} over {@value #CITIES} cities, then
 * {@code resource-allocation} of a budget over those cities and {@value #DEALERS}
 * dealers, as the rule tasks run them (with firing capture). Target: both together under
 * 1 s, warm. Milliseconds per pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class StrategyAndAllocationBenchmark {

	static final int CITIES = 300;

	static final int DEALERS = 5_000;

	private CompiledRuleSet strategy;

	private CompiledRuleSet allocation;

	private List<Object> cities;

	private List<AllocationDealer> dealers;

	private Map<String, City> byId;

	@Setup
	public void setUp() {
		strategy = RuleSets.compile("city-strategy");
		allocation = RuleSets.compile("resource-allocation");
		Random random = new Random(7);
		cities = new ArrayList<>();
		List<City> list = new ArrayList<>();
		for (int i = 0; i < CITIES; i++) {
			List<String> neighbours = List.of(String.format("C%03d", (i + 1) % CITIES),
					String.format("C%03d", (i + CITIES - 1) % CITIES));
			list.add(new City(String.format("C%03d", i), "national", "城市 " + i,
					random.nextInt(12) == 0 ? null : BigDecimal.valueOf(1 + random.nextInt(200), 3),
					BigDecimal.valueOf(10_000_000L + random.nextInt(900_000_000)),
					BigDecimal.valueOf(random.nextInt(500)), neighbours,
					random.nextInt(8) == 0 ? random.nextInt(12) : 24, 10 + random.nextInt(25)));
		}
		cities.addAll(list);
		cities.add(new RegionMedians("national", new BigDecimal("0.100"), new BigDecimal("455000000")));
		byId = list.stream().collect(Collectors.toMap(City::cityId, c -> c));
		String[] tiers = { "A", "B", "B", "C", "C", "C", "D" };
		dealers = new ArrayList<>();
		for (int i = 0; i < DEALERS; i++) {
			dealers.add(new AllocationDealer(String.format("D-%05d", i), String.format("C%03d", random.nextInt(CITIES)),
					tiers[random.nextInt(tiers.length)]));
		}
	}

	@Benchmark
	public int strategyThenAllocation() {
		RuleRun strategies = strategy.run(new RuleSetVersion("city-strategy", "bench", strategy.contentHash()), cities,
				1_000_000);
		List<Object> facts = new ArrayList<>();
		facts.add(new Budget("national", "money", new BigDecimal("50000000.00"), 2));
		facts.add(new Budget("national", "headcount", new BigDecimal("120"), 0));
		for (CityStrategy chosen : strategies.factsOf(CityStrategy.class)) {
			City city = byId.get(chosen.cityId());
			facts.add(new AllocationCity(city.cityId(), city.name(), chosen.strategy(), city.marketSize()));
		}
		facts.addAll(dealers);
		RuleRun allocated = allocation.run(new RuleSetVersion("resource-allocation", "bench", allocation.contentHash()),
				facts, 1_000_000);
		return allocated.firings().size();
	}

}
