package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.EvaluateRuleSetDelegate;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.engine.VariableContract;

import org.camunda.bpm.model.bpmn.Bpmn;
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
 * Checks the process files against the code: every variable a gateway condition, a due date, a timer, a
 * multi-instance collection, a call mapping, a delegate or a rule-set binding reads must be written by
 * something the process has — a field of one of its forms or of its start form, a delegate or rule task
 * that sets it, a multi-instance element variable, or the process that calls it. A renamed form field
 * is found before it goes live instead of when a cycle reaches the task that needed it.
 *
 * <p>Where in the process a variable is written is not followed (the check is per process, not per
 * path), and fields that nothing reads are allowed: forms also keep what people write for people.
 */
public final class ProcessVariablesCheck {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** What the engine gives every expression, and the words of the expression language. */
	private static final Set<String> PROVIDED = Set.of("execution", "task", "authenticatedUserId", "loopCounter",
			"nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "true", "false", "null", "empty", "not",
			"and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern GET_VARIABLE = Pattern.compile("getVariable\\(\\s*'([^']+)'\\s*\\)");

	private final Map<String, ? extends VariableContract> beans;

	private final Map<String, ? extends VariableContract> bindings;

	private final Predicate<String> isBean;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param beans the delegates by bean name (what {@code ${name}} in a delegate expression resolves to)
	 * @param bindings the rule-set bindings
	 * @param isBean whether a name in an expression is a bean rather than a variable
	 */
	public ProcessVariablesCheck(Map<String, ? extends VariableContract> beans, List<? extends RuleSetBinding> bindings,
			Predicate<String> isBean) {
		this.beans = beans;
		Map<String, RuleSetBinding> byName = new LinkedHashMap<>();
		bindings.forEach(binding -> byName.put(binding.name(), binding));
		this.bindings = byName;
		this.isBean = isBean;
	}

	/** What one process file reads (with where) and writes. */
	private record Variables(String file, Map<String, List<String>> reads, Set<String> writes,
			Map<String, Set<String>> passedTo) {
	}

	public List<FileProblem> check(ProcessFiles files) {
		Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
		files.files().forEach((name, bytes) -> {
			if (name.startsWith("processes/")) {
				try {
					models.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
				}
				catch (RuntimeException ex) {
					// the validator reports the file as invalid BPMN
				}
			}
		});
		return check(files, models);
	}

	/** With the BPMN files already parsed (by the validator), by their path. */
	public List<FileProblem> check(ProcessFiles files, Map<String, BpmnModelInstance> models) {
		Map<String, Variables> processes = new LinkedHashMap<>();
		models.forEach((name, model) -> processes.put(
				name.substring("processes/".length(), name.length() - ".bpmn".length()), variables(name, model, files)));
		// A called process sees what its caller passes: everything with variables="all", or the mapped targets.
		Map<String, Set<String>> available = new LinkedHashMap<>();
		processes.forEach((key, variables) -> available.put(key, new HashSet<>(variables.writes())));
		for (int round = 0; round < processes.size(); round++) {
			processes.forEach((key, variables) -> variables.passedTo().forEach((called, passed) -> {
				if (available.containsKey(called)) {
					Set<String> given = passed.contains("*") ? available.get(key) : passed;
					available.get(called).addAll(given);
				}
			}));
		}
		List<FileProblem> problems = new ArrayList<>();
		processes.forEach((key, variables) -> variables.reads().forEach((variable, readers) -> {
			if (!available.get(key).contains(variable)) {
				problems.add(new FileProblem(variables.file(), 0, 0, String.join(", ", readers) + ": 读取的变量 " + variable
						+ " 没有任何表单、任务或调用它的流程写入 / reads variable '" + variable + "', which no form, start form, "
						+ "task or calling process of '" + key + "' writes"));
			}
		}));
		return problems;
	}

	private Variables variables(String file, BpmnModelInstance model, ProcessFiles files) {
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
		// delegates of service tasks and of task and execution listeners (whose owner is the nearest BPMN element)
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
			for (ModelElementInstance definition : new ModelElementInstance[] { timer.getTimeDate(), timer.getTimeDuration(),
					timer.getTimeCycle() }) {
				if (definition != null) {
					expression(reads, event, "timer", definition.getTextContent());
				}
			}
		}
		for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
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
		if (text == null) {
			return;
		}
		Matcher expressions = EXPRESSION.matcher(text);
		while (expressions.find()) {
			String body = expressions.group(1);
			Matcher getVariable = GET_VARIABLE.matcher(body);
			while (getVariable.find()) {
				read(reads, element, where, getVariable.group(1));
			}
			String code = STRING.matcher(body).replaceAll("''");
			Matcher identifier = IDENTIFIER.matcher(code);
			while (identifier.find()) {
				String name = identifier.group();
				if (memberAccess(code, identifier.start()) || PROVIDED.contains(name) || isBean.test(name)) {
					continue;
				}
				read(reads, element, where, name);
			}
		}
	}

	/** {@code x.name} or {@code x .name}: a property or method, not a variable. */
	private static boolean memberAccess(String code, int start) {
		int i = start - 1;
		while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
			i--;
		}
		return i >= 0 && code.charAt(i) == '.';
	}

	private static void read(Map<String, List<String>> reads, BaseElement element, String where, String variable) {
		List<String> readers = reads.computeIfAbsent(variable, k -> new ArrayList<>());
		String reader = element.getId() + " (" + where + ")";
		if (!readers.contains(reader)) {
			readers.add(reader);
		}
	}

	/** A form's fields are written by the person; a disabled field only shows a variable, so it reads it. */
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
