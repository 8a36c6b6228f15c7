package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.regionplan.engine.EngineCalls;
import io.regionplan.rules.RuleSetRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The versions of every process and rule set: when, by whom, how many instances run on
 * each. Moving instances between versions is {@link ProcessMigrations}.
 */
@Service
public class ProcessVersions {

	/** Who made a deployment that the API did not (the application's own at startup). */
	static final String STARTUP = "startup";

	private final ProcessEngine engine;

	private final RuleSetRegistry rules;

	private final DeploymentSettings settings;

	private final JdbcTemplate jdbc;

	ProcessVersions(ProcessEngine engine, RuleSetRegistry rules, DeploymentSettings settings, JdbcTemplate jdbc) {
		this.engine = engine;
		this.rules = rules;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	public record ProcessVersion(int version, String definitionId, String deploymentId, Date deployedAt, String author,
			long runningInstances) {
	}

	/**
	 * A distinct content of a rule set: the deployments that hold it (first the one that
	 * introduced it) and the cycles (root process instances) running on those
	 * deployments, which evaluate exactly this content.
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
				.orderByProcessDefinitionKey()
				.asc()
				.orderByProcessDefinitionVersion()
				.desc()
				.list()) {
				Deployment deployment = byId.get(definition.getDeploymentId());
				processes.computeIfAbsent(definition.getKey(), k -> new ArrayList<>())
					.add(new ProcessVersion(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
							deployment.getDeploymentTime(), authors.getOrDefault(definition.getDeploymentId(), STARTUP),
							runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count()));
			}
			Map<String, List<RuleSetVersion>> ruleSets = new TreeMap<>();
			Map<String, Map<String, List<Deployment>>> byHash = new TreeMap<>();
			for (Deployment deployment : repository.createDeploymentQuery()
				.deploymentName(settings.name())
				.orderByDeploymentTime()
				.asc()
				.list()) {
				TreeSet<String> names = new TreeSet<>();
				for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
					if (resource.startsWith("rules/") && resource.indexOf('/', 6) > 6) {
						names.add(resource.substring(6, resource.indexOf('/', 6)));
					}
				}
				for (String ruleSet : names) {
					String hash = rules.source(repository, deployment.getId(), ruleSet).contentHash();
					byHash.computeIfAbsent(ruleSet, k -> new LinkedHashMap<>())
						.computeIfAbsent(hash, k -> new ArrayList<>())
						.add(deployment);
				}
			}
			Map<String, Long> running = new HashMap<>();
			byHash.forEach((ruleSet, versions) -> {
				List<RuleSetVersion> list = new ArrayList<>();
				versions.forEach((hash, deployments) -> {
					long instances = deployments.stream()
						.mapToLong(d -> running.computeIfAbsent(d.getId(),
								id -> runtime.createProcessInstanceQuery()
									.deploymentId(id)
									.rootProcessInstances()
									.count()))
						.sum();
					Deployment first = deployments.get(0);
					list.add(0,
							new RuleSetVersion(hash, first.getId(), first.getDeploymentTime(),
									authors.getOrDefault(first.getId(), STARTUP),
									deployments.stream().map(Deployment::getId).toList(), instances));
				});
				ruleSets.put(ruleSet, list);
			});
			return new Versions(processes, ruleSets);
		});
	}

	private Map<String, String> authors() {
		Map<String, String> authors = new HashMap<>();
		jdbc.query("select deployment_id, user_id from deployment_audit where outcome = 'DEPLOYED'", rs -> {
			authors.put(rs.getString(1), rs.getString(2));
		});
		return authors;
	}

}
