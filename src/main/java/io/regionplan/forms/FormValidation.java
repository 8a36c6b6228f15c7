package io.regionplan.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.system.InputLimits;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds to every user task with a {@code camunda:formRef} a completion check against the
 * form of the task's own deployment ({@code forms/<formRef>.form}), then the features'
 * {@link CompletionRule}s, and to every process's start event with a form the same check
 * of the start. When a task is created, the variables its rules name as the step's own
 * are removed, so that no value of an earlier pass stands for this one. Dates from date
 * fields are stored as dates.
 */
@Component
@Order(50)
class FormValidation extends AbstractProcessEnginePlugin {

	private final Map<String, List<CompletionRule>> rules = new ConcurrentHashMap<>();

	private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

	private final ObjectMapper json;

	private final int maxTextLength;

	FormValidation(List<CompletionRule> completionRules, ObjectMapper json, InputLimits limits) {
		this.json = json;
		this.maxTextLength = limits.maxTextLength();
		for (CompletionRule rule : completionRules) {
			rule.taskIds().forEach(id -> rules.computeIfAbsent(id, k -> new ArrayList<>()).add(rule));
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
				if (formRef != null && !formRef.isBlank()) {
					TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
						.getTaskDefinition();
					definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
							FormValidation.this::clearOwnVariables);
					definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
							task -> check(task, formRef.strip()));
				}
			}

			@Override
			public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
				if (formRef != null && !formRef.isBlank() && scope instanceof ProcessDefinitionEntity) {
					ExecutionListener start = execution -> check(execution, formRef.strip());
					activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, start);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	void check(DelegateTask task, String formKey) {
		check(task, schema(((TaskEntity) task).getProcessDefinition().getDeploymentId(), formKey));
		rules.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(rule -> rule.check(task));
	}

	/**
	 * A process started with its start form: the variables it was started with, against
	 * the form.
	 */
	void check(DelegateExecution start, String formKey) {
		check(start, schema(((ExecutionEntity) start).getProcessDefinition().getDeploymentId(), formKey));
	}

	private void check(VariableScope variables, FormSchema schema) {
		for (FormSchema.Field field : schema.fields()) {
			check(variables, field);
		}
	}

	private void clearOwnVariables(DelegateTask task) {
		for (CompletionRule rule : rules.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
			rule.ownVariables().forEach(task.getExecution()::removeVariable);
		}
	}

	private FormSchema schema(String deploymentId, String formKey) {
		return schemas.computeIfAbsent(deploymentId + "/" + formKey, key -> load(deploymentId, formKey));
	}

	private FormSchema load(String deploymentId, String formKey) {
		String name = "forms/" + formKey + ".form";
		ResourceEntity resource = Context.getCommandContext()
			.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(deploymentId, name);
		if (resource == null) {
			throw new ProcessEngineException("表单 " + name + " 不在部署 " + deploymentId + " 中 / form " + name
					+ " is not in deployment " + deploymentId);
		}
		try {
			return FormSchema.parse(json.readTree(resource.getBytes()));
		}
		catch (IOException ex) {
			throw new ProcessEngineException("表单 " + name + " 不是有效 JSON / form " + name + " is not valid JSON", ex);
		}
	}

	private void check(VariableScope task, FormSchema.Field field) {
		Object value = task.getVariable(field.key());
		boolean missing = value == null || value instanceof String text && text.isBlank()
				|| field.type().equals("checkbox") && field.required() && Boolean.FALSE.equals(value);
		if (missing) {
			if (field.required()) {
				throw invalid(field, "必填", "is required");
			}
			return;
		}
		switch (field.type()) {
			case "number" -> {
				if (!(value instanceof Number number) || value instanceof Double real && !Double.isFinite(real)
						|| value instanceof Float single && !Float.isFinite(single)) {
					throw invalid(field, "必须是数字，收到 " + value, "must be a number, got '" + value + "'");
				}
				BigDecimal decimal = new BigDecimal(number.toString());
				if (!field.takes(decimal)) {
					throw invalid(field, field.decimalsZh() + "，收到 " + decimal.toPlainString(),
							field.decimalsEn() + ", got " + decimal.toPlainString());
				}
				if (field.min() != null && decimal.compareTo(field.min()) < 0) {
					throw invalid(field, "不能小于 " + field.min(), "must be at least " + field.min());
				}
				if (field.max() != null && decimal.compareTo(field.max()) > 0) {
					throw invalid(field, "不能大于 " + field.max(), "must be at most " + field.max());
				}
			}
			case "textfield", "textarea" -> {
				if (!(value instanceof String text)) {
					throw invalid(field, "必须是文本", "must be text");
				}
				int maxLength = field.maxLength() == null ? maxTextLength : field.maxLength();
				if (text.length() > maxLength) {
					throw invalid(field, "最多 " + maxLength + " 个字符", "must be at most " + maxLength + " characters");
				}
			}
			case "select", "radio" -> {
				if (!field.values().isEmpty() && !field.values().contains(String.valueOf(value))) {
					throw invalid(field, "必须是 " + field.values() + " 之一", "must be one of " + field.values());
				}
			}
			case "checkbox" -> {
				if (!(value instanceof Boolean)) {
					throw invalid(field, "必须是 true 或 false", "must be true or false");
				}
			}
			case "datetime" -> task.setVariable(field.key(), date(field, value));
			default -> {
			}
		}
	}

	private static Date date(FormSchema.Field field, Object value) {
		if (value instanceof Date date) {
			return date;
		}
		String text = value.toString().strip();
		try {
			return text.length() == 10
					? Date.from(LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant())
					: Date.from(LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, "必须是日期 YYYY-MM-DD", "must be a date YYYY-MM-DD, got '" + text + "'");
		}
	}

	private static FormValidationException invalid(FormSchema.Field field, String zh, String en) {
		return new FormValidationException(field.key(), "字段 " + field.key() + "（" + field.label() + "）" + zh
				+ " / field '" + field.key() + "' (" + field.label() + ") " + en);
	}

}
