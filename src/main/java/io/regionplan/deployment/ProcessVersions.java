package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;


import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of every process and rule set (when, by whom, how many instances run on each), and the
 * move of running instances from one process version to another with Camunda's migration API.
 */
@Service
public class ProcessVersions {

	/** Who made a deployment that the API did not (the application's own at startup). */
	static final String STARTUP = "startup";

	private final ProcessEngine engine;

	private final RuleSetRegistry rules;

	private final DeploymentSettings settings;

	private final JdbcTemplate jdbc;

	private final DeploymentAudit audit;

	private final TransactionTemplate transactions;

	ProcessVersions(ProcessEngine engine, RuleSetRegistry rules, DeploymentSettings settings, JdbcTemplate jdbc,
			DeploymentAudit audit, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.engine = engine;
		this.rules = rules;
		this.settings = settings;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record ProcessVersion(int version, String definitionId, String deploymentId, Date deployedAt, String author,
			long runningInstances) {
	}

	/**
	 * A distinct content of a rule set: the deployments that hold it (first the one that introduced it) and
	 * the cycles (root process instances) running on those deployments, which evaluate exactly this content.
	 */
	public record RuleSetVersion(String contentHash, String firstDeploymentId, Date deployedAt, String author,
			List<String> deploymentIds, long runningInstances) {
	}

	public record Versions(Map<String, List<ProcessVersion>> processes, Map<String, List<RuleSetVersion>> ruleSets) {
	}

	/** Newest first, per process key and per rule set. */
	public Versions versions() {
		return EngineCalls.withoutAuthorization(engine, () -> {
			RepositoryService repository = engine.getRepositoryService();
			RuntimeService runtime = engine.getRuntimeService();
			Map<String, String> authors = authors();
			Map<String, Deployment> byId = new HashMap<>();
			repository.createDeploymentQuery().list().forEach(d -> byId.put(d.getId(), d));
			Map<String, List<ProcessVersion>> processes = new TreeMap<>();
			for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
				.orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list()) {
				Deployment deployment = byId.get(definition.getDeploymentId());
				processes.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(new ProcessVersion(
						definition.getVersion(), definition.getId(), definition.getDeploymentId(), deployment.getDeploymentTime(),
						authors.getOrDefault(definition.getDeploymentId(), STARTUP),
						runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count()));
			}
			Map<String, List<RuleSetVersion>> ruleSets = new TreeMap<>();
			Map<String, Map<String, List<Deployment>>> byHash = new TreeMap<>();
			for (Deployment deployment : repository.createDeploymentQuery().deploymentName(settings.name())
				.orderByDeploymentTime().asc().list()) {
				TreeSet<String> names = new TreeSet<>();
				for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
					if (resource.startsWith("rules/") && resource.indexOf('/', 6) > 6) {
						names.add(resource.substring(6, resource.indexOf('/', 6)));
					}
				}
				for (String ruleSet : names) {
					String hash = rules.source(repository, deployment.getId(), ruleSet).contentHash();
					byHash.computeIfAbsent(ruleSet, k -> new LinkedHashMap<>()).computeIfAbsent(hash, k -> new ArrayList<>())
						.add(deployment);
				}
			}
			Map<String, Long> running = new HashMap<>();
			byHash.forEach((ruleSet, versions) -> {
				List<RuleSetVersion> list = new ArrayList<>();
				versions.forEach((hash, deployments) -> {
					long instances = deployments.stream()
						.mapToLong(d -> running.computeIfAbsent(d.getId(),
								id -> runtime.createProcessInstanceQuery().deploymentId(id).rootProcessInstances().count()))
						.sum();
					Deployment first = deployments.get(0);
					list.add(0, new RuleSetVersion(hash, first.getId(), first.getDeploymentTime(),
							authors.getOrDefault(first.getId(), STARTUP), deployments.stream().map(Deployment::getId).toList(),
							instances));
				});
				ruleSets.put(ruleSet, list);
			});
			return new Versions(processes, ruleSets);
		});
	}

	private Map<String, String> authors() {
		Map<String, String> authors = new HashMap<>();
		jdbc.query("select deployment_id, user_id from deployment_audit where outcome = 'DEPLOYED'",
				rs -> {
					authors.put(rs.getString(1), rs.getString(2));
				});
		return authors;
	}

	/**
	 * A moved instance evaluates the rule sets of its new deployment from its next rule task on; the processes
	 * it has called (a quarter, a month) keep their own version until they end.
	 *
	 * @param outcome {@code MIGRATED}, {@code NOTHING_TO_MIGRATE} or {@code REFUSED}
	 * @param instances per source version: how many instances ran on it
	 * @param problems why Camunda refuses the move (unmapped activities, instances in a state the new version
	 * cannot take); when there are any, no instance moved
	 */
	public record Migration(String outcome, String processKey, int toVersion, Map<Integer, Long> instances,
			long migrated, List<String> problems) {
	}

	/**
	 * Moves the running instances of {@code processKey}'s versions older than the target (or only {@code fromVersion}) to
	 * {@code toVersion} (the latest when null), mapping the activities with equal ids. Each source version is
	 * validated first; one refusal moves nothing at all.
	 */
	public Migration migrate(String processKey, Integer fromVersion, Integer toVersion, String userId) {
		Planned planned = EngineCalls.withoutAuthorization(engine, () -> plan(processKey, fromVersion, toVersion));
		Migration migration = planned.refused();
		if (migration == null) {
			try {
				// one transaction for every source version: a refused instance rolls back those moved before it
				long migrated = transactions.execute(status -> EngineCalls.withoutAuthorization(engine,
						() -> migrateAll(engine.getRuntimeService(), planned.plans())));
				migration = new Migration("MIGRATED", processKey, planned.toVersion(), planned.instances(), migrated, List.of());
			}
			catch (MigratingProcessInstanceValidationException ex) {
				List<String> problems = new ArrayList<>();
				// (Camunda's per-instance report: which activity instance cannot move and why)
				ex.getValidationReport().getActivityInstanceReports().forEach(report -> report.getFailures()
					.forEach(failure -> problems.add(ex.getValidationReport().getProcessInstanceId() + " "
							+ report.getSourceScopeId() + ": " + failure)));
				ex.getValidationReport().getFailures().forEach(failure -> problems.add(
						ex.getValidationReport().getProcessInstanceId() + ": " + failure));
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

	/** The validated plans per source version, or the answer when there is nothing to execute. */
	private record Planned(int toVersion, Map<Integer, Long> instances, Map<ProcessDefinition, MigrationPlan> plans,
			Migration refused) {
	}

	private Planned plan(String processKey, Integer fromVersion, Integer toVersion) {
		RepositoryService repository = engine.getRepositoryService();
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.orderByProcessDefinitionVersion().desc().list();
		if (definitions.isEmpty()) {
			throw new IllegalArgumentException("没有这个流程 / no process '" + processKey + "'");
		}
		ProcessDefinition target = toVersion == null ? definitions.get(0) : definitions.stream()
			.filter(d -> d.getVersion() == toVersion).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("流程 " + processKey + " 没有版本 " + toVersion
					+ " / process '" + processKey + "' has no version " + toVersion));
		if (fromVersion != null && definitions.stream().noneMatch(d -> d.getVersion() == fromVersion)) {
			throw new IllegalArgumentException("流程 " + processKey + " 没有版本 " + fromVersion + " / process '"
					+ processKey + "' has no version " + fromVersion);
		}
		if (fromVersion != null && fromVersion == target.getVersion()) {
			throw new IllegalArgumentException("源版本与目标版本相同 / the source and target version are the same ("
					+ fromVersion + ")");
		}
		RuntimeService runtime = engine.getRuntimeService();
		Map<Integer, Long> instances = new TreeMap<>();
		Map<ProcessDefinition, MigrationPlan> plans = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (ProcessDefinition source : definitions) {
			boolean chosen = fromVersion != null ? source.getVersion() == fromVersion : source.getVersion() < target.getVersion();
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
					report.getFailures().forEach(failure -> problems.add("v" + source.getVersion() + " "
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
			List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(plan.getKey().getId()).list()
				.stream().map(instance -> instance.getId()).toList();
			if (ids.isEmpty()) {
				continue;
			}
			runtime.newMigration(plan.getValue()).processInstanceIds(ids).execute();
			migrated += ids.size();
		}
		return migrated;
	}

	/** In the deployment audit: outcome MIGRATED or NOT_MIGRATED, what moved where in {@code files}. */
	private void audit(Migration migration, String userId) {
		if (migration.outcome().equals("NOTHING_TO_MIGRATE")) {
			return;
		}
		audit.record(DeploymentAudit.Action.MIGRATE, migration.outcome().equals("MIGRATED") ? "MIGRATED" : "NOT_MIGRATED",
				null, userId, Map.of("process", migration.processKey(), "toVersion", migration.toVersion(),
						"instancesByVersion", migration.instances()), migration.problems(), false);
	}

}
