package io.regionplan.forms;

import java.io.IOException;
import java.util.ArrayList;
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

	private final FieldCheck fields;

	FormValidation(List<CompletionRule> completionRules, ObjectMapper json, InputLimits limits) {
		this.json = json;
		this.fields = new FieldCheck(json, limits.maxTextLength());
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
		Object checked = fields.check(task, field, value);
		if (field.type().equals("datetime") && checked != null) {
			task.setVariable(field.key(), checked);
		}
	}

}
