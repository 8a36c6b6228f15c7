package io.regionplan.planning;

import static io.regionplan.forms.CompletionRule.invalid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.forms.CompletionRule;
import io.regionplan.forms.FormText;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planning cycle's checks beyond its forms: the gap-closing sources must cover the
 * gap, a return needs a comment (and a step), an override needs a known subject, a valid
 * value and a reason (and a value or reason needs its subject), and a new market scored
 * by 7C needs all seven scores. A review's override and a director's decision are the
 * step's own variables, cleared when its task is created.
 */
@Configuration(proxyBeanMethods = false)
class PlanningCompletionRules {

	static final List<String> STRATEGIES = List.of("BASE_CAMP", "THREE_POINTS_ATTACK_ONE", "BREAKTHROUGH", "MAINTAIN",
			"MUSHROOM_PICKING", "NEW_MARKET");

	static final List<String> TIERS = List.of("A", "B", "C", "D");

	static final List<String> SEVEN_C = List.of("scoreAdministrative", "scoreCategory", "scoreConsumer", "scoreChannel",
			"scoreCustomer", "scoreCompetitor", "scoreOwnCompany");

	private static CompletionRule rule(Set<String> taskIds, java.util.function.Consumer<DelegateTask> check) {
		return rule(taskIds, List.of(), check);
	}

	private static CompletionRule rule(Set<String> taskIds, List<String> ownVariables,
			java.util.function.Consumer<DelegateTask> check) {
		return new CompletionRule() {
			@Override
			public Set<String> taskIds() {
				return taskIds;
			}

			@Override
			public Set<String> ownVariables() {
				return Set.copyOf(ownVariables);
			}

			@Override
			public void check(DelegateTask task) {
				check.accept(task);
			}
		};
	}

	/**
	 * What the server computes from a pass's gap sources (the totals, the split by city,
	 * whether one is past its bound): computed again from each pass's rows, never left
	 * over from an earlier pass.
	 */
	static final List<String> COMPUTED_FROM_SOURCES = List.of("newDealersVolume", "newStoresVolume", "newSkusVolume",
			"pricePromotionVolume", PlanSources.BY_CITY, GapSourcesBinding.PAST_BOUND);

	/**
	 * The named sources, split by city (one row per city), cover the plan's part above
	 * the forecast (the gap itself is target − forecast and is the director's to accept,
	 * not the sources' to close). The rows of an earlier pass stay to be edited; what was
	 * computed from them goes.
	 */
	@Bean
	CompletionRule gapSourcesCoverTheUplift(ObjectMapper json) {
		return rule(Set.of("Task_GapClosingPlan"), COMPUTED_FROM_SOURCES, task -> GapSourceRows.check(task, json));
	}

	/**
	 * A plan below the forecast, or above both the forecast and the target, says why in
	 * its notes; the notes are this step's own, and so are the gap sources of the plan.
	 */
	@Bean
	CompletionRule planOutsideForecastAndTargetSaysWhy() {
		List<String> own = new java.util.ArrayList<>(
				List.of("planNotes", GapSourceRows.LIST, GapSourcesBinding.SUMMARY));
		// a new plan starts its gap sources afresh
		own.addAll(COMPUTED_FROM_SOURCES);
		return rule(Set.of("Task_VolumePlan"), own, task -> {
			BigDecimal plan = DistributePlanDelegate.number(task.getVariable("plannedVolume"));
			BigDecimal forecast = DistributePlanDelegate.number(task.getVariable("forecastVolume"));
			BigDecimal target = DistributePlanDelegate.number(task.getVariable("hqVolumeTarget"));
			if (!FormText.blank(task.getVariable("planNotes"))) {
				return;
			}
			if (plan.compareTo(forecast) < 0) {
				throw invalid("planNotes",
						"计划 " + plan.toPlainString() + " 低于预测 " + forecast.toPlainString() + "，请写明原因（将由总监审批）",
						"the plan of " + plan.toPlainString() + " is below the forecast of " + forecast.toPlainString()
								+ ": say why (the director will decide)");
			}
			if (plan.compareTo(forecast.max(target)) > 0) {
				throw invalid("planNotes",
						"计划 " + plan.toPlainString() + " 高于预测 " + forecast.toPlainString() + " 和目标 "
								+ target.toPlainString() + "，请写明原因",
						"the plan of " + plan.toPlainString() + " is above both the forecast of "
								+ forecast.toPlainString() + " and the target of " + target.toPlainString()
								+ ": say why");
			}
		});
	}

	@Bean
	CompletionRule gapReturnNeedsAComment() {
		return rule(Set.of("Task_DirectorGapApproval"), List.of("gapDecision", "gapDirectorComment"), task -> {
			if ("return".equals(task.getVariable("gapDecision"))
					&& FormText.blank(task.getVariable("gapDirectorComment"))) {
				throw invalid("gapDirectorComment", "退回时必须填写意见", "a comment is required when sending back");
			}
		});
	}

	@Bean
	CompletionRule planReturnNeedsACommentAndAStep() {
		return rule(Set.of("Task_DirectorPlanApproval"), List.of("planDecision", "returnTo", "planDirectorComment"),
				task -> {
					if ("return".equals(task.getVariable("planDecision"))
							&& FormText.blank(task.getVariable("planDirectorComment"))) {
						throw invalid("planDirectorComment", "退回时必须填写意见", "a comment is required when sending back");
					}
					if ("return".equals(task.getVariable("planDecision"))
							&& FormText.blank(task.getVariable("returnTo"))) {
						throw invalid("returnTo", "退回时必须选择退回到哪一步", "choose the step to send the plan back to");
					}
				});
	}

	@Bean
	CompletionRule strategyOverridesNeedACityAStrategyAndAReason(JdbcTemplate jdbc, ObjectMapper json) {
		return rule(Set.of("Task_ReviewStrategy"), own(OverrideDelegates.STRATEGY_LIST, OverrideDelegates.STRATEGY),
				task -> ReviewOverrides.check(task, jdbc, json, OverrideDelegates.STRATEGY_LIST,
						OverrideDelegates.STRATEGY_ROW, OverrideDelegates.STRATEGY, STRATEGIES, "cycle_city_strategy",
						"city_id"));
	}

	@Bean
	CompletionRule tierOverridesNeedADealerATierAndAReason(JdbcTemplate jdbc, ObjectMapper json) {
		return rule(Set.of("Task_ReviewDealersAndResources", "Task_ReviewReclassification"),
				own(OverrideDelegates.TIER_LIST, OverrideDelegates.TIER),
				task -> ReviewOverrides.check(task, jdbc, json, OverrideDelegates.TIER_LIST, OverrideDelegates.TIER_ROW,
						OverrideDelegates.TIER, TIERS, "cycle_dealer_tier", "dealer_id"));
	}

	private static List<String> own(String list, List<String> single) {
		List<String> own = new ArrayList<>(single);
		own.add(list);
		return own;
	}

	@Bean
	CompletionRule newMarketNeedsAllSevenScores() {
		return rule(Set.of("Task_MarketVisits"), task -> {
			if (FormText.blank(task.getVariable("newMarketCity"))) {
				return;
			}
			for (String score : SEVEN_C) {
				Object value = task.getVariable(score);
				if (!(value instanceof Number number) || number.intValue() < 1 || number.intValue() > 5) {
					throw invalid(score, "新市场 7C 评分须为 1-5", "each 7C score of a new market must be 1 to 5");
				}
			}
		});
	}

}
