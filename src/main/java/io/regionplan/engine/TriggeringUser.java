package io.regionplan.engine;

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
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Remembers who set a process instance going, so that a rule task running later as a job
 * (after an async boundary, maybe after a restart) records the user whose action led to
 * it, and {@code system} after a timer. Each process instance keeps its own
 * {@value #VARIABLE}: a user task's completion, a sequence flow taken by an authenticated
 * user, and a timer write it; a called process (a month, a quarter, a quarterly review)
 * starts with its caller's, and hands its own back to the caller when it ends, so a
 * quarterly review names the manager whose monthly report ended the quarter, not whoever
 * completed the cycle's last task.
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

	/**
	 * Inside a job (a rule task after its async boundary): whoever the instance recorded
	 * when the job was made; otherwise the authenticated user; {@code system} when
	 * neither is known.
	 */
	public static String of(DelegateExecution execution) {
		Object recorded = execution.getProcessInstance().getVariableLocal(VARIABLE);
		String user = authenticatedUser();
		if (user != null && !runningJob()) {
			return user;
		}
		return recorded instanceof String name && !name.isBlank() ? name : user != null ? user : SYSTEM;
	}

	private static String authenticatedUser() {
		Authentication authentication = Context.getCommandContext().getAuthentication();
		return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : null;
	}

	/**
	 * Whether the current command executes a job: its user (an admin retrying it) did not
	 * cause the work.
	 */
	private static boolean runningJob() {
		return Context.getCommandContext().getCurrentJob() != null;
	}

	/**
	 * Writes the instance's triggering user when it changes (no variable update for the
	 * same value).
	 */
	static void record(DelegateExecution execution, String user) {
		DelegateExecution instance = execution.getProcessInstance();
		if (!user.equals(instance.getVariableLocal(VARIABLE))) {
			instance.setVariableLocal(VARIABLE, user);
		}
	}

	static final class ParseListener extends AbstractBpmnParseListener {

		private static final TaskListener COMPLETED_BY = task -> {
			String user = authenticatedUser();
			user = user != null ? user : task.getAssignee();
			record(task.getExecution(), user != null ? user : SYSTEM);
		};

		private static final ExecutionListener TIMER = execution -> record(execution, SYSTEM);

		/**
		 * A flow taken in a command of an authenticated user (a start, a message): that
		 * user.
		 */
		private static final ExecutionListener TAKEN = execution -> {
			String user = authenticatedUser();
			if (user != null && !runningJob()) {
				record(execution, user);
			}
		};

		/**
		 * A called process starts with its caller's triggering user, unless a user starts
		 * it.
		 */
		private static final ExecutionListener STARTED = execution -> {
			String user = authenticatedUser();
			if (user != null && !runningJob()) {
				record(execution, user);
				return;
			}
			DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
			Object callers = caller == null ? null : caller.getProcessInstance().getVariableLocal(VARIABLE);
			if (callers instanceof String name) {
				record(execution, name);
			}
		};

		/** A called process hands its triggering user back to its caller when it ends. */
		private static final ExecutionListener ENDED = execution -> {
			DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
			Object own = execution.getProcessInstance().getVariableLocal(VARIABLE);
			if (caller != null && own instanceof String name) {
				record(caller, name);
			}
		};

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
			else if (scope instanceof org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl) {
				startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, STARTED);
			}
		}

		@Override
		public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
			if (scope instanceof org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ENDED);
			}
		}

		@Override
		public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scopeElement, TransitionImpl transition) {
			transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE, TAKEN);
		}

	}

}
