package io.regionplan.planning;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.MarketNames;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.fact.Amounts;
import io.regionplan.rules.fact.Parameters;
import io.regionplan.rules.fact.RoiFlag;
import io.regionplan.rules.fact.StoreInvestment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Last year's store investments the resource allocation flagged (ROI below
 * {@code roi.minimum}), kept per cycle (table cycle_store_renewal) with the director's
 * answer once the plan is approved, and how they read: the store by name with its city's
 * Chinese name, spend and incremental profit in 万元, the ROI against the threshold.
 */
@Component
class StoreRenewals {

	/** The parameter of resource-allocation the flag compares the ROI with. */
	static final String THRESHOLD = "roi.minimum";

	/** One flagged investment, as the rules saw it, and the director's answer if any. */
	record Flagged(String storeId, String cityId, BigDecimal spend, BigDecimal incrementalProfit, BigDecimal roi,
			String roiMinimum, String firedRule, String ruleVersion, Boolean renewed) {

		/** "ROI 0.75 < 1.0", the threshold as the parameters file writes it. */
		String roiText() {
			return "ROI " + roi.stripTrailingZeros().toPlainString() + " < " + roiMinimum;
		}

	}

	private final JdbcTemplate jdbc;

	private final MarketNames names;

	StoreRenewals(JdbcTemplate jdbc, MarketNames names) {
		this.jdbc = jdbc;
		this.names = names;
	}

	/**
	 * The investments the run flagged, each with what the rules saw for it (its
	 * StoreInvestment input), the rule that flagged it and the threshold, in store order.
	 */
	static List<Flagged> flagged(RuleRun run) {
		Map<String, StoreInvestment> investments = new HashMap<>();
		run.inputs().forEach(fact -> {
			if (fact instanceof StoreInvestment investment) {
				investments.put(investment.storeId(), investment);
			}
		});
		Map<String, String> firedBy = new HashMap<>();
		run.firings()
			.forEach(firing -> firing.inserted()
				.stream()
				.filter(RoiFlag.class::isInstance)
				.forEach(flag -> firedBy.put(((RoiFlag) flag).storeId(), firing.rule())));
		String threshold = run.factsOf(Parameters.class).stream().findFirst().map(p -> p.text(THRESHOLD)).orElse("—");
		List<Flagged> flagged = new ArrayList<>();
		run.factsOf(RoiFlag.class)
			.stream()
			.map(RoiFlag::storeId)
			.distinct()
			.sorted()
			.map(investments::get)
			.filter(java.util.Objects::nonNull)
			.forEach(investment -> flagged.add(new Flagged(investment.storeId(), investment.cityId(),
					investment.spend(), investment.incrementalProfit(), investment.roi(), threshold,
					firedBy.getOrDefault(investment.storeId(), "—"), run.version().label(), null)));
		return flagged;
	}

	/**
	 * The cycle's flagged investments are now these: a rule task run again in the cycle
	 * (a return) replaces the ones not answered yet. An answer, given when the plan is
	 * approved and recorded as a decision, stays with its numbers, even if the rules ran
	 * again afterwards (an administrator moving the instance back).
	 */
	void replace(String cycle, List<Flagged> flagged) {
		Set<String> answered = Set.copyOf(jdbc.queryForList(
				"select store_id from cycle_store_renewal where process_instance_id = ? and renewed is not null",
				String.class, cycle));
		jdbc.update("delete from cycle_store_renewal where process_instance_id = ? and renewed is null", cycle);
		jdbc.batchUpdate("insert into cycle_store_renewal (process_instance_id, store_id, city_id, spend, "
				+ "incremental_profit, roi, roi_minimum, fired_rule, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				flagged.stream()
					.filter(f -> !answered.contains(f.storeId()))
					.map(f -> new Object[] { cycle, f.storeId(), f.cityId(), f.spend(), f.incrementalProfit(), f.roi(),
							f.roiMinimum(), f.firedRule(), f.ruleVersion() })
					.toList());
	}

	/** The cycle's flagged investments, in store order. */
	List<Flagged> of(String cycle) {
		return jdbc.query(
				"select store_id, city_id, spend, incremental_profit, roi, roi_minimum, fired_rule, rule_version, "
						+ "renewed from cycle_store_renewal where process_instance_id = ? order by store_id",
				(rs, n) -> new Flagged(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8),
						(Boolean) rs.getObject(9)),
				cycle);
	}

	/**
	 * Stores the director's answer; whether it is new (no answer before, or another one):
	 * only a new answer is recorded as a decision.
	 */
	boolean answer(String cycle, String storeId, boolean renewed, String reason, String user) {
		Boolean before = jdbc.queryForObject(
				"select renewed from cycle_store_renewal where process_instance_id = ? and store_id = ?", Boolean.class,
				cycle, storeId);
		jdbc.update(
				"update cycle_store_renewal set renewed = ?, reason = ?, decided_by = ?, decided_at = ? "
						+ "where process_instance_id = ? and store_id = ?",
				renewed, reason, user, Timestamp.from(Instant.now()), cycle, storeId);
		return before == null || before != renewed;
	}

	/** How each store reads: by name with its city's Chinese name, or its id. */
	StoreLabels labels(String region) {
		return new StoreLabels(names.stores(region), names.citiesZh(region));
	}

	/** Stores by name and city. */
	record StoreLabels(Map<String, String> stores, Map<String, String> cities) {

		/** "观前街店（苏州，S-001）", or "门店 S-001（苏州）" for a store without a name. */
		String store(String storeId, String cityId) {
			String city = cities.getOrDefault(cityId, cityId);
			String name = stores.get(storeId);
			return name == null ? "门店 " + storeId + "（" + city + "）" : name + "（" + city + "，" + storeId + "）";
		}

		/**
		 * What the director ticks or not: the store, last year's spend and incremental
		 * profit in 万元, the ROI against the threshold.
		 */
		String option(Flagged f) {
			String numbers = Amounts.wan(f.spend()) + "，增量毛利 " + Amounts.wan(f.incrementalProfit()) + "，" + f.roiText();
			return store(f.storeId(), f.cityId()) + " — 上年投入 " + numbers + " / last year's spend "
					+ Amounts.wan(f.spend()) + ", incremental profit " + Amounts.wan(f.incrementalProfit()) + ", "
					+ f.roiText();
		}

	}

}
