package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * Restarts an engine over the same database file, as the application does over ./data.
 */
@Tag("process")
class ProcessFilesDeploymentTests {

	@TempDir
	Path data;

	@TempDir
	Path checkout;

	@BeforeEach
	void copyTheRepositoryFolders() throws IOException {
		for (String folder : new String[] { "processes", "rules", "forms" }) {
			FileSystemUtils.copyRecursively(Path.of(folder), checkout.resolve(folder));
		}
	}

	@Test
	void restartWithUnchangedFilesCreatesNoNewVersion() {
		restart(repository -> assertThat(deploy(repository).created()).isTrue());
		restart(repository -> {
			assertThat(deploy(repository).created()).isFalse();
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
			assertThat(repository.createProcessDefinitionQuery()
				.processDefinitionKey("regional-planning-cycle")
				.latestVersion()
				.singleResult()
				.getVersion()).isEqualTo(1);
		});
	}

	@Test
	void changingOneRuleFileCreatesExactlyOneNewVersionHoldingEveryFile() throws IOException {
		restart(repository -> deploy(repository));
		Path rule = checkout.resolve("rules/volume-gap/parameters.properties");
		Files.writeString(rule, Files.readString(rule).replace("gap.plan.max = 0.15", "gap.plan.max = 0.20"));

		restart(repository -> {
			ProcessFilesDeployment.Result result = deploy(repository);
			assertThat(result.created()).isTrue();
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(2);
			assertThat(repository.getDeploymentResourceNames(result.deployment().getId()))
				.containsExactlyInAnyOrderElementsOf(ProcessFiles.fromFolder(checkout).files().keySet());
			assertThat(repository.createProcessDefinitionQuery()
				.processDefinitionKey("regional-planning-cycle")
				.latestVersion()
				.singleResult()
				.getVersion()).isEqualTo(2);
		});
		restart(repository -> {
			assertThat(deploy(repository).created()).isFalse();
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(2);
		});
	}

	@Test
	void aRestartKeepsAProcessOwnersChangeAndANewReleaseReplacesIt() throws IOException {
		restart(repository -> deploy(repository));
		// a process owner's change through the deployment API, on top of the files the
		// application started with
		ProcessFiles started = ProcessFiles.fromFolder(checkout);
		java.util.SortedMap<String, byte[]> changed = new java.util.TreeMap<>(started.files());
		changed.put("rules/volume-gap/parameters.properties",
				new String(changed.get("rules/volume-gap/parameters.properties"), StandardCharsets.UTF_8)
					.replace("gap.plan.max = 0.15", "gap.plan.max = 0.20")
					.getBytes(StandardCharsets.UTF_8));
		restart(repository -> assertThat(
				ProcessFilesDeployment.deployChange(repository, "regionplan", new ProcessFiles(changed)).created())
			.isTrue());

		// the application restarts with the same files: the change stays in force
		restart(repository -> {
			ProcessFilesDeployment.Result result = deploy(repository);
			assertThat(result.created()).isFalse();
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(2);
			assertThat(parameters(repository, result.deployment().getId())).contains("gap.plan.max = 0.20");
			assertThat(parameters(repository, ProcessFilesDeployment.latest(repository, "regionplan").getId()))
				.contains("gap.plan.max = 0.20");
		});

		// a release with changed files replaces it
		Path rule = checkout.resolve("rules/volume-gap/parameters.properties");
		Files.writeString(rule, Files.readString(rule).replace("gap.accepted.max = 0.05", "gap.accepted.max = 0.04"));
		restart(repository -> {
			assertThat(deploy(repository).created()).isTrue();
			assertThat(parameters(repository, ProcessFilesDeployment.latest(repository, "regionplan").getId()))
				.contains("gap.accepted.max = 0.04")
				.contains("gap.plan.max = 0.15");
		});
	}

	private static String parameters(RepositoryService repository, String deploymentId) {
		try (java.io.InputStream in = repository.getResourceAsStream(deploymentId,
				"rules/volume-gap/parameters.properties")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void removingAFileCreatesANewVersion() throws IOException {
		restart(repository -> deploy(repository));
		Files.writeString(checkout.resolve("rules/volume-gap/extra.drl"), "package rules.volumegap;\n",
				StandardCharsets.UTF_8);
		restart(repository -> assertThat(deploy(repository).created()).isTrue());
		Files.delete(checkout.resolve("rules/volume-gap/extra.drl"));

		restart(repository -> {
			ProcessFilesDeployment.Result result = deploy(repository);
			assertThat(result.created()).isTrue();
			assertThat(repository.getDeploymentResourceNames(result.deployment().getId()))
				.doesNotContain("rules/volume-gap/extra.drl");
		});
	}

	private ProcessFilesDeployment.Result deploy(RepositoryService repository) {
		return ProcessFilesDeployment.deploy(repository, "regionplan", ProcessFiles.fromFolder(checkout));
	}

	private void restart(Consumer<RepositoryService> work) {
		ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setProcessEngineName("restart-" + UUID.randomUUID())
			.setJdbcUrl("jdbc:h2:file:" + data.resolve("regionplan").toAbsolutePath())
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_NONE)
			.buildProcessEngine();
		try {
			work.accept(engine.getRepositoryService());
		}
		finally {
			engine.close();
		}
	}

}
