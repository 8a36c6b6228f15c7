package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The move of running instances from one process version to another with Camunda's
 * migration API, all or nothing, audited.
 */
@Service
class ProcessMigrations {

	private final ProcessEngine engine;

	private final DeploymentAudit audit;

	private final TransactionTemplate transactions;

	ProcessMigrations(ProcessEngine engine, DeploymentAudit audit, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.engine = engine;
		this.audit = audit;
	}

	/**
	 * A moved instance evaluates the rule sets of its new deployment from its next rule
	 * task on; the processes it has called (a quarter, a month) keep their own version
	 * until they end.
	 *
	 * @param outcome {@code MIGRATED}, {@code NOTHING_TO_MIGRATE} or {@code REFUSED}
	 * @param instances per source version: how many instances ran on it
	 * @param problems why Camunda refuses the move (unmapped activities, instances in a
	 * state the new version cannot take); when there are any, no instance moved
	 */
	public record Migration(String outcome, String processKey, int toVersion, Map<Integer, Long> instances,
			long migrated, List<String> problems) {
	}

	/**
	 * Moves the running instances of {@code processKey}'s versions older than the target
	 * (or only {@code fromVersion}) to {@code toVersion} (the latest when null), mapping
	 * the activities with equal ids. Each source version is validated first; one refusal
	 * moves nothing at all.
	 */
	public Migration migrate(String processKey, Integer fromVersion, Integer toVersion, String userId) {
		Planned planned = EngineCalls.withoutAuthorization(engine, () -> plan(processKey, fromVersion, toVersion));
		Migration migration = planned.refused();
		if (migration == null) {
			try {
				// one transaction for every source version: a refused instance rolls back
				// those moved before it
				long migrated = transactions.execute(status -> EngineCalls.withoutAuthorization(engine,
						() -> migrateAll(engine.getRuntimeService(), planned.plans())));
				migration = new Migration("MIGRATED", processKey, planned.toVersion(), planned.instances(), migrated,
						List.of());
			}
			catch (MigratingProcessInstanceValidationException ex) {
				List<String> problems = new ArrayList<>();
				// (Camunda's per-instance report: which activity instance cannot move and
				// why)
				ex.getValidationReport()
					.getActivityInstanceReports()
					.forEach(report -> report.getFailures()
						.forEach(failure -> problems.add(ex.getValidationReport().getProcessInstanceId() + " "
								+ report.getSourceScopeId() + ": " + failure)));
				ex.getValidationReport()
					.getFailures()
					.forEach(failure -> problems.add(ex.getValidationReport().getProcessInstanceId() + ": " + failure));
				if (problems.isEmpty()) {
					problems.add(ex.getMessage());
				}
				migration = new Migration("REFUSED", processKey, planned.toVersion(), planned.instances(), 0, problems);
			}
			catch (ProcessEngineException ex) {
				// e.g. an instance changed or ended meanwhile: nothing moved, say why
				migration = new Migration("REFUSED", processKey, planned.toVersion(), planned.instances(), 0,
						List.of(ex.getMessage()));
			}
		}
		audit(migration, userId);
		return migration;
	}

	/**
	 * The validated plans per source version, or the answer when there is nothing to
	 * execute.
	 */
	private record Planned(int toVersion, Map<Integer, Long> instances, Map<ProcessDefinition, MigrationPlan> plans,
			Migration refused) {
	}

	private Planned plan(String processKey, Integer fromVersion, Integer toVersion) {
		RepositoryService repository = engine.getRepositoryService();
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.orderByProcessDefinitionVersion()
			.desc()
			.list();
		if (definitions.isEmpty()) {
			throw new IllegalArgumentException("没有这个流程 / no process '" + processKey + "'");
		}
		ProcessDefinition target = toVersion == null ? definitions.get(0)
				: definitions.stream()
					.filter(d -> d.getVersion() == toVersion)
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("流程 " + processKey + " 没有版本 " + toVersion
							+ " / process '" + processKey + "' has no version " + toVersion));
		if (fromVersion != null && definitions.stream().noneMatch(d -> d.getVersion() == fromVersion)) {
			throw new IllegalArgumentException("流程 " + processKey + " 没有版本 " + fromVersion + " / process '" + processKey
					+ "' has no version " + fromVersion);
		}
		if (fromVersion != null && fromVersion == target.getVersion()) {
			throw new IllegalArgumentException(
					"源版本与目标版本相同 / the source and target version are the same (" + fromVersion + ")");
		}
		RuntimeService runtime = engine.getRuntimeService();
		Map<Integer, Long> instances = new TreeMap<>();
		Map<ProcessDefinition, MigrationPlan> plans = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (ProcessDefinition source : definitions) {
			boolean chosen = fromVersion != null ? source.getVersion() == fromVersion
					: source.getVersion() < target.getVersion();
			if (!chosen) {
				continue;
			}
			long count = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
			if (count == 0) {
				continue;
			}
			instances.put(source.getVersion(), count);
			try {
				plans.put(source, MigrationPlans.byEqualIds(engine, source.getId(), target.getId()));
			}
			catch (MigrationPlanValidationException ex) {
				int before = problems.size();
				for (MigrationInstructionValidationReport report : ex.getValidationReport().getInstructionReports()) {
					report.getFailures()
						.forEach(failure -> problems.add("v" + source.getVersion() + " "
								+ report.getMigrationInstruction().getSourceActivityId() + ": " + failure));
				}
				if (problems.size() == before) {
					problems.add("v" + source.getVersion() + ": " + ex.getMessage());
				}
			}
		}
		Migration refused = null;
		if (!problems.isEmpty()) {
			refused = new Migration("REFUSED", processKey, target.getVersion(), instances, 0, problems);
		}
		else if (plans.isEmpty()) {
			refused = new Migration("NOTHING_TO_MIGRATE", processKey, target.getVersion(), instances, 0, List.of());
		}
		return new Planned(target.getVersion(), instances, plans, refused);
	}

	private static long migrateAll(RuntimeService runtime, Map<ProcessDefinition, MigrationPlan> plans) {
		long migrated = 0;
		for (Map.Entry<ProcessDefinition, MigrationPlan> plan : plans.entrySet()) {
			List<String> ids = runtime.createProcessInstanceQuery()
				.processDefinitionId(plan.getKey().getId())
				.list()
				.stream()
				.map(instance -> instance.getId())
				.toList();
			if (ids.isEmpty()) {
				continue;
			}
			runtime.newMigration(plan.getValue()).processInstanceIds(ids).execute();
			migrated += ids.size();
		}
		return migrated;
	}

	/**
	 * In the deployment audit: outcome MIGRATED or NOT_MIGRATED, what moved where in
	 * {@code files}.
	 */
	private void audit(Migration migration, String userId) {
		if (migration.outcome().equals("NOTHING_TO_MIGRATE")) {
			return;
		}
		audit.record(DeploymentAudit.Action.MIGRATE,
				migration.outcome().equals("MIGRATED") ? "MIGRATED" : "NOT_MIGRATED", null, userId,
				Map.of("process", migration.processKey(), "toVersion", migration.toVersion(), "instancesByVersion",
						migration.instances()),
				migration.problems(), false);
	}

}
