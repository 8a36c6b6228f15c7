package io.regionplan.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.TriggeringUser;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one delegate behind every business rule task:
 * {@code camunda:delegateExpression="${evaluateRuleSetDelegate}"} with the extension
 * property {@code ruleSet} naming the folder under {@code rules/}. It runs the rule set
 * of the instance's own deployment, so a running cycle keeps the rules it started with.
 */
@ExpressionBean
@Component("evaluateRuleSetDelegate")
public class EvaluateRuleSetDelegate implements JavaDelegate {

	public static final String RULE_SET_PROPERTY = "ruleSet";

	private final RuleSetRegistry registry;

	private final Map<String, RuleSetBinding> bindings;

	private final RulesSettings settings;

	private final ApplicationEventPublisher events;

	public EvaluateRuleSetDelegate(RuleSetRegistry registry, List<RuleSetBinding> bindings, RulesSettings settings,
			ApplicationEventPublisher events) {
		this.registry = registry;
		this.bindings = bindings.stream().collect(Collectors.toMap(RuleSetBinding::name, Function.identity()));
		this.settings = settings;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String ruleSet = property(execution.getBpmnModelElementInstance(), RULE_SET_PROPERTY);
		if (ruleSet == null) {
			throw new ProcessEngineException("业务规则任务缺少扩展属性 ruleSet / business rule task "
					+ execution.getCurrentActivityId() + " has no extension property 'ruleSet'");
		}
		RuleSetBinding binding = bindings.get(bindingName(execution.getBpmnModelElementInstance()));
		if (binding == null || !binding.ruleSet().equals(ruleSet)) {
			throw new ProcessEngineException("规则集 " + ruleSet + " 没有绑定 / no binding for rule set '" + ruleSet
					+ "' (activity " + execution.getCurrentActivityId() + ")");
		}
		CompiledRuleSet compiled = registry.forExecution(execution, ruleSet);
		RuleSetVersion version = new RuleSetVersion(ruleSet,
				((ExecutionEntity) execution).getProcessDefinition().getDeploymentId(), compiled.contentHash());
		Collection<?> facts = binding.facts(execution);
		RuleRun run;
		try {
			run = compiled.run(version, facts, settings.limits());
		}
		catch (RuleEvaluationException ex) {
			// the incident is for the operators of a deployed rule set: it keeps what the
			// failing code said
			throw new RuleEvaluationException(ex.withDetail(), null);
		}
		binding.apply(execution, run);
		// Decisions belong to the cycle: the root instance (monthly and quarterly work
		// run as called processes).
		String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
		events.publishEvent(new RuleSetEvaluated(run, root != null ? root : execution.getProcessInstanceId(),
				execution.getCurrentActivityId(), execution.getTenantId(), TriggeringUser.of(execution)));
	}

	/**
	 * The binding a rule task uses: its extension property {@code binding}, else its rule
	 * set's name.
	 */
	public static String bindingName(FlowElement task) {
		String binding = property(task, "binding");
		return binding != null ? binding : property(task, RULE_SET_PROPERTY);
	}

	/**
	 * A Camunda extension property of a BPMN element, stripped; {@code null} when absent.
	 */
	public static String property(FlowElement element, String name) {
		if (element != null && element.getExtensionElements() != null) {
			for (CamundaProperty property : element.getExtensionElements()
				.getElementsQuery()
				.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
				.list()
				.stream()
				.flatMap(properties -> properties.getCamundaProperties().stream())
				.toList()) {
				if (name.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
					return property.getCamundaValue().strip();
				}
			}
		}
		return null;
	}

}
