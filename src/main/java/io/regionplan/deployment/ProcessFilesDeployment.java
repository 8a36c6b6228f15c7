package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;

/**
 * Deploys a set of process files as ONE deployment — BPMN, forms and rules together — and only when
 * something changed: the same files again create no new version, one changed file creates exactly one.
 */
public final class ProcessFilesDeployment {

	static final String SOURCE = "regionplan-files";

	private ProcessFilesDeployment() {
	}

	/** @return the new deployment, or the latest one when nothing changed */
	public static Result deploy(RepositoryService repository, String name, ProcessFiles files) {
		Deployment latest = latest(repository, name);
		DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE);
		files.files().forEach((path, bytes) -> builder.addInputStream(path, new ByteArrayInputStream(bytes)));
		if (latest == null || sameNames(repository, latest, files)) {
			// Camunda compares the contents under its deployment lock, so two nodes starting together
			// still create one version (also the first one, on an empty database); false = redeploy every
			// file when any one changed. Not when a file was removed: the rest would all be duplicates.
			builder.enableDuplicateFiltering(false);
		}
		Deployment deployed = builder.deploy();
		boolean created = latest == null || !latest.getId().equals(deployed.getId());
		return new Result(deployed, created);
	}

	public static Deployment latest(RepositoryService repository, String name) {
		List<Deployment> deployments = repository.createDeploymentQuery().deploymentName(name)
			.orderByDeploymentTime().desc().listPage(0, 1);
		return deployments.isEmpty() ? null : deployments.get(0);
	}

	private static boolean sameNames(RepositoryService repository, Deployment latest, ProcessFiles files) {
		Set<String> deployed = new TreeSet<>();
		for (Resource resource : repository.getDeploymentResources(latest.getId())) {
			deployed.add(resource.getName());
		}
		return deployed.equals(files.files().keySet());
	}

	public record Result(Deployment deployment, boolean created) {
	}

}
