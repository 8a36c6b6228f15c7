package io.regionplan.insight;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.planning.PlanningCycles.CityMonthPlan;
import io.regionplan.planning.PlanningCycles.CityStrategy;
import io.regionplan.planning.PlanningCycles;

import org.springframework.stereotype.Component;

/**
 * The numbers of the chart pages, from a cycle's results (through planning's read API)
 * and the market data.
 */
@Component
class InsightQueries {

	private final PlanningCycles planning;

	private final MarketMetrics metrics;

	InsightQueries(PlanningCycles planning, MarketMetrics metrics) {
		this.planning = planning;
		this.metrics = metrics;
	}

	/** The year a cycle plans. */
	Optional<Integer> year(String cycle) {
		return planning.year(cycle);
	}

	/** The region's planning cycles, newest first. */
	List<String> cycles(String region) {
		return planning.cycles(region);
	}

	record QuadrantCity(String cityId, String name, BigDecimal share, BigDecimal marketSize, String strategy,
			boolean rangeDropped) {
	}

	record Quadrant(String processInstanceId, YearMonth period, BigDecimal medianShare, BigDecimal medianMarketSize,
			List<QuadrantCity> cities) {
	}

	Quadrant quadrant(String region, String cycle, YearMonth period) {
		Map<String, CityStrategy> strategies = planning.strategies(cycle);
		List<QuadrantCity> cities = new ArrayList<>();
		List<BigDecimal> shares = new ArrayList<>();
		List<BigDecimal> sizes = new ArrayList<>();
		for (CityMetrics city : metrics.cities(region, period)) {
			CityStrategy strategy = strategies.get(city.cityId());
			cities.add(new QuadrantCity(city.cityId(), city.nameZh() + " " + city.nameEn(), city.share(),
					city.marketSize(), strategy == null ? null : strategy.strategy(),
					strategy != null && strategy.rangeDropped()));
			if (city.monthsWithSales() >= 12) {
				sizes.add(city.marketSize());
				if (city.share() != null) {
					shares.add(city.share());
				}
			}
		}
		return new Quadrant(cycle, period, median(shares), median(sizes), cities);
	}

	static BigDecimal median(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle)
				: sorted.get(middle - 1)
					.add(sorted.get(middle))
					.divide(BigDecimal.valueOf(2), java.math.MathContext.DECIMAL64);
	}

	record CityMonth(String cityId, int month, BigDecimal plan, BigDecimal actual) {
	}

	record PlanVsActual(String processInstanceId, int year, List<CityMonth> months, Map<String, BigDecimal> achievement,
			List<String> offTrack) {
	}

	PlanVsActual planVsActual(String region, String cycle, int year) {
		Map<String, Map<YearMonth, BigDecimal>> actual = metrics.cityMonthlyVolumes(region, YearMonth.of(year, 1),
				YearMonth.of(year, 12));
		List<CityMonth> months = new ArrayList<>();
		Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
		for (CityMonthPlan planned : planning.plan(cycle)) {
			String city = planned.cityId();
			BigDecimal done = actual.getOrDefault(city, Map.of())
				.getOrDefault(YearMonth.of(year, planned.month()), BigDecimal.ZERO);
			months.add(new CityMonth(city, planned.month(), planned.plan(), done));
			BigDecimal[] total = totals.computeIfAbsent(city,
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			if (done.signum() > 0) {
				total[0] = total[0].add(planned.plan());
				total[1] = total[1].add(done);
			}
		}
		Map<String, BigDecimal> achievement = new LinkedHashMap<>();
		totals.forEach((city, total) -> achievement.put(city,
				total[0].signum() == 0 ? null : total[1].divide(total[0], 4, java.math.RoundingMode.HALF_UP)));
		List<String> offTrack = planning.offTrackCities(cycle);
		return new PlanVsActual(cycle, year, months, achievement, offTrack);
	}

	record TierMix(String processInstanceId, Map<String, Integer> counts) {
	}

	record TierMove(String dealerId, String dealerName, String from, String to) {
	}

	record TierMixChange(TierMix current, TierMix previous, List<TierMove> moves) {
	}

	/**
	 * The tiers of {@code cycle} against {@code previous}; {@code names} names the
	 * dealers that moved.
	 */
	TierMixChange tierMix(String cycle, String previous, Map<String, String> names) {
		Map<String, String> now = planning.tiers(cycle);
		Map<String, String> before = previous == null ? Map.of() : planning.tiers(previous);
		List<TierMove> moves = new ArrayList<>();
		now.forEach((dealer, tier) -> {
			String was = before.get(dealer);
			if (previous != null && !tier.equals(was)) {
				moves.add(new TierMove(dealer, names.get(dealer), was, tier));
			}
		});
		return new TierMixChange(new TierMix(cycle, counts(now)),
				previous == null ? null : new TierMix(previous, counts(before)), moves);
	}

	private static Map<String, Integer> counts(Map<String, String> tiers) {
		Map<String, Integer> counts = new TreeMap<>(Map.of("A", 0, "B", 0, "C", 0, "D", 0));
		tiers.values().forEach(tier -> counts.merge(tier, 1, Integer::sum));
		return counts;
	}

}
