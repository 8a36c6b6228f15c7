package io.regionplan.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.engine.VariableContract;
import io.regionplan.rules.EvaluateRuleSetDelegate;
import io.regionplan.rules.RuleSetBinding;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What one process reads, with where, and what it writes, for
 * {@link ProcessVariablesCheck}: its forms and start form, due and follow-up dates,
 * delegates and rule-set bindings, conditions, timers, multi-instance loops and call
 * mappings.
 */
final class ProcessVariableScan {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private final Map<String, ? extends VariableContract> beans;

	private final Map<String, ? extends VariableContract> bindings;

	private final ExpressionVariables expressions;

	private final ObjectMapper json = new ObjectMapper();

	/** See {@link ProcessVariablesCheck#ProcessVariablesCheck}. */
	ProcessVariableScan(Map<String, ? extends VariableContract> beans, List<? extends RuleSetBinding> bindings,
			Predicate<String> isBean) {
		this.beans = beans;
		Map<String, RuleSetBinding> byName = new LinkedHashMap<>();
		bindings.forEach(binding -> byName.put(binding.name(), binding));
		this.bindings = byName;
		this.expressions = new ExpressionVariables(isBean);
	}

	/** What one process file reads (with where) and writes. */
	record Variables(String file, Map<String, List<String>> reads, Set<String> writes,
			Map<String, Set<String>> passedTo) {
	}

	Variables variables(String file, BpmnModelInstance model, ProcessFiles files) {
		Map<String, List<String>> reads = new LinkedHashMap<>();
		Set<String> writes = new HashSet<>();
		Map<String, Set<String>> passedTo = new LinkedHashMap<>();
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			form(reads, writes, start, files);
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			form(reads, writes, task, files);
			expression(reads, task, "due date", task.getCamundaDueDate());
			expression(reads, task, "follow-up date", task.getCamundaFollowUpDate());
		}
		// delegates of service tasks and of task and execution listeners (whose owner is
		// the nearest BPMN element)
		List<ModelElementInstance> delegating = new ArrayList<>(model.getModelElementsByType(BaseElement.class));
		delegating.addAll(model.getModelElementsByType(CamundaTaskListener.class));
		delegating.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
		for (ModelElementInstance element : delegating) {
			String delegate = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
			if (delegate == null && !(element instanceof BaseElement)) {
				delegate = element.getAttributeValue("delegateExpression");
			}
			if (delegate != null) {
				VariableContract contract = beans.get(delegate.replaceAll("^[$#]\\{\\s*|\\s*}$", ""));
				if (contract != null) {
					BaseElement owner = owner(element);
					contract.reads().forEach(variable -> read(reads, owner, "delegate", variable));
					writes.addAll(contract.writes());
				}
			}
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			VariableContract contract = bindings.get(EvaluateRuleSetDelegate.bindingName(task));
			if (contract != null) {
				contract.reads().forEach(variable -> read(reads, task, "rule set", variable));
				writes.addAll(contract.writes());
			}
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			ConditionExpression condition = flow.getConditionExpression();
			if (condition != null) {
				expression(reads, flow, "condition", condition.getTextContent());
			}
		}
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			BaseElement event = (BaseElement) timer.getParentElement();
			for (ModelElementInstance definition : new ModelElementInstance[] { timer.getTimeDate(),
					timer.getTimeDuration(), timer.getTimeCycle() }) {
				if (definition != null) {
					expression(reads, event, "timer", definition.getTextContent());
				}
			}
		}
		for (MultiInstanceLoopCharacteristics loop : model
			.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
			BaseElement activity = (BaseElement) loop.getParentElement();
			expression(reads, activity, "multi-instance collection", loop.getCamundaCollection());
			if (loop.getCompletionCondition() != null) {
				expression(reads, activity, "completion condition", loop.getCompletionCondition().getTextContent());
			}
			if (loop.getCamundaElementVariable() != null) {
				writes.add(loop.getCamundaElementVariable());
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			Set<String> passed = passedTo.computeIfAbsent(call.getCalledElement(), k -> new HashSet<>());
			if (call.getExtensionElements() == null) {
				continue;
			}
			for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
				if ("all".equals(in.getCamundaVariables())) {
					passed.add("*");
				}
				if (in.getCamundaSource() != null) {
					read(reads, call, "input mapping", in.getCamundaSource());
				}
				expression(reads, call, "input mapping", in.getCamundaSourceExpression());
				if (in.getCamundaTarget() != null) {
					passed.add(in.getCamundaTarget());
				}
			}
		}
		return new Variables(file, reads, writes, passedTo);
	}

	private static BaseElement owner(ModelElementInstance element) {
		ModelElementInstance owner = element;
		while (!(owner instanceof BaseElement)) {
			owner = owner.getParentElement();
		}
		return (BaseElement) owner;
	}

	private void expression(Map<String, List<String>> reads, BaseElement element, String where, String text) {
		if (text != null) {
			expressions.readBy(text).forEach(variable -> read(reads, element, where, variable));
		}
	}

	private static void read(Map<String, List<String>> reads, BaseElement element, String where, String variable) {
		List<String> readers = reads.computeIfAbsent(variable, k -> new ArrayList<>());
		String reader = element.getId() + " (" + where + ")";
		if (!readers.contains(reader)) {
			readers.add(reader);
		}
	}

	/**
	 * A form's fields are written by the person; a disabled field only shows a variable,
	 * so it reads it.
	 */
	private void form(Map<String, List<String>> reads, Set<String> writes, BaseElement element, ProcessFiles files) {
		String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
		byte[] form = formRef == null ? null : files.files().get("forms/" + formRef + ".form");
		if (form != null) {
			try {
				Set<String> shown = new LinkedHashSet<>();
				collect(json.readTree(form).path("components"), writes, shown);
				shown.forEach(variable -> read(reads, element, "form " + formRef, variable));
			}
			catch (IOException ex) {
				// the validator reports the form as invalid JSON
			}
		}
	}

	private static void collect(JsonNode components, Set<String> entered, Set<String> shown) {
		for (JsonNode component : components) {
			if (component.hasNonNull("valuesKey")) {
				shown.add(component.get("valuesKey").asText());
			}
			if (component.path("type").asText().equals("dynamiclist") && component.hasNonNull("path")) {
				// one variable, a list of rows; the rows' fields are not variables
				entered.add(component.get("path").asText());
				collect(component.path("components"), new LinkedHashSet<>(), shown);
				continue;
			}
			if (component.hasNonNull("key")) {
				(component.path("disabled").asBoolean() || component.path("readonly").asBoolean() ? shown : entered)
					.add(component.get("key").asText());
			}
			if (component.has("components")) {
				collect(component.get("components"), entered, shown);
			}
		}
	}

}
