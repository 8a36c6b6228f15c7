package io.regionplan.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.stereotype.Component;

/**
 * Compiles each rule set once per content and remembers which content every deployment
 * holds, so a process instance runs the rules of its own deployment and a redeployment
 * that leaves a rule set unchanged reuses the compiled knowledge base.
 */
@Component
public class RuleSetRegistry {

	private final RuleSetCompiler compiler = new RuleSetCompiler();

	/**
	 * The compiled rule sets most recently used, by content: what-ifs of many candidates
	 * do not pile up.
	 */
	private final Map<String, CompiledRuleSet> byContentHash = new java.util.LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
			return size() > MAX_COMPILED;
		}
	};

	/**
	 * How many compiled rule sets are kept; one evicted is compiled again when it is
	 * needed.
	 */
	static final int MAX_COMPILED = 64;

	private final Map<String, RuleSetSource> byDeployment = new ConcurrentHashMap<>();

	/**
	 * Compiles (or finds the compiled) rule set; throws
	 * {@link RuleSetCompilationException} with positions.
	 */
	public CompiledRuleSet compile(RuleSetSource source) {
		synchronized (byContentHash) {
			CompiledRuleSet compiled = byContentHash.get(source.contentHash());
			if (compiled != null) {
				return compiled;
			}
		}
		// outside the lock: another rule set compiles meanwhile; two threads compiling
		// the same one are alike
		CompiledRuleSet compiled = compiler.compile(source);
		synchronized (byContentHash) {
			return byContentHash.merge(source.contentHash(), compiled, (kept, same) -> kept);
		}
	}

	/**
	 * The rule set as held by a deployment. The caller must be allowed to read the
	 * deployment, or run without authorization (as the rule-task delegate does).
	 */
	public RuleSetSource source(RepositoryService repository, String deploymentId, String ruleSet) {
		RuleSetSource source = byDeployment.computeIfAbsent(deploymentId + "/" + ruleSet,
				key -> readSource(repository, deploymentId, ruleSet));
		if (source.files().isEmpty()) {
			byDeployment.remove(deploymentId + "/" + ruleSet);
			throw new IllegalArgumentException("部署 " + deploymentId + " 中没有规则集 " + ruleSet + " / deployment '"
					+ deploymentId + "' holds no rule set '" + ruleSet + "'");
		}
		return source;
	}

	public CompiledRuleSet forDeployment(RepositoryService repository, String deploymentId, String ruleSet) {
		return compile(source(repository, deploymentId, ruleSet));
	}

	/**
	 * The rule set as a deployment holds it, compiled, with its version (deployment and
	 * content hash).
	 */
	public RuleSetAt at(RepositoryService repository, String deploymentId, String ruleSet) {
		RuleSetSource source = source(repository, deploymentId, ruleSet);
		return new RuleSetAt(new RuleSetVersion(ruleSet, deploymentId, source.contentHash()), compile(source));
	}

	/**
	 * The rule set of an execution's own deployment, compiled. Inside a command, without
	 * the current user's authorization: the rule files belong to the deployment, not to
	 * the user working on the instance.
	 */
	public CompiledRuleSet forExecution(DelegateExecution execution, String ruleSet) {
		String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
		return Context.getCommandContext()
			.runWithoutAuthorization(() -> forDeployment(execution.getProcessEngineServices().getRepositoryService(),
					deploymentId, ruleSet));
	}

	public RuleSetVersion versionFor(DelegateExecution execution, String ruleSet) {
		String deploymentId = ((ExecutionEntity) execution).getProcessDefinition().getDeploymentId();
		return new RuleSetVersion(ruleSet, deploymentId, forExecution(execution, ruleSet).contentHash());
	}

	private static RuleSetSource readSource(RepositoryService repository, String deploymentId, String ruleSet) {
		String folder = "rules/" + ruleSet + "/";
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (Resource resource : repository.getDeploymentResources(deploymentId)) {
			if (resource.getName().startsWith(folder) && RuleSetSource.isRuleFile(resource.getName())) {
				try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
					files.put(resource.getName(), in.readAllBytes());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return RuleSetSource.of(files).getOrDefault(ruleSet, new RuleSetSource(ruleSet, new java.util.TreeMap<>()));
	}

}
