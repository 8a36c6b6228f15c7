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
 * Deploys a set of process files as ONE deployment — BPMN, forms and rules together — and
 * only when something changed: the same files again create no new version, one changed
 * file creates exactly one.
 */
public final class ProcessFilesDeployment {

	/**
	 * The source of deployments of the files the application starts with (packaged or a
	 * folder).
	 */
	static final String SOURCE = "regionplan-files";

	/** The source of process owners' deployments through the deployment API. */
	static final String CHANGE_SOURCE = "regionplan-api";

	private ProcessFilesDeployment() {
	}

	/**
	 * The files the application starts with: a new version only when they differ from the
	 * last deployment of such files, so a restart does not undo the process owners' later
	 * deployments through the API (a new release with changed files does replace them).
	 * @return the new deployment, or the one in force when nothing changed
	 */
	public static Result deploy(RepositoryService repository, String name, ProcessFiles files) {
		Deployment lastOfFiles = latest(repository.createDeploymentQuery().deploymentSource(SOURCE), name);
		DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE);
		files.files().forEach((path, bytes) -> builder.addInputStream(path, new ByteArrayInputStream(bytes)));
		if (lastOfFiles == null || sameNames(repository, lastOfFiles, files)) {
			// Camunda compares the contents with the last deployment of the same name and
			// source under its
			// deployment lock, so two nodes starting together still create one version
			// (also the first one, on an
			// empty database); false = redeploy every file when any one changed. Not when
			// a file was removed: the
			// rest would all be duplicates.
			builder.enableDuplicateFiltering(false);
		}
		Deployment inForce = latest(repository, name);
		Deployment deployed = builder.deploy();
		// with nothing changed Camunda answers with a deployment that exists: the latest
		// of the name
		boolean created = inForce == null || !deployed.getId().equals(inForce.getId())
				&& (lastOfFiles == null || !deployed.getId().equals(lastOfFiles.getId()));
		return new Result(created ? deployed : latest(repository, name), created);
	}

	/**
	 * A process owner's change: a new version when the files differ from the deployment
	 * in force.
	 */
	public static Result deployChange(RepositoryService repository, String name, ProcessFiles files) {
		Deployment inForce = latest(repository, name);
		if (inForce != null && sameContent(repository, inForce, files)) {
			return new Result(inForce, false);
		}
		DeploymentBuilder builder = repository.createDeployment().name(name).source(CHANGE_SOURCE);
		files.files().forEach((path, bytes) -> builder.addInputStream(path, new ByteArrayInputStream(bytes)));
		return new Result(builder.deploy(), true);
	}

	private static boolean sameContent(RepositoryService repository, Deployment deployment, ProcessFiles files) {
		if (!sameNames(repository, deployment, files)) {
			return false;
		}
		for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
			try (java.io.InputStream in = repository.getResourceAsStreamById(deployment.getId(), resource.getId())) {
				if (!java.util.Arrays.equals(in.readAllBytes(), files.files().get(resource.getName()))) {
					return false;
				}
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return true;
	}

	public static Deployment latest(RepositoryService repository, String name) {
		return latest(repository.createDeploymentQuery(), name);
	}

	private static Deployment latest(org.camunda.bpm.engine.repository.DeploymentQuery query, String name) {
		List<Deployment> deployments = query.deploymentName(name).orderByDeploymentTime().desc().listPage(0, 1);
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
