package io.regionplan.planning;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.TriggeringUser;
import io.regionplan.engine.VariableContract;
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

	OverrideDelegates(JdbcTemplate jdbc, RuleSetRegistry rules, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.events = events;
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
			overrides.apply(execution, "city-strategy", "city", STRATEGY, "strategy", "cycle_city_strategy", "city_id");
		}

		@Override
		public Set<String> reads() {
			return VariableContract.union(Set.of("overridesApplied"), STRATEGY);
		}

		@Override
		public Set<String> writes() {
			return Set.of("overridesApplied");
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
			overrides.apply(execution, "dealer-classification", "dealer", TIER, "tier", "cycle_dealer_tier",
					"dealer_id");
		}

		@Override
		public Set<String> reads() {
			return VariableContract.union(Set.of("overridesApplied"), TIER);
		}

		@Override
		public Set<String> writes() {
			return Set.of("overridesApplied");
		}

	}

	/**
	 * {@code variables}: the review's subject, new value and reason (checked by the
	 * review's completion rule).
	 */
	void apply(DelegateExecution execution, String ruleSet, String subjectType, List<String> variables, String column,
			String table, String idColumn) {
		Object subject = execution.getVariable(variables.get(0));
		if (!(subject instanceof String text) || text.isBlank()) {
			variables.forEach(execution::removeVariable);
			return;
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
				after, "人工调整，理由：" + reason, "overridden, reason: " + reason, cycle, id);
		events.publishEvent(new DecisionOverridden(rules.versionFor(execution, ruleSet), cycle,
				execution.getCurrentActivityId(), execution.getTenantId(), TriggeringUser.of(execution), subjectType,
				id, Map.of(column, before), Map.of(column, after), reason));
		execution.setVariable("overridesApplied", intValue(execution.getVariable("overridesApplied")) + 1);
		variables.forEach(execution::removeVariable);
	}

	private static int intValue(Object value) {
		return value instanceof Number number ? number.intValue() : 0;
	}

}
