package io.regionplan.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.TriggeringUser;
import io.regionplan.engine.VariableContract;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.DecisionOverridden;
import io.regionplan.rules.RuleSetRegistry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A manager's override of a rule result, with a mandatory written reason (checked when
 * the review task is completed): the cycle's result changes and the override is recorded
 * as a decision. Each review has its own subject, value and reason variables, removed
 * once applied, so that one step's reason can never stand for another's.
 */
@Component
class OverrideDelegates {

	/** The subject, new value and reason of the strategy review. */
	static final List<String> STRATEGY = List.of("overrideCity", "overrideStrategy", "strategyOverrideReason");

	/** The subject, new value and reason of the tier review. */
	static final List<String> TIER = List.of("overrideDealer", "overrideTier", "tierOverrideReason");

	private final JdbcTemplate jdbc;

	private final RuleSetRegistry rules;

	private final ApplicationEventPublisher events;

	private final CycleResults results;

	private final MarketMetrics metrics;

	OverrideDelegates(JdbcTemplate jdbc, RuleSetRegistry rules, ApplicationEventPublisher events, CycleResults results,
			MarketMetrics metrics) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.events = events;
		this.results = results;
		this.metrics = metrics;
	}

	/**
	 * The strategy review's summary again from what the cycle holds now, so that the
	 * manager and the director read the overridden strategies.
	 */
	void summarizeStrategies(DelegateExecution execution) {
		Map<String, String> names = new HashMap<>();
		metrics.cities(CycleContext.region(execution), CycleContext.period(execution, metrics))
			.forEach(city -> names.put(city.cityId(), city.nameZh()));
		execution.setVariable("cityStrategySummary",
				CycleSummaries.strategies(results.strategyLines(CycleContext.cycleId(execution), names)));
	}

	/** The tier review's counts and summary again from what the cycle holds now. */
	void summarizeTiers(DelegateExecution execution) {
		List<CycleSummaries.TierLine> lines = results.tierLines(CycleContext.cycleId(execution));
		CycleSummaries.tierCounts(lines).forEach((tier, count) -> execution.setVariable("dealersTier" + tier, count));
		execution.setVariable("dealersFlagged", (int) lines.stream().filter(CycleSummaries.TierLine::flagged).count());
		execution.setVariable("dealerTierSummary", CycleSummaries.tiers(lines));
	}

	/** {@code overrideCity}, {@code overrideStrategy}: a city's development strategy. */
	@ExpressionBean
	@Component("overrideCityStrategyDelegate")
	static class CityStrategy implements JavaDelegate, VariableContract {

		private final OverrideDelegates overrides;

		CityStrategy(OverrideDelegates overrides) {
			this.overrides = overrides;
		}

		@Override
		public void execute(DelegateExecution execution) {
			if (overrides.apply(execution, "city-strategy", "city", STRATEGY, "strategy", "cycle_city_strategy",
					"city_id")) {
				overrides.summarizeStrategies(execution);
			}
		}

		@Override
		public Set<String> reads() {
			return VariableContract.union(Set.of("overridesApplied", "region", "period"), STRATEGY);
		}

		@Override
		public Set<String> writes() {
			return Set.of("overridesApplied", "cityStrategySummary", "period");
		}

	}

	/** {@code overrideDealer}, {@code overrideTier}: a dealer's tier. */
	@ExpressionBean
	@Component("overrideDealerTierDelegate")
	static class DealerTier implements JavaDelegate, VariableContract {

		private final OverrideDelegates overrides;

		DealerTier(OverrideDelegates overrides) {
			this.overrides = overrides;
		}

		@Override
		public void execute(DelegateExecution execution) {
			if (overrides.apply(execution, "dealer-classification", "dealer", TIER, "tier", "cycle_dealer_tier",
					"dealer_id")) {
				overrides.summarizeTiers(execution);
			}
		}

		@Override
		public Set<String> reads() {
			return VariableContract.union(Set.of("overridesApplied"), TIER);
		}

		@Override
		public Set<String> writes() {
			return Set.of("overridesApplied", "dealersTierA", "dealersTierB", "dealersTierC", "dealersTierD",
					"dealersFlagged", "dealerTierSummary");
		}

	}

	/**
	 * {@code variables}: the review's subject, new value and reason (checked by the
	 * review's completion rule). Whether there was an override to apply.
	 */
	boolean apply(DelegateExecution execution, String ruleSet, String subjectType, List<String> variables,
			String column, String table, String idColumn) {
		Object subject = execution.getVariable(variables.get(0));
		if (!(subject instanceof String text) || text.isBlank()) {
			variables.forEach(execution::removeVariable);
			return false;
		}
		String id = text.strip();
		String cycle = CycleContext.cycleId(execution);
		String after = String.valueOf(execution.getVariable(variables.get(1)));
		String reason = String.valueOf(execution.getVariable(variables.get(2))).strip();
		String before = jdbc.queryForObject(
				"select " + column + " from " + table + " where process_instance_id = ? and " + idColumn + " = ?",
				String.class, cycle, id);
		jdbc.update(
				"update " + table + " set " + column
						+ " = ?, reason_zh = ?, reason_en = ? where process_instance_id = ? and " + idColumn + " = ?",
				after, CycleSummaries.OVERRIDDEN_ZH + reason, "overridden, reason: " + reason, cycle, id);
		events.publishEvent(new DecisionOverridden(rules.versionFor(execution, ruleSet), cycle,
				execution.getCurrentActivityId(), execution.getTenantId(), TriggeringUser.of(execution), subjectType,
				id, Map.of(column, before), Map.of(column, after), reason));
		execution.setVariable("overridesApplied", intValue(execution.getVariable("overridesApplied")) + 1);
		variables.forEach(execution::removeVariable);
		return true;
	}

	private static int intValue(Object value) {
		return value instanceof Number number ? number.intValue() : 0;
	}

}
