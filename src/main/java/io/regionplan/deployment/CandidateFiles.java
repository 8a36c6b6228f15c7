package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.regionplan.engine.EngineCalls;
import io.regionplan.rules.RuleSetRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The files a process owner's change would deploy, before anything is deployed: the
 * upload (a zip unpacked within a limit), the latest deployment's files with the changed
 * ones on top, and their validation as a whole.
 */
@Component
class CandidateFiles {

	/** The most a zip of process files may unpack to (a zip bomb is refused). */
	static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;

	private final ProcessEngine engine;

	private final RuleSetRegistry rules;

	private final DeploymentSettings settings;

	private final ObjectProvider<ProcessVariablesCheck> variables;

	private final ListableBeanFactory beans;

	CandidateFiles(ProcessEngine engine, RuleSetRegistry rules, DeploymentSettings settings,
			ObjectProvider<ProcessVariablesCheck> variables, ListableBeanFactory beans) {
		this.engine = engine;
		this.rules = rules;
		this.settings = settings;
		this.variables = variables;
		this.beans = beans;
	}

	List<FileProblem> validate(ProcessFiles files) {
		return new ProcessFilesValidator(rules, variables.getObject(), beans).validate(files);
	}

	/**
	 * The latest deployment's files with the changed ones on top and the removed ones
	 * taken out; refuses a path outside the three folders, and removing a file that is
	 * not deployed or is also uploaded.
	 */
	ProcessFiles merged(Map<String, byte[]> changed, java.util.Collection<String> removed) {
		SortedMap<String, byte[]> files = new TreeMap<>(latestFiles());
		changed.forEach((path, bytes) -> {
			checkPath(path);
			files.put(path, bytes);
		});
		for (String path : removed) {
			checkPath(path);
			if (changed.containsKey(path)) {
				throw new IllegalArgumentException("同一文件既上传又删除 / '" + path + "' is both uploaded and removed");
			}
			if (files.remove(path) == null) {
				throw new IllegalArgumentException(
						"要删除的文件未部署 / '" + path + "' is not deployed, so it cannot be removed");
			}
		}
		return new ProcessFiles(files);
	}

	private static void checkPath(String path) {
		if (!ProcessFiles.isDeployable(path)) {
			throw new IllegalArgumentException("不是流程文件路径 / not a process file path: '" + path
					+ "' (processes/<key>.bpmn, forms/<id>.form, rules/<rule-set>/<file>.drl|.xlsx|.properties)");
		}
	}

	private Map<String, byte[]> latestFiles() {
		return EngineCalls.withoutAuthorization(engine, () -> {
			RepositoryService repository = engine.getRepositoryService();
			Deployment latest = ProcessFilesDeployment.latest(repository, settings.name());
			Map<String, byte[]> files = new TreeMap<>();
			if (latest != null) {
				for (Resource resource : repository.getDeploymentResources(latest.getId())) {
					try (InputStream in = repository.getResourceAsStreamById(latest.getId(), resource.getId())) {
						files.put(resource.getName(), in.readAllBytes());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
			return files;
		});
	}

	/**
	 * The files of a zip, by their path inside it; refuses a zip that unpacks to more
	 * than the limit.
	 */
	static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		long total = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				byte[] bytes = in.readNBytes((int) Math.min(MAX_UNPACKED_BYTES - total + 1, Integer.MAX_VALUE - 8));
				total += bytes.length;
				if (total > MAX_UNPACKED_BYTES) {
					throw new IllegalArgumentException("压缩包解压后超过 20 MB / the zip unpacks to more than 20 MB");
				}
				files.put(entry.getName().replace('\\', '/'), bytes);
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("不是有效的 zip / not a valid zip: " + ex.getMessage());
		}
		return files;
	}

}
