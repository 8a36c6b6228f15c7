package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import io.regionplan.rules.EvaluateRuleSetDelegate;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.springframework.beans.factory.BeanFactory;

/**
 * The check of one BPMN file for {@link ProcessFilesValidator}: a process that Camunda,
 * Modeler and Tasklist can use (its id the file name, forms that exist, candidate groups,
 * rule sets and called processes that exist, valid timers within {@link TimerBounds},
 * history time to live, a diagram for every element) and expressions within the
 * allow-list ({@link BpmnExpressionCheck}).
 */
final class BpmnFileCheck {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private final BpmnExpressionCheck expressions;

	/**
	 * @param beans the application's beans, or {@code null} (see
	 * {@link BpmnExpressionCheck})
	 */
	BpmnFileCheck(BeanFactory beans) {
		this.expressions = new BpmnExpressionCheck(beans);
	}

	/**
	 * @return the parsed model, or {@code null} when the file is no BPMN
	 */
	BpmnModelInstance check(String name, byte[] bytes, ProcessFiles files, Set<String> ruleSets,
			Set<String> processKeys, List<FileProblem> problems) {
		problems.addAll(expressions.check(name, bytes));
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (RuntimeException ex) {
			problems.add(new FileProblem(name, 0, 0, "不是有效的 BPMN / not valid BPMN: " + rootMessage(ex)));
			return null;
		}
		String key = name.substring("processes/".length(), name.length() - ".bpmn".length());
		List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
		if (processes.size() != 1 || !processes.get(0).getId().equals(key)) {
			problems.add(new FileProblem(name, 0, 0, "文件须含一个 id 为 " + key
					+ " 的流程 / the file must hold one process with id '" + key + "' (its file name)"));
		}
		for (Process process : processes) {
			if (process.getCamundaHistoryTimeToLiveString() == null
					|| process.getCamundaHistoryTimeToLiveString().isBlank()) {
				problems
					.add(problem(name, process, "缺少 camunda:historyTimeToLive / camunda:historyTimeToLive is not set"));
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			checkFormRef(name, task, task.getAttributeValueNs(CAMUNDA_NS, "formRef"), files, problems);
			if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaCandidateUsers())
					&& blank(task.getCamundaAssignee())) {
				problems.add(problem(name, task, "用户任务没有候选组 / the user task has no candidate group"));
			}
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			String formRef = start.getAttributeValueNs(CAMUNDA_NS, "formRef");
			if (formRef != null) {
				checkFormRef(name, start, formRef, files, problems);
			}
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			String ruleSet = EvaluateRuleSetDelegate.property(task, EvaluateRuleSetDelegate.RULE_SET_PROPERTY);
			if (ruleSet == null) {
				problems.add(problem(name, task,
						"业务规则任务缺少扩展属性 ruleSet / the business rule task has no extension property 'ruleSet'"));
			}
			else if (!ruleSets.contains(ruleSet)) {
				problems
					.add(problem(name, task, "规则集 " + ruleSet + " 不存在 / rule set '" + ruleSet + "' is not in rules/"));
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			if (call.getCalledElement() == null || !processKeys.contains(call.getCalledElement())) {
				problems.add(problem(name, call, "调用的流程 " + call.getCalledElement()
						+ " 不在 processes/ 中 / called process '" + call.getCalledElement() + "' is not in processes/"));
			}
		}
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			checkTimer(name, timer, problems);
		}
		for (CamundaFailedJobRetryTimeCycle retries : model
			.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
			String refused = TimerBounds.retryCycle(retries.getTextContent().strip());
			if (refused != null) {
				// the cycle sits in the extension elements of the task, event or process
				// it is for
				problems.add(problem(name, (BaseElement) retries.getParentElement().getParentElement(), refused));
			}
		}
		Set<String> drawn = new HashSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
		model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if (!drawn.contains(element.getId())) {
				problems.add(problem(name, element,
						"缺少图形信息（BPMN DI）/ no diagram information (BPMN DI): Camunda Modeler " + "cannot lay it out"));
			}
		}
		return model;
	}

	private static void checkFormRef(String name, BaseElement element, String formRef, ProcessFiles files,
			List<FileProblem> problems) {
		if (blank(formRef)) {
			problems.add(problem(name, element, "缺少 camunda:formRef / no camunda:formRef"));
		}
		else if (!files.files().containsKey("forms/" + formRef + ".form")) {
			problems.add(problem(name, element,
					"表单 forms/" + formRef + ".form 不存在 / form forms/" + formRef + ".form does not exist"));
		}
	}

	private static void checkTimer(String name, TimerEventDefinition timer, List<FileProblem> problems) {
		BaseElement event = (BaseElement) timer.getParentElement();
		List<String> given = new ArrayList<>();
		if (timer.getTimeDate() != null) {
			given.add("date:" + timer.getTimeDate().getTextContent().strip());
		}
		if (timer.getTimeDuration() != null) {
			given.add("duration:" + timer.getTimeDuration().getTextContent().strip());
		}
		if (timer.getTimeCycle() != null) {
			given.add("cycle:" + timer.getTimeCycle().getTextContent().strip());
		}
		if (given.size() != 1 || given.get(0).endsWith(":")) {
			problems.add(problem(name, event, "定时器须有一个 timeDate、timeDuration 或 timeCycle / a timer needs exactly one "
					+ "timeDate, timeDuration or timeCycle"));
			return;
		}
		String[] kindAndValue = given.get(0).split(":", 2);
		String value = kindAndValue[1];
		if (kindAndValue[0].equals("cycle")) {
			String refused = TimerBounds.cycle(value);
			if (refused != null) {
				problems.add(problem(name, event, refused));
			}
			return;
		}
		if (value.contains("${") || value.contains("#{")) {
			return;
		}
		try {
			if (kindAndValue[0].equals("date")) {
				OffsetDateTime.parse(value);
			}
			else {
				DatatypeFactory.newInstance().newDuration(value);
			}
		}
		catch (DateTimeParseException | IllegalArgumentException | DatatypeConfigurationException ex) {
			problems.add(problem(name, event, "定时器表达式无效 / invalid timer expression: " + value));
		}
	}

	private static FileProblem problem(String file, BaseElement element, String message) {
		return new FileProblem(file, 0, 0, element.getId() + ": " + message);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
