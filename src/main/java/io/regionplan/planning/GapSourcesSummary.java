package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.regionplan.rules.fact.GapSourceCity;
import io.regionplan.rules.fact.GapSourceRegion;
import io.regionplan.rules.fact.PlanSplits;
import io.regionplan.rules.fact.SourceBound;

/**
 * What the director (and the manager, after a return) reads of the gap-closing sources:
 * the sources past their bound first, the totals, then each city's sources by Chinese
 * name with the bounds of new dealers and new stores, then the region's bounds of new
 * SKUs and price/promotion. Cases with separators.
 */
final class GapSourcesSummary {

	private static final Map<String, String> NAMES = Map.of("newDealersVolume", "新经销商", "newStoresVolume", "新门店/铺货",
			"newSkusVolume", "新品", "pricePromotionVolume", "价格/促销");

	private GapSourcesSummary() {
	}

	/** {@code totals}: each source's total for the region, by source variable. */
	static String text(List<GapSourceCity> cities, GapSourceRegion region, List<SourceBound> bounds,
			Map<String, BigDecimal> totals) {
		List<String> lines = new ArrayList<>();
		List<String> past = new ArrayList<>();
		List<GapSourceCity> byId = cities.stream().sorted(Comparator.comparing(GapSourceCity::subjectId)).toList();
		for (GapSourceCity city : byId) {
			for (String source : List.of("newDealersVolume", "newStoresVolume")) {
				bound(bounds, city.subjectId(), source).filter(SourceBound::pastBound)
					.ifPresent(b -> past.add(city.nameZh() + " " + NAMES.get(source) + " "
							+ PlanSplits.cases(b.volume()) + " > " + PlanSplits.cases(b.bound())));
			}
		}
		for (String source : List.of("newSkusVolume", "pricePromotionVolume")) {
			bound(bounds, region.subjectId(), source).filter(SourceBound::pastBound)
				.ifPresent(b -> past.add("全区 " + NAMES.get(source) + " " + PlanSplits.cases(b.volume()) + " > "
						+ PlanSplits.cases(b.bound())));
		}
		lines.add(past.isEmpty() ? "所有来源都在上限内 / every source is within its bound"
				: "超出上限、须总监审批 / past the bound, the director decides: " + String.join("；", past));
		List<String> parts = new ArrayList<>();
		totals.forEach((source, volume) -> parts.add(NAMES.get(source) + " " + PlanSplits.cases(volume)));
		BigDecimal total = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		lines.add("合计 / total（箱 / cases）：" + String.join(" · ", parts) + " = " + PlanSplits.cases(total));
		for (GapSourceCity city : byId) {
			lines.add(city.nameZh() + "：" + withBound(bounds, city.subjectId(), "newDealersVolume", city.newDealers())
					+ " · " + withBound(bounds, city.subjectId(), "newStoresVolume", city.newStores()) + " · 新品 "
					+ PlanSplits.cases(city.newSkus()) + " · 价格/促销 " + PlanSplits.cases(city.pricePromotion()));
		}
		for (String source : List.of("newSkusVolume", "pricePromotionVolume")) {
			bound(bounds, region.subjectId(), source).ifPresent(b -> lines.add(b.reasonZh() + " / " + b.reasonEn()));
		}
		return CoverageSummary.fitted(lines);
	}

	private static String withBound(List<SourceBound> bounds, String city, String source, BigDecimal volume) {
		Optional<SourceBound> bound = bound(bounds, city, source);
		return NAMES.get(source) + " " + PlanSplits.cases(volume)
				+ bound.map(b -> "（上限 " + PlanSplits.cases(b.bound()) + (b.pastBound() ? "，超出 / past the bound）" : "）"))
					.orElse("");
	}

	private static Optional<SourceBound> bound(List<SourceBound> bounds, String subject, String source) {
		return bounds.stream().filter(b -> b.subjectId().equals(subject) && b.source().equals(source)).findFirst();
	}

}
