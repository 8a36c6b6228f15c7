package io.regionplan.rules;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Remembers who set a process instance going, so that a rule task running later as a job (after an
 * async boundary) records the user whose task completion led to it, and {@code system} after a timer.
 * Every user task's completion and every timer event write the process variable {@value #VARIABLE}.
 */
@Component
@Order(40)
public class TriggeringUser extends AbstractProcessEnginePlugin {

	public static final String VARIABLE = "triggeredBy";

	public static final String SYSTEM = "system";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new ParseListener());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	/** The authenticated user; else whoever the instance's variable names; else {@code system}. */
	public static String of(DelegateExecution execution) {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		Object recorded = execution.getVariable(VARIABLE);
		return recorded instanceof String user && !user.isBlank() ? user : SYSTEM;
	}

	static final class ParseListener extends AbstractBpmnParseListener {

		private static final TaskListener COMPLETED_BY = task -> {
			Authentication authentication = Context.getCommandContext().getAuthentication();
			String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
					: task.getAssignee();
			task.getExecution().setVariable(VARIABLE, user != null ? user : SYSTEM);
		};

		private static final ExecutionListener TIMER = execution -> execution.setVariable(VARIABLE, SYSTEM);

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, COMPLETED_BY);
		}

		@Override
		public void parseIntermediateTimerEventDefinition(Element timerEventDefinition, ActivityImpl timerActivity) {
			timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, TIMER);
		}

		@Override
		public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
				ActivityImpl timerActivity) {
			timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, TIMER);
		}

		@Override
		public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
			if (startEventElement.element("timerEventDefinition") != null) {
				startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, TIMER);
			}
		}

	}

}
