package io.regionplan.planning;

import java.nio.file.Path;

import io.regionplan.deployment.ProcessFiles;
import io.regionplan.deployment.ProcessFilesDeployment;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * An in-memory engine for the process tests, with mocks standing in for the Spring beans
 * the BPMN expressions name; it carries the repository's processes, forms and rules as
 * one deployment. Shared by the process tests of every feature.
 */
public final class ProcessTestEngine {

	private ProcessTestEngine() {
	}

	public static ProcessEngine create(String name) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setExpressionManager(new MockExpressionManager());
		configuration.setJavaSerializationFormatEnabled(false);
		return configuration.setProcessEngineName(name)
			.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000")
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.buildProcessEngine();
	}

	public static String deploy(ProcessEngine engine) {
		return ProcessFilesDeployment
			.deploy(engine.getRepositoryService(), "process-tests", ProcessFiles.fromFolder(Path.of(".")))
			.deployment()
			.getId();
	}

}
