package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of the plan split, called by the {@code plan-split} rules once they have
 * decided each city's weight, the sources it gets and the seasonality of its months: the
 * plan over the cities in proportion to their weight plus sources, each city's plan over
 * its months by its seasonality, both rounded by largest remainder to the plan's unit, so
 * that the months of a city add up to the city's plan and the cities to the region's plan
 * exactly.
 */
public final class PlanSplits {

	private static final MathContext EXACT = MathContext.DECIMAL128;

	private static final BigDecimal WAN = new BigDecimal("10000");

	private PlanSplits() {
	}

	/** A volume in cases for reasons: 12345.5 gives "12,345.5". */
	public static String cases(BigDecimal volume) {
		DecimalFormat format = new DecimalFormat("#,##0.##");
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(volume);
	}

	/** A volume in 万箱 (10,000 cases) with one decimal: 1,234,500 gives "123.5 万箱". */
	public static String wanCases(BigDecimal volume) {
		DecimalFormat format = new DecimalFormat("#,##0.0");
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(volume.divide(WAN, EXACT)) + " 万箱";
	}

	/** The same weight every month. */
	public static List<BigDecimal> flat() {
		return Collections.nCopies(12, BigDecimal.ONE);
	}

	/** The region's seasonality: the given cities' sales of last year, month by month. */
	public static List<BigDecimal> regionSeasonality(Collection<?> cities) {
		List<BigDecimal> months = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
		for (Object fact : cities) {
			List<BigDecimal> lastYear = ((PlanCity) fact).lastYear();
			for (int m = 0; m < 12; m++) {
				months.set(m, months.get(m).add(lastYear.get(m)));
			}
		}
		return months;
	}

	/**
	 * A region total assigned to the cities in proportion to their weights (all the
	 * weights of a city added up), rounded by largest remainder to the source's unit; to
	 * every city alike when no city weighs anything.
	 */
	public static SourceShares assignByWeight(PlanSource source, Collection<?> weightFacts, Collection<?> cityFacts,
			String sourceName) {
		Map<String, BigDecimal> weights = new TreeMap<>();
		cityFacts.forEach(fact -> weights.put(((PlanCity) fact).cityId(), BigDecimal.ZERO));
		weightFacts.forEach(fact -> {
			PlanWeight weight = (PlanWeight) fact;
			weights.merge(weight.cityId(), weight.weight(), BigDecimal::add);
		});
		BigDecimal total = sum(weights.values());
		if (total.signum() == 0) {
			return assignEvenly(source, cityFacts, sourceName);
		}
		Map<String, BigDecimal> exact = new TreeMap<>();
		weights.forEach((city, weight) -> exact.put(city, source.volume().multiply(weight).divide(total, EXACT)));
		List<SourceShare> shares = new ArrayList<>();
		largestRemainder(exact, source.volume(), unitOf(source.volume())).forEach((city,
				volume) -> shares.add(new SourceShare(city, source.kind(), volume,
						sourceName + "（全区 " + cases(source.volume()) + "）按上浮后预测 " + cases(weights.get(city)) + " / "
								+ cases(total) + " 分配：" + cases(volume),
						source.kind() + " (region " + cases(source.volume()) + ") by uplifted forecast "
								+ cases(weights.get(city)) + " of " + cases(total) + ": " + cases(volume))));
		return new SourceShares(shares);
	}

	/** A source the manager assigned to a city: it counts for that city only. */
	public static SourceShares assigned(PlanSource source, String sourceName) {
		return new SourceShares(List.of(new SourceShare(source.cityId(), source.kind(), source.volume(),
				sourceName + " " + cases(source.volume()) + "（经理分到本城市）",
				source.kind() + " " + cases(source.volume()) + " (assigned to the city by the manager)")));
	}

	/** A region total assigned to every city alike, by largest remainder. */
	public static SourceShares assignEvenly(PlanSource source, Collection<?> cityFacts, String sourceName) {
		Map<String, BigDecimal> exact = new TreeMap<>();
		cityFacts.forEach(fact -> exact.put(((PlanCity) fact).cityId(),
				source.volume().divide(BigDecimal.valueOf(cityFacts.size()), EXACT)));
		List<SourceShare> shares = new ArrayList<>();
		if (exact.isEmpty()) {
			return new SourceShares(shares);
		}
		largestRemainder(exact, source.volume(), unitOf(source.volume())).forEach((city,
				volume) -> shares.add(new SourceShare(city, source.kind(), volume,
						sourceName + "（全区 " + cases(source.volume()) + "）各城市均分：" + cases(volume),
						source.kind() + " (region " + cases(source.volume()) + ") shared evenly: " + cases(volume))));
		return new SourceShares(shares);
	}

