package io.regionplan.planning;

import static io.regionplan.forms.CompletionRule.invalid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The gap-closing sources as the manager splits them by city: the gap-closing form's
 * dynamic list {@value #LIST}, one row per city (city, new dealers, new stores, new SKUs,
 * price/promotion, cases). The server adds them up: the four totals and the split by city
 * are computed from the rows, never taken from the client.
 */
final class GapSourceRows {

	/** The form's list of rows. */
	static final String LIST = "gapSources";

	/** A row's field → the source it gives (the variable of its region total). */
	static final Map<String, String> SOURCES = sources();

	/** One city's row: its id and the volume of each source (by source variable). */
	record Row(String cityId, Map<String, BigDecimal> volumes) {
	}

	private GapSourceRows() {
	}

	private static Map<String, String> sources() {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.put("newDealers", "newDealersVolume");
		sources.put("newStores", "newStoresVolume");
		sources.put("newSkus", "newSkusVolume");
		sources.put("pricePromotion", "pricePromotionVolume");
		return java.util.Collections.unmodifiableMap(sources);
	}

	/**
	 * The rows of the list, or {@code null} when the instance has none (a gap-closing
	 * form deployed before the list, which typed the four totals).
	 */
	static List<Row> read(ObjectMapper json, VariableScope scope) {
		Object variable = scope.getVariable(LIST);
		if (variable == null) {
			return null;
		}
		List<Row> rows = new ArrayList<>();
		for (JsonNode node : ReviewOverrides.read(json, variable)) {
			Map<String, BigDecimal> volumes = new LinkedHashMap<>();
			SOURCES.forEach((field, source) -> volumes.put(source,
					node.path(field).isNumber() ? node.path(field).decimalValue() : BigDecimal.ZERO));
			rows.add(new Row(node.path("city").asText("").strip(), volumes));
		}
		return rows;
	}

	/** Each source's total over the rows, in the order of {@link #SOURCES}. */
	static Map<String, BigDecimal> totals(List<Row> rows) {
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		SOURCES.values().forEach(source -> totals.put(source, BigDecimal.ZERO));
		rows.forEach(row -> row.volumes().forEach((source, volume) -> totals.merge(source, volume, BigDecimal::add)));
		return totals;
	}

	/**
	 * Each source's total: over the rows, or without the list (an older form) the totals
	 * it typed.
	 */
	static Map<String, BigDecimal> totals(VariableScope scope, List<Row> rows) {
		if (rows != null) {
			return totals(rows);
		}
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		SOURCES.values()
			.forEach(source -> totals.put(source, DistributePlanDelegate.number(scope.getVariable(source))));
		return totals;
	}

	/**
	 * The completion's check beyond the form's (which has checked each row's city against
	 * the cities offered and each volume as a whole number ≥ 0): a city at most once, and
	 * the sources, added up, cover the plan's part above the forecast. Without the list
	 * (an older form), the four totals it typed.
	 */
	static void check(DelegateTask task, ObjectMapper json) {
		List<Row> rows = read(json, task);
		if (rows != null) {
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < rows.size(); i++) {
				if (!seen.add(rows.get(i).cityId())) {
					throw invalid(LIST + "[" + (i + 1) + "].city", "同一城市只能填写一行",
							"a city may have one row only; it is in an earlier row already");
				}
			}
		}
		Map<String, BigDecimal> totals = totals(task, rows);
		BigDecimal plan = DistributePlanDelegate.number(task.getVariable("plannedVolume"));
		BigDecimal forecast = DistributePlanDelegate.number(task.getVariable("forecastVolume"));
		BigDecimal uplift = plan.subtract(forecast).max(BigDecimal.ZERO);
		BigDecimal sum = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		if (sum.compareTo(uplift) < 0) {
			List<String> parts = totals.values().stream().map(BigDecimal::toPlainString).toList();
			throw invalid(rows == null ? "pricePromotionVolume" : LIST,
					"缺口弥补来源合计 " + sum.toPlainString() + "（新经销商 + 新门店/铺货 + 新品 + 价格/促销 = " + String.join(" + ", parts)
							+ "），少于计划高于预测的 " + uplift.toPlainString() + "（计划 " + plan.toPlainString() + " − 预测 "
							+ forecast.toPlainString() + "）",
					"the gap-closing sources add up to " + sum.toPlainString()
							+ " (new dealers + new stores + new SKUs + price/promotion = " + String.join(" + ", parts)
							+ "), less than the " + uplift.toPlainString() + " the plan is above the forecast (plan "
							+ plan.toPlainString() + " − forecast " + forecast.toPlainString() + ")");
		}
	}

}
