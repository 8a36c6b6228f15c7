package io.regionplan.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * A manager's overrides of rule results, any number in one review, each with a written
 * reason (checked when the review task is completed): the cycle's results change, each
 * override is recorded as a decision and kept (cycle_override) so that a rule task run
 * again in the cycle puts it back. Each review has its own list variable, removed once
 * applied, so that one step's reason can never stand for another's.
 */
@Component
class OverrideDelegates {

	/** The strategy review's list of overrides: rows of city, strategy, reason. */
	static final String STRATEGY_LIST = "strategyOverrides";

	/** The tier review's list of overrides: rows of dealer, tier, reason. */
	static final String TIER_LIST = "tierOverrides";

	/**
	 * The single override of the forms deployed before the lists (a cycle of such a
	 * deployment still submits it; no form of today writes it, so it is not declared).
	 */
	static final List<String> STRATEGY = List.of("overrideCity", "overrideStrategy", "strategyOverrideReason");

	/** The single tier override of the forms deployed before the lists. */
	static final List<String> TIER = List.of("overrideDealer", "overrideTier", "tierOverrideReason");

	/** The row fields of the strategy list: subject, value, reason. */
	static final List<String> STRATEGY_ROW = List.of("city", "strategy", "reason");

	/** The row fields of the tier list: subject, value, reason. */
	static final List<String> TIER_ROW = List.of("dealer", "tier", "reason");

	private final JdbcTemplate jdbc;

	private final RuleSetRegistry rules;

	private final ApplicationEventPublisher events;

	private final CycleOverrides kept;

	private final ReviewChoices choices;

	private final ObjectMapper json;

	OverrideDelegates(JdbcTemplate jdbc, RuleSetRegistry rules, ApplicationEventPublisher events, CycleOverrides kept,
			ReviewChoices choices, ObjectMapper json) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.events = events;
		this.kept = kept;
		this.choices = choices;
		this.json = json;
	}

	/** {@code strategyOverrides}: cities' development strategies. */
	@ExpressionBean
	@Component("overrideCityStrategyDelegate")
	static class CityStrategy implements JavaDelegate, VariableContract {

		private final OverrideDelegates overrides;

		CityStrategy(OverrideDelegates overrides) {
			this.overrides = overrides;
		}

		@Override
		public void execute(DelegateExecution execution) {
			List<CycleOverrides.Override> rows = overrides.rows(execution, STRATEGY_LIST, STRATEGY_ROW, STRATEGY);
			for (CycleOverrides.Override row : rows) {
				overrides.apply(execution, "city-strategy", "city", CycleOverrides.STRATEGY, row, "strategy",
						"cycle_city_strategy", "city_id");
			}
			if (!rows.isEmpty()) {
				overrides.choices.summarizeStrategies(execution);
			}
		}

		@Override
		public Set<String> reads() {
			return Set.of("overridesApplied", "region", "period", STRATEGY_LIST);
		}

		@Override
		public Set<String> writes() {
			return Set.of("overridesApplied", "cityStrategySummary", "cityOptions", "period");
		}

	}

	/** {@code tierOverrides}: dealers' tiers; {@code tiersOverridden} whether any. */
	@ExpressionBean
	@Component("overrideDealerTierDelegate")
	static class DealerTier implements JavaDelegate, VariableContract {

		private final OverrideDelegates overrides;

		DealerTier(OverrideDelegates overrides) {
			this.overrides = overrides;
		}

		@Override
		public void execute(DelegateExecution execution) {
			List<CycleOverrides.Override> rows = overrides.rows(execution, TIER_LIST, TIER_ROW, TIER);
			for (CycleOverrides.Override row : rows) {
				overrides.apply(execution, "dealer-classification", "dealer", CycleOverrides.TIER, row, "tier",
						"cycle_dealer_tier", "dealer_id");
			}
			if (!rows.isEmpty()) {
				overrides.choices.summarizeTiers(execution);
			}
			execution.setVariable("tiersOverridden", !rows.isEmpty());
		}

		@Override
		public Set<String> reads() {
			return Set.of("overridesApplied", "region", "period", TIER_LIST);
		}

		@Override
		public Set<String> writes() {
			return Set.of("overridesApplied", "tiersOverridden", "dealersTierA", "dealersTierB", "dealersTierC",
					"dealersTierD", "dealersFlagged", "dealerTierSummary", "dealerOptions", "tierMoves");
		}

	}

	/**
	 * The review's overrides (its list, or the single override of an older form), removed
	 * from the instance: the completion rule has checked them.
	 */
	List<CycleOverrides.Override> rows(DelegateExecution execution, String list, List<String> row,
			List<String> single) {
		List<CycleOverrides.Override> overrides = new ArrayList<>();
		for (JsonNode node : ReviewOverrides.read(json, execution.getVariable(list))) {
			overrides.add(new CycleOverrides.Override(node.path(row.get(0)).asText().strip(),
					node.path(row.get(1)).asText(), node.path(row.get(2)).asText().strip()));
		}
		Object subject = execution.getVariable(single.get(0));
		if (subject instanceof String text && !text.isBlank()) {
			overrides
				.add(new CycleOverrides.Override(text.strip(), String.valueOf(execution.getVariable(single.get(1))),
						String.valueOf(execution.getVariable(single.get(2))).strip()));
		}
		execution.removeVariable(list);
		single.forEach(execution::removeVariable);
		return overrides;
	}

	/**
	 * One override: the cycle's result changes, the override is kept for the cycle and
	 * recorded as a decision.
	 */
	void apply(DelegateExecution execution, String ruleSet, String subjectType, String kind,
			CycleOverrides.Override row, String column, String table, String idColumn) {
		String cycle = CycleContext.cycleId(execution);
		String before = jdbc.queryForObject(
				"select " + column + " from " + table + " where process_instance_id = ? and " + idColumn + " = ?",
				String.class, cycle, row.subjectId());
		jdbc.update(
				"update " + table + " set " + column
						+ " = ?, reason_zh = ?, reason_en = ? where process_instance_id = ? and " + idColumn + " = ?",
				row.value(), CycleSummaries.OVERRIDDEN_ZH + row.reason(), "overridden, reason: " + row.reason(), cycle,
				row.subjectId());
		kept.save(cycle, kind, row, TriggeringUser.of(execution));
		events.publishEvent(new DecisionOverridden(rules.versionFor(execution, ruleSet), cycle,
				execution.getCurrentActivityId(), execution.getTenantId(), TriggeringUser.of(execution), subjectType,
				row.subjectId(), Map.of(column, before), Map.of(column, row.value()), row.reason()));
		execution.setVariable("overridesApplied", intValue(execution.getVariable("overridesApplied")) + 1);
	}

	private static int intValue(Object value) {
		return value instanceof Number number ? number.intValue() : 0;
	}

}