	/**
	 * The plan over the cities by weight plus sources (the {@link SourceShares} groups),
	 * then each city's plan over its months by its seasonality (flat where it has none),
	 * both by largest remainder.
	 */
	public static CityPlans split(VolumePlan plan, Collection<?> cityFacts, Collection<?> weightFacts,
			Collection<?> shareFacts, Collection<?> seasonFacts) {
		Map<String, PlanCity> cities = new TreeMap<>();
		cityFacts.forEach(fact -> cities.put(((PlanCity) fact).cityId(), (PlanCity) fact));
		if (cities.isEmpty()) {
			return new CityPlans(List.of());
		}
		Map<String, List<PlanWeight>> weights = new TreeMap<>();
		weightFacts.forEach(fact -> weights.computeIfAbsent(((PlanWeight) fact).cityId(), c -> new ArrayList<>())
			.add((PlanWeight) fact));
		Map<String, BigDecimal> sources = new TreeMap<>();
		shareFacts.forEach(group -> ((SourceShares) group).shares()
			.forEach(share -> sources.merge(share.cityId(), share.volume(), BigDecimal::add)));
		Map<String, Seasonality> seasons = new TreeMap<>();
		seasonFacts.forEach(fact -> seasons.put(((Seasonality) fact).cityId(), (Seasonality) fact));

		Map<String, BigDecimal> raw = new TreeMap<>();
		cities.keySet()
			.forEach(city -> raw.put(city,
					sum(weights.getOrDefault(city, List.of()).stream().map(PlanWeight::weight).toList())
						.add(sources.getOrDefault(city, BigDecimal.ZERO))));
		BigDecimal total = sum(raw.values());
		Map<String, BigDecimal> exact = new TreeMap<>();
		raw.forEach((city, weight) -> exact.put(city,
				total.signum() == 0 ? plan.plan().divide(BigDecimal.valueOf(raw.size()), EXACT)
						: plan.plan().multiply(weight).divide(total, EXACT)));
		Map<String, BigDecimal> cityPlans = largestRemainder(exact, plan.plan(), plan.decimals());

		List<CityPlan> plans = new ArrayList<>();
		cities.forEach((id, city) -> {
			BigDecimal cityPlan = cityPlans.get(id);
			Seasonality season = seasons.get(id);
			List<BigDecimal> months = months(cityPlan, season == null ? flat() : season.months(), plan.decimals());
			List<PlanWeight> parts = weights.getOrDefault(id, List.of());
			BigDecimal source = sources.getOrDefault(id, BigDecimal.ZERO);
			String share = total.signum() == 0
					? Percent.of(BigDecimal.ONE.divide(BigDecimal.valueOf(raw.size()), EXACT))
					: Percent.of(raw.get(id).divide(total, EXACT));
			StringBuilder zh = new StringBuilder();
			StringBuilder en = new StringBuilder();
			parts.forEach(part -> {
				zh.append(part.reasonZh()).append("；");
				en.append(part.reasonEn()).append("; ");
			});
			if (source.signum() > 0) {
				zh.append("来源 ").append(cases(source)).append("；");
				en.append("sources ").append(cases(source)).append("; ");
			}
			zh.append("权重 ")
				.append(cases(raw.get(id)))
				.append("，占全区 ")
				.append(share)
				.append("：计划 ")
				.append(cases(cityPlan));
			en.append("weight ")
				.append(cases(raw.get(id)))
				.append(", ")
				.append(share)
				.append(" of the region: plan ")
				.append(cases(cityPlan));
			plans.add(new CityPlan(id, city.name(), cityPlan, months, zh.toString(), en.toString()));
		});
		return new CityPlans(plans);
	}

	/**
	 * A city's plan over its 12 months by the given weights (flat when they are all 0).
	 */
	static List<BigDecimal> months(BigDecimal cityPlan, List<BigDecimal> season, int decimals) {
		List<BigDecimal> weights = sum(season).signum() == 0 ? flat() : season;
		BigDecimal total = sum(weights);
		Map<String, BigDecimal> exact = new LinkedHashMap<>();
		for (int m = 0; m < 12; m++) {
			// keys in month order, so that a tie goes to the earlier month
			exact.put(String.format("%02d", m + 1), cityPlan.multiply(weights.get(m)).divide(total, EXACT));
		}
		return new ArrayList<>(new TreeMap<>(largestRemainder(exact, cityPlan, decimals)).values());
	}

	/**
	 * Rounds every amount down to {@code decimals}, then gives the units left one by one
	 * to the largest remainders (ties to the first key), so that they add up to
	 * {@code total} exactly; the same rounding as the resource allocation's.
	 */
	public static Map<String, BigDecimal> largestRemainder(Map<String, BigDecimal> exact, BigDecimal total,
			int decimals) {
		if (exact.isEmpty()) {
			return new LinkedHashMap<>();
		}
		return AllocationArithmetic.largestRemainder(exact, total, decimals);
	}

	/** 0 decimals for a whole volume, else 2. */
	static int unitOf(BigDecimal volume) {
		return volume.stripTrailingZeros().scale() <= 0 ? 0 : 2;
	}

	private static BigDecimal sum(Collection<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
