package io.regionplan.deployment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The migration plan from one process version to another that maps every activity to the
 * activity with the same id. Camunda's {@code mapEqualActivities} maps only activities
 * whose parent scopes map too, so it leaves out a task that the new version moved into a
 * sub-process (the flat planning cycle's tasks, now in its phases); such a task is mapped
 * explicitly, and Camunda creates the new sub-process around it.
 */
final class MigrationPlans {

	private MigrationPlans() {
	}

	/**
	 * @throws MigrationPlanValidationException when Camunda refuses the activities with
	 * equal ids in equal scopes (an explicit mapping it refuses is left out, as
	 * {@code mapEqualActivities} leaves out what it cannot map: an instance waiting there
	 * is refused when it is migrated, naming the activity)
	 */
	static MigrationPlan byEqualIds(ProcessEngine engine, String sourceDefinitionId, String targetDefinitionId) {
		MigrationPlan equalScopes = engine.getRuntimeService()
			.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
			.mapEqualActivities()
			.updateEventTriggers()
			.build();
		Set<String> moved = waitingPlaces(engine, sourceDefinitionId);
		moved.retainAll(waitingPlaces(engine, targetDefinitionId));
		equalScopes.getInstructions().forEach(instruction -> moved.remove(instruction.getSourceActivityId()));
		Set<String> triggers = catchEventIds(engine, targetDefinitionId);
		while (!moved.isEmpty()) {
			try {
				return plan(engine, sourceDefinitionId, targetDefinitionId, moved, triggers).build();
			}
			catch (MigrationPlanValidationException ex) {
				// e.g. a user task that became a receive task: left out, as
				// mapEqualActivities leaves it out
				Set<String> refused = ex.getValidationReport()
					.getInstructionReports()
					.stream()
					.map(MigrationInstructionValidationReport::getMigrationInstruction)
					.map(MigrationInstruction::getSourceActivityId)
					.filter(moved::contains)
					.collect(Collectors.toSet());
				if (refused.isEmpty()) {
					throw ex;
				}
				moved.removeAll(refused);
			}
		}
		return equalScopes;
	}

	private static MigrationPlanBuilder plan(ProcessEngine engine, String source, String target, Set<String> moved,
			Set<String> triggers) {
		MigrationPlanBuilder plan = engine.getRuntimeService()
			.createMigrationPlan(source, target)
			.mapEqualActivities()
			.updateEventTriggers();
		for (String activity : moved) {
			MigrationInstructionBuilder instruction = plan.mapActivities(activity, activity);
			// as updateEventTriggers() does for the generated instructions: timers and
			// messages follow the new version
			plan = triggers.contains(activity) ? instruction.updateEventTrigger() : instruction;
		}
		return plan;
	}

	private static Set<String> catchEventIds(ProcessEngine engine, String definitionId) {
		return engine.getRepositoryService()
			.getBpmnModelInstance(definitionId)
			.getModelElementsByType(CatchEvent.class)
			.stream()
			.filter(event -> !event.getEventDefinitions().isEmpty())
			.map(CatchEvent::getId)
			.collect(Collectors.toSet());
	}

	/**
	 * The flow nodes where an instance can wait, those Camunda migrates: wait states and
	 * asynchronous continuations (a rule task's job), and the sub-processes around them.
	 */
	private static Set<String> waitingPlaces(ProcessEngine engine, String definitionId) {
		return engine.getRepositoryService()
			.getBpmnModelInstance(definitionId)
			.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(MigrationPlans::canWait)
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static boolean canWait(FlowNode node) {
		return node instanceof UserTask || node instanceof ReceiveTask || node instanceof SubProcess
				|| node instanceof CallActivity || node instanceof IntermediateCatchEvent
				|| node instanceof BoundaryEvent || node instanceof EventBasedGateway || node.isCamundaAsyncBefore()
				|| node.isCamundaAsyncAfter();
	}

}
