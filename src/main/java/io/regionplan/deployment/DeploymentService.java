package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.regionplan.decision.DecisionReplay;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSetsInForce;
import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Deploys changed process files while the application runs: the changed files on top of the latest
 * deployment's, validated as a whole; nothing is deployed when anything is wrong; every attempt is
 * audited with the files' hashes.
 */
@Service
public class DeploymentService {

	/** The most a zip of process files may unpack to (a zip bomb is refused). */
	static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;

	/** The advisory lock key of deployments on PostgreSQL; "RPDeploy" in ASCII. */
	private static final long DEPLOYMENT_LOCK = 0x52504465706c6f79L;

	private final ProcessEngine engine;

	private final RuleSetRegistry rules;

	private final DeploymentSettings settings;

	private final JdbcTemplate jdbc;

	private final DecisionReplay replay;

	private final RuleSetsInForce rulesInForce;

	private final ObjectProvider<ProcessVariablesCheck> variables;

	/** PostgreSQL: several nodes may share the database (README, Cluster on PostgreSQL). */
	private volatile Boolean shared;

	private final ListableBeanFactory beans;

	private final DeploymentAudit audit;

	DeploymentService(ProcessEngine engine, RuleSetRegistry rules, DeploymentSettings settings, JdbcTemplate jdbc,
			DecisionReplay replay, RuleSetsInForce rulesInForce, ObjectProvider<ProcessVariablesCheck> variables,
			ListableBeanFactory beans, DeploymentAudit audit) {
		this.audit = audit;
		this.variables = variables;
		this.beans = beans;
		this.engine = engine;
		this.rules = rules;
		this.settings = settings;
		this.jdbc = jdbc;
		this.replay = replay;
		this.rulesInForce = rulesInForce;
	}

	/**
	 * @param problems why it was refused; for a deployment forced past rules that fail on the latest facts, those
	 *        failures
	 * @param forced whether the owner sent {@code force=true} and the rules' failures were deployed anyway
	 */
	public record Outcome(String outcome, String deploymentId, Map<String, String> files, List<FileProblem> problems,
			boolean forced) {
	}

	/**
	 * What candidate files would change, before deploying them: each changed rule set re-run on the facts of
	 * the region's latest decision of that rule set (see {@link DecisionReplay#basis}).
	 * @param problems the validation problems; when there are any, nothing was evaluated
	 * @param notes what could not be compared and why (e.g. no decision of a rule set in the region yet)
	 */
	public record Preview(String region, List<FileProblem> problems, List<DecisionReplay.Replay> ruleSets,
			List<String> notes) {
	}

	/**
	 * Changed files (path → bytes) on top of the latest deployment, without the {@code removed} ones.
	 * @param force deploy even when a changed rule set fails on the latest facts of a region (audited as forced)
	 */
	public Outcome deployChanges(Map<String, byte[]> changed, java.util.Collection<String> removed, String userId,
			boolean force) {
		return oneAtATime(() -> deploy(merged(changed, removed), changed.keySet(), removed, userId, force));
	}

