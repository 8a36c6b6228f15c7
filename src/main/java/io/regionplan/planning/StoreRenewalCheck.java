package io.regionplan.planning;

import static io.regionplan.forms.CompletionRule.invalid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.forms.CompletionRule;
import io.regionplan.forms.FormText;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The director's renewals in the plan approval: {@value #RENEWALS} is the list of the
 * store ids ticked (a form-js checklist, which Tasklist sends as the Json text of an
 * array); each must be an investment this cycle flagged, once. Unticked investments are
 * not renewed. Renewing one needs a reason ({@value #REASON}) when the plan is approved.
 * Both are the step's own, cleared when the approval task is created again.
 */
@Component
class StoreRenewalCheck implements CompletionRule {

	/** The checklist of the investments the director renews. */
	static final String RENEWALS = "roiRenewals";

	/** Why the ticked investments are renewed. */
	static final String REASON = "roiRenewalReason";

	/** What the checklist offers: a Json variable of label and store id. */
	static final String OPTIONS = "roiInvestmentOptions";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final StoreRenewals renewals;

	StoreRenewalCheck(StoreRenewals renewals) {
		this.renewals = renewals;
	}

	@Override
	public Set<String> taskIds() {
		return Set.of("Task_DirectorPlanApproval");
	}

	@Override
	public Set<String> ownVariables() {
		return Set.of(RENEWALS, REASON);
	}

	@Override
	public void check(DelegateTask task) {
		Set<String> flagged = new java.util.HashSet<>();
		renewals.of(CycleContext.cycleId(task.getExecution())).forEach(f -> flagged.add(f.storeId()));
		List<String> renewed = renewed(task.getVariable(RENEWALS), flagged);
		Object reason = task.getVariable(REASON);
		if (!renewed.isEmpty() && "approve".equals(task.getVariable("planDecision")) && FormText.blank(reason)) {
			throw invalid(REASON, "续投 ROI 低于门槛的门店投入须写明理由",
					"renewing a store investment whose ROI is below the threshold needs a reason");
		}
	}

	/**
	 * The store ids ticked: none for no value; each one of {@code flagged}, once.
	 * Anything else is refused naming the field (and the position in the list).
	 */
	static List<String> renewed(Object variable, Collection<String> flagged) {
		List<String> renewed = new ArrayList<>();
		if (variable == null) {
			return renewed;
		}
		// a Json variable (or a text) reads as its JSON text; a number or a flag does not
		// read as a list
		JsonNode list = tree(variable.toString());
		if (list == null || !list.isArray()) {
			throw invalid(RENEWALS, "必须是所列门店投入的勾选列表", "must be the list of the offered investments ticked");
		}
		for (int i = 0; i < list.size(); i++) {
			String field = RENEWALS + "[" + (i + 1) + "]";
			JsonNode store = list.get(i);
			if (!store.isTextual()) {
				throw invalid(field, "必须是门店编号文本", "must be the text of a store id");
			}
			if (!flagged.contains(store.asText())) {
				// the value is not repeated back: it came from the client
				throw invalid(field, "不是本次审批所列的门店投入", "is not one of the store investments offered for renewal");
			}
			if (renewed.contains(store.asText())) {
				throw invalid(field, "同一门店投入勾选了两次", "the same investment is ticked twice");
			}
			renewed.add(store.asText());
		}
		return renewed;
	}

	private static JsonNode tree(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
