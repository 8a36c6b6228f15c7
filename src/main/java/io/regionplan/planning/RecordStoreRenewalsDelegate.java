package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.TriggeringUser;
import io.regionplan.engine.VariableContract;
import io.regionplan.rules.DirectorDecided;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.fact.Amounts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * As the approved plan leaves the director (the approval's outgoing flow): each flagged
 * store investment gets the director's answer, renewed when ticked and not renewed
 * otherwise, stored with the cycle and recorded as a decision (only an answer that is new
 * for the store: approving once records each once). The renewals and their reason are
 * removed; the manager and later steps read {@code storeRenewalSummary}.
 */
@ExpressionBean
@Component("recordStoreRenewalsDelegate")
class RecordStoreRenewalsDelegate implements JavaDelegate, VariableContract {

	/** Where the director answered: the decision's activity. */
	static final String APPROVAL = "Task_DirectorPlanApproval";

	private final StoreRenewals renewals;

	private final RuleSetRegistry rules;

	private final ApplicationEventPublisher events;

	RecordStoreRenewalsDelegate(StoreRenewals renewals, RuleSetRegistry rules, ApplicationEventPublisher events) {
		this.renewals = renewals;
		this.rules = rules;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String cycle = CycleContext.cycleId(execution);
		List<StoreRenewals.Flagged> flagged = renewals.of(cycle);
		List<String> ticked = StoreRenewalCheck.renewed(execution.getVariable(StoreRenewalCheck.RENEWALS),
				flagged.stream().map(StoreRenewals.Flagged::storeId).toList());
		Object given = execution.getVariable(StoreRenewalCheck.REASON);
		String reason = given == null ? "" : String.valueOf(given).strip();
		String user = TriggeringUser.of(execution);
		StoreRenewals.StoreLabels labels = renewals.labels(CycleContext.region(execution));
		for (StoreRenewals.Flagged f : flagged) {
			boolean renewed = ticked.contains(f.storeId());
			if (renewals.answer(cycle, f.storeId(), renewed, renewed ? reason : null, user)) {
				events.publishEvent(decision(execution, cycle, user, labels, f, renewed, reason));
			}
		}
		execution.removeVariable(StoreRenewalCheck.RENEWALS);
		execution.removeVariable(StoreRenewalCheck.REASON);
		execution.setVariable("storeRenewalSummary", StoreRenewalTexts.summary(renewals.of(cycle), labels));
	}

	private DirectorDecided decision(DelegateExecution execution, String cycle, String user,
			StoreRenewals.StoreLabels labels, StoreRenewals.Flagged f, boolean renewed, String reason) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("store", labels.store(f.storeId(), f.cityId()));
		inputs.put("cityId", f.cityId());
		inputs.put("spend", f.spend());
		inputs.put("incrementalProfit", f.incrementalProfit());
		inputs.put("roi", f.roi().stripTrailingZeros());
		inputs.put(StoreRenewals.THRESHOLD, new BigDecimal(f.roiMinimum()));
		inputs.put("flag", "NEEDS_DIRECTOR_APPROVAL");
		inputs.put("flaggedBy", f.ruleVersion());
		String numbers = "上年投入 " + Amounts.wan(f.spend()) + "，增量毛利 " + Amounts.wan(f.incrementalProfit()) + "，"
				+ f.roiText() + "（" + StoreRenewals.THRESHOLD + "）";
		String numbersEn = "last year's spend " + Amounts.wan(f.spend()) + ", incremental profit "
				+ Amounts.wan(f.incrementalProfit()) + ", " + f.roiText() + " (" + StoreRenewals.THRESHOLD + ")";
		String zh = renewed ? "总监续投：" + numbers + "；理由：" + reason : "总监未续投（未勾选即不续投）：" + numbers;
		String en = renewed ? "renewed by the director: " + numbersEn + "; reason: " + reason
				: "not renewed by the director (not ticked means not renewed): " + numbersEn;
		return new DirectorDecided(rules.versionFor(execution, "resource-allocation"), cycle, APPROVAL,
				execution.getTenantId(), user, "store", f.storeId(), inputs, List.of(f.firedRule()),
				Map.of("renewal", renewed ? "RENEWED" : "NOT_RENEWED"), zh, en);
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", StoreRenewalCheck.RENEWALS, StoreRenewalCheck.REASON);
	}

	@Override
	public Set<String> writes() {
		return Set.of("storeRenewalSummary");
	}

}