	/**
	 * One deployment at a time, from reading the latest files to the audit: on this node (the monitor) and,
	 * on PostgreSQL, across the nodes sharing the database (an advisory lock held on a connection of its own
	 * while the engine deploys and commits; a node that dies releases it with its connection). Otherwise two
	 * process owners deploying at once would each build on the files before the other's change, and the
	 * later deployment would silently undo the earlier.
	 */
	private synchronized Outcome oneAtATime(java.util.function.Supplier<Outcome> deployment) {
		if (!shared()) {
			return deployment.get();
		}
		return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Outcome>) connection -> {
			try (java.sql.Statement lock = connection.createStatement()) {
				lock.execute("select pg_advisory_lock(" + DEPLOYMENT_LOCK + ")");
			}
			try {
				return deployment.get();
			}
			finally {
				try (java.sql.Statement unlock = connection.createStatement()) {
					unlock.execute("select pg_advisory_unlock(" + DEPLOYMENT_LOCK + ")");
				}
			}
		});
	}

	private boolean shared() {
		if (shared == null) {
			shared = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) connection -> connection
				.getMetaData().getDatabaseProductName()));
		}
		return shared;
	}

	/**
	 * Validates the changed files like a deployment and compares each changed rule set with the one in force;
	 * audited like a deployment (action {@code PREVIEW}).
	 */
	public Preview preview(Map<String, byte[]> changed, String region, String processInstanceId, String userId) {
		if (jdbc.queryForObject("select count(*) from market_region where id = ?", Integer.class, region) == 0) {
			throw new IllegalArgumentException("没有这个区域 / no region '" + region + "'");
		}
		Map<String, String> hashes = new LinkedHashMap<>();
		changed.forEach((path, bytes) -> hashes.put(path, sha256(bytes)));
		Preview preview;
		String outcome;
		try {
			ProcessFiles files = merged(changed, List.of());
			List<FileProblem> invalid = validator().validate(files);
			preview = invalid.isEmpty() ? compare(files, region, processInstanceId)
					: new Preview(region, invalid, List.of(), List.of());
			outcome = !invalid.isEmpty() ? "REJECTED" : preview.problems().isEmpty() ? "COMPARED" : "FAILED";
		}
		catch (RuntimeException ex) {
			// audited whatever ends it; the message of a refusal is the application's own
			audit.record(DeploymentAudit.Action.PREVIEW, "REJECTED", null, userId, hashes,
					List.of(ex instanceof IllegalArgumentException ? ex.getMessage() : ex.getClass().getSimpleName()), false);
			throw ex;
		}
		audit.record(DeploymentAudit.Action.PREVIEW, outcome, null, userId, hashes, preview.problems(), false);
		return preview;
	}

	/** Each changed rule set re-run beside the one in force; a rule set that fails on the facts is a problem. */
	private Preview compare(ProcessFiles files, String region, String processInstanceId) {
		List<FileProblem> problems = new ArrayList<>();
		List<DecisionReplay.Replay> replays = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (RuleSetSource candidate : files.ruleSets().values()) {
			Optional<RuleSetAt> current = rulesInForce.inForce(candidate.name());
			if (current.isPresent() && current.get().version().contentHash().equals(candidate.contentHash())) {
				continue;
			}
			Optional<String> basis = replay.basis(candidate.name(), region, processInstanceId);
			if (basis.isEmpty() || current.isEmpty()) {
				notes.add("区域 " + region + " 还没有规则集 " + candidate.name() + " 的决策，无法比较 / no decision of rule set '"
						+ candidate.name() + "' in region '" + region + "'" + (processInstanceId == null ? "" : " and cycle '"
								+ processInstanceId + "'") + " yet: nothing to compare with");
				continue;
			}
			try {
				replays.add(replay.whatIf(basis.get(), new RuleSetAt(
						new RuleSetVersion(candidate.name(), null, candidate.contentHash()), rules.compile(candidate))));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FileProblem(candidate.folder(), 0, 0, ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			return new Preview(region, problems, List.of(), notes);
		}
		if (replays.isEmpty() && notes.isEmpty()) {
			notes.add("候选文件没有改变任何规则集 / the candidate files change no rule set");
		}
		return new Preview(region, List.of(), replays, notes);
	}

	/**
	 * Each changed rule set run on the facts of the latest decision of it in every region (as a what-if
	 * would): the failures, each naming the rule set, the region and the decision. Regions without a
	 * decision of the rule set are not checked.
	 */
	private List<FileProblem> failuresOnLatestFacts(ProcessFiles files) {
		List<FileProblem> failures = new ArrayList<>();
		List<String> regions = jdbc.queryForList("select id from market_region order by id", String.class);
		for (RuleSetSource candidate : files.ruleSets().values()) {
			Optional<RuleSetAt> current = rulesInForce.inForce(candidate.name());
			if (current.isPresent() && current.get().version().contentHash().equals(candidate.contentHash())) {
				continue;
			}
			RuleSetAt compiled = new RuleSetAt(new RuleSetVersion(candidate.name(), null, candidate.contentHash()),
					rules.compile(candidate));
			for (String region : regions) {
				Optional<String> basis = replay.basis(candidate.name(), region, null);
				if (basis.isEmpty()) {
					continue;
				}
				try {
					replay.runOn(basis.get(), compiled);
				}
				catch (IllegalArgumentException ex) {
					failures.add(new FileProblem(candidate.folder(), 0, 0, "区域 " + region + "（决策 " + basis.get() + "）：" + ex
						.getMessage() + " / in region '" + region + "' (decision " + basis.get() + ")"));
				}
			}
		}
		return failures;
	}

	private ProcessFilesValidator validator() {
		return new ProcessFilesValidator(rules, variables.getObject(), beans);
	}

	/**
	 * The latest deployment's files with the changed ones on top and the removed ones taken out; refuses a
	 * path outside the three folders, and removing a file that is not deployed or is also uploaded.
	 */
	private ProcessFiles merged(Map<String, byte[]> changed, java.util.Collection<String> removed) {
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
				throw new IllegalArgumentException("要删除的文件未部署 / '" + path + "' is not deployed, so it cannot be removed");
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

	/** The top-level folders as they are on disk now (e.g. edited in a checkout). */
	public Outcome deployFolders(String userId, boolean force) {
		ProcessFiles files = ProcessFiles.fromFolder(java.nio.file.Path.of(settings.folders()));
		return oneAtATime(() -> deploy(files, files.files().keySet(), List.of(), userId, force));
	}

	/**
	 * Validates, then runs each changed rule set on the latest facts of every region; refuses when anything
	 * fails, unless {@code force}. {@code files} of the audit: each changed file with its SHA-256, each removed
	 * one as {@code removed}.
	 */
	private Outcome deploy(ProcessFiles files, java.util.Collection<String> changed,
			java.util.Collection<String> removed, String userId, boolean force) {
		Map<String, String> hashes = new LinkedHashMap<>();
		changed.forEach(path -> hashes.put(path, sha256(files.files().get(path))));
		removed.forEach(path -> hashes.put(path, "removed"));
		List<FileProblem> problems;
		List<FileProblem> failures;
		try {
			problems = validator().validate(files);
			failures = problems.isEmpty() ? failuresOnLatestFacts(files) : List.of();
		}
		catch (RuntimeException ex) {
			audit.record(DeploymentAudit.Action.DEPLOY, "REJECTED", null, userId, hashes,
					List.of(ex instanceof IllegalArgumentException ? ex.getMessage() : ex.getClass().getSimpleName()), false);
			throw ex;
		}
		Outcome outcome;
		if (!problems.isEmpty() || !failures.isEmpty() && !force) {
			outcome = new Outcome("REJECTED", null, hashes, problems.isEmpty() ? failures : problems, false);
		}
		else {
			ProcessFilesDeployment.Result result = EngineCalls.withoutAuthorization(engine,
					() -> ProcessFilesDeployment.deployChange(engine.getRepositoryService(), settings.name(), files));
			outcome = new Outcome(result.created() ? "DEPLOYED" : "UNCHANGED", result.deployment().getId(), hashes, failures,
					!failures.isEmpty());
		}
		audit.record(DeploymentAudit.Action.DEPLOY, outcome.outcome(), outcome.deploymentId(), userId, outcome.files(),
				outcome.problems(), outcome.forced());
		return outcome;
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

	/** The files of a zip, by their path inside it; refuses a zip that unpacks to more than the limit. */
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

	public List<Map<String, Object>> audits() {
		return audit.all();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
