package io.regionplan.rules;

import java.util.List;
import java.util.Optional;

import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rule sets new cycles start with: those of the latest deployment of the process
 * files. Found here, in the engine's deployments, so that replaying a decision needs the
 * rules only, not the module that deploys.
 */
@Component
public class RuleSetsInForce {

	private final ProcessEngine engine;

	private final RuleSetRegistry registry;

	/** The name every version of the process files is deployed under. */
	private final String deploymentName;

	/**
	 * @param deploymentName the deployment module's setting
	 * ({@code DeploymentSettings.name}), read here rather than asked of that module,
	 * which itself uses the rules
	 */
	RuleSetsInForce(ProcessEngine engine, RuleSetRegistry registry,
			@Value("${regionplan.deployment.name:regionplan}") String deploymentName) {
		this.engine = engine;
		this.registry = registry;
		this.deploymentName = deploymentName;
	}

	/**
	 * The rule set as the latest deployment holds it; empty when nothing is deployed yet
	 * or the latest deployment holds no such rule set.
	 */
	public Optional<RuleSetAt> inForce(String ruleSet) {
		return EngineCalls.withoutAuthorization(engine, () -> {
			RepositoryService repository = engine.getRepositoryService();
			List<Deployment> latest = repository.createDeploymentQuery()
				.deploymentName(deploymentName)
				.orderByDeploymentTime()
				.desc()
				.listPage(0, 1);
			if (latest.isEmpty()) {
				return Optional.<RuleSetAt>empty();
			}
			try {
				return Optional.of(registry.at(repository, latest.get(0).getId(), ruleSet));
			}
			catch (IllegalArgumentException ex) {
				return Optional.<RuleSetAt>empty();
			}
		});
	}

}
