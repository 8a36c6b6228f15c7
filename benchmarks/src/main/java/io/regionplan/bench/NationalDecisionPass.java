package io.regionplan.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.regionplan.RegionPlanApplication;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.DealerMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.demo.DemoMarketCli;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.RegionMedians;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, benchmark 6's second half: after the national import (300 cities, 5,000
 * dealers, 1,000,000 stores, 24 months), one decision pass over every region — the
 * metrics read from the database as the bindings read them, then
 * {@code dealer-classification} and {@code city-strategy} per region. Target: under 5 s.
 *
 * <pre>scripts/bench.sh national</pre>
 */
public final class NationalDecisionPass {

	private NationalDecisionPass() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("regionplan-national-");
		DemoMarketCli.main(new String[] { "--out", work.resolve("csv").toString(), "--cities", "300", "--dealers",
				"5000", "--stores", "1000000" });
		ConfigurableApplicationContext app = new SpringApplicationBuilder(RegionPlanApplication.class).profiles("demo")
			.run("--server.port=18081", "--regionplan.data-dir=" + work.resolve("data"),
					"--regionplan.demo.market=false", "--camunda.bpm.job-execution.enabled=false",
					"--logging.level.root=WARN");
		try {
			long started = System.nanoTime();
			BenchMarket.importAll(app, work.resolve("csv"));
			System.out.printf("national import in-process: %.1f s%n", (System.nanoTime() - started) / 1e9);

			MarketMetrics metrics = app.getBean(MarketMetrics.class);
			List<String> regions = app.getBean(JdbcTemplate.class)
				.queryForList("select id from market_region order by id", String.class);
			CompiledRuleSet tiers = RuleSets.compile("dealer-classification");
			CompiledRuleSet strategy = RuleSets.compile("city-strategy");
			for (int round = 0; round < 4; round++) {
				long pass = System.nanoTime();
				int dealers = 0;
				int cities = 0;
				for (String region : regions) {
					YearMonth period = metrics.latestMonth(region).orElse(null);
					if (period == null) {
						continue;
					}
					List<Object> dealerFacts = new ArrayList<>();
					for (DealerMetrics d : metrics.dealers(region, period)) {
						dealerFacts.add(new Dealer(d.dealerId(), d.regionId(), d.name(), d.sales(), d.growth(),
								d.percentile(), d.coverage(), d.overdueDays(), d.crossRegionIncidents()));
					}
					dealers += dealerFacts.size();
					tiers.run(new RuleSetVersion("dealer-classification", "bench", tiers.contentHash()), dealerFacts,
							10_000_000);
					List<CityMetrics> cityMetrics = metrics.cities(region, period);
					List<Object> cityFacts = new ArrayList<>();
					for (CityMetrics c : cityMetrics) {
						cityFacts.add(new City(c.cityId(), c.regionId(), c.nameZh(), c.share(), c.marketSize(),
								c.distanceKm(), c.neighbours(), c.monthsWithSales(), null));
					}
					List<CityMetrics> old = cityMetrics.stream().filter(c -> c.monthsWithSales() >= 12).toList();
					cityFacts.add(new RegionMedians(region,
							median(old.stream().map(CityMetrics::share).filter(Objects::nonNull).toList()),
							median(old.stream().map(CityMetrics::marketSize).toList())));
					cities += cityMetrics.size();
					strategy.run(new RuleSetVersion("city-strategy", "bench", strategy.contentHash()), cityFacts,
							10_000_000);
				}
				System.out.printf("decision pass %d: %d regions, %d dealers, %d cities in %.2f s%n", round + 1,
						regions.size(), dealers, cities, (System.nanoTime() - pass) / 1e9);
			}
		}
		finally {
			app.close();
		}
	}

	private static BigDecimal median(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return BigDecimal.ZERO;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
	}

}
