package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The {@link TimerBounds} in the engine's own BPMN parser: a file that reaches the engine
 * without the deployment API (the repository service, a test, a tool) cannot deploy a
 * timer that fires every second or a job that retries a thousand times either.
 */
@Component
class TimerBoundsPlugin extends AbstractProcessEnginePlugin {

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		listeners.add(new Listener());
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	private static final class Listener extends AbstractBpmnParseListener {

		@Override
		public void parseProcess(Element process, ProcessDefinitionEntity definition) {
			check(process, process.attribute("id"));
		}

		/**
		 * @param id the enclosing element's id: the refusal names the event or task, as
		 * the deployment API does
		 */
		private static void check(Element element, String id) {
			String refused = null;
			if (BPMN_NS.equals(element.getUri()) && element.getTagName().equals("timeCycle")) {
				refused = TimerBounds.cycle(element.getText().strip());
			}
			else if (CAMUNDA_NS.equals(element.getUri()) && element.getTagName().equals("failedJobRetryTimeCycle")) {
				refused = TimerBounds.retryCycle(element.getText().strip());
			}
			if (refused != null) {
				throw new BpmnParseException(id + ": " + refused, element);
			}
			boolean named = element.attribute("id") != null && !element.getTagName().endsWith("EventDefinition");
			String here = named ? element.attribute("id") : id;
			element.elements().forEach(child -> check(child, here));
		}

	}

}
