package io.regionplan.deployment;

import java.nio.file.Path;

import io.regionplan.rules.RuleSetRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At startup, validates every file ({@link ProcessFilesValidator}: a wrong BPMN, rule or
 * form file stops startup with its file and line, and nothing is deployed), then deploys
 * processes/, rules/ and forms/ as one deployment if they changed. Runs as the engine is
 * built, before the job executor takes any job.
 */
@Component
@Order(30)
class ProcessFilesDeployer extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ProcessFilesDeployer.class);

	private final DeploymentSettings settings;

	private final RuleSetRegistry rules;

	private final ResourcePatternResolver resolver;

	private final ObjectProvider<ProcessVariablesCheck> variables;

	private final ListableBeanFactory beans;

	ProcessFilesDeployer(DeploymentSettings settings, RuleSetRegistry rules, ResourcePatternResolver resolver,
			ObjectProvider<ProcessVariablesCheck> variables, ListableBeanFactory beans) {
		this.beans = beans;
		this.settings = settings;
		this.variables = variables;
		this.rules = rules;
		this.resolver = resolver;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessFiles files = settings.fromClasspath() ? ProcessFiles.fromClasspath(resolver)
				: ProcessFiles.fromFolder(Path.of(settings.source()));
		if (files.files().isEmpty()) {
			throw new IllegalStateException("No process files found in " + settings.source()
					+ " (expected processes/*.bpmn, forms/*.form, rules/<rule-set>/*.drl)");
		}
		java.util.List<FileProblem> problems = new ProcessFilesValidator(rules, variables.getIfAvailable(), beans)
			.validate(files);
		if (!problems.isEmpty()) {
			// The engine is built and registered by now; closing it leaves no
			// half-started engine behind.
			engine.close();
			throw new ProcessFilesInvalidException(problems);
		}
		ProcessFilesDeployment.Result result = ProcessFilesDeployment.deploy(engine.getRepositoryService(),
				settings.name(), files);
		log.info("{} deployment '{}' ({} files, {} rule sets) from {}", result.created() ? "Created" : "Unchanged",
				result.deployment().getId(), files.files().size(), files.ruleSets().size(), settings.source());
	}

}
