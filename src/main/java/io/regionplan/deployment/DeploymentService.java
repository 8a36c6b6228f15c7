package io.regionplan.deployment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.regionplan.decision.DecisionReplay;
import io.regionplan.engine.EngineCalls;
import io.regionplan.market.MarketRegions;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSetsInForce;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Service;

/**
 * Deploys changed process files while the application runs: the changed files on top of
 * the latest deployment's ({@link CandidateFiles}), validated as a whole; nothing is
 * deployed when anything is wrong; one deployment at a time ({@link DeploymentLock});
 * every attempt is audited with the files' hashes.
 */
@Service
public class DeploymentService {

	private final ProcessEngine engine;

	private final RuleSetRegistry rules;

	private final DeploymentSettings settings;

	private final MarketRegions regions;

	private final DecisionReplay replay;

	private final RuleSetsInForce rulesInForce;

	private final CandidateFiles candidates;

	private final DeploymentLock lock;

	private final DeploymentAudit audit;

	DeploymentService(ProcessEngine engine, RuleSetRegistry rules, DeploymentSettings settings, MarketRegions regions,
			DecisionReplay replay, RuleSetsInForce rulesInForce, CandidateFiles candidates, DeploymentLock lock,
			DeploymentAudit audit) {
		this.engine = engine;
		this.rules = rules;
		this.settings = settings;
		this.regions = regions;
		this.replay = replay;
		this.rulesInForce = rulesInForce;
		this.candidates = candidates;
		this.lock = lock;
		this.audit = audit;
	}

	/**
	 * @param problems why it was refused; for a deployment forced past rules that fail on
	 * the latest facts, those failures
	 * @param forced whether the owner sent {@code force=true} and the rules' failures
	 * were deployed anyway
	 */
	public record Outcome(String outcome, String deploymentId, Map<String, String> files, List<FileProblem> problems,
			boolean forced) {
	}

	/**
	 * Changed files (path → bytes) on top of the latest deployment, without the
	 * {@code removed} ones.
	 * @param force deploy even when a changed rule set fails on the latest facts of a
	 * region (audited as forced)
	 */
	public Outcome deployChanges(Map<String, byte[]> changed, java.util.Collection<String> removed, String userId,
			boolean force) {
		return lock
			.oneAtATime(() -> deploy(candidates.merged(changed, removed), changed.keySet(), removed, userId, force));
	}

	/** The top-level folders as they are on disk now (e.g. edited in a checkout). */
	public Outcome deployFolders(String userId, boolean force) {
		ProcessFiles files = ProcessFiles.fromFolder(java.nio.file.Path.of(settings.folders()));
		return lock.oneAtATime(() -> deploy(files, files.files().keySet(), List.of(), userId, force));
	}

	/**
	 * Validates, then runs each changed rule set on the latest facts of every region;
	 * refuses when anything fails, unless {@code force}. {@code files} of the audit: each
	 * changed file with its SHA-256, each removed one as {@code removed}.
	 */
	private Outcome deploy(ProcessFiles files, java.util.Collection<String> changed,
			java.util.Collection<String> removed, String userId, boolean force) {
		Map<String, String> hashes = new LinkedHashMap<>();
		changed.forEach(path -> hashes.put(path, sha256(files.files().get(path))));
		removed.forEach(path -> hashes.put(path, "removed"));
		List<FileProblem> problems;
		List<FileProblem> failures;
		try {
			problems = candidates.validate(files);
			failures = problems.isEmpty() ? failuresOnLatestFacts(files) : List.of();
		}
		catch (RuntimeException ex) {
			audit.record(DeploymentAudit.Action.DEPLOY, "REJECTED", null, userId, hashes,
					List.of(ex instanceof IllegalArgumentException ? ex.getMessage() : ex.getClass().getSimpleName()),
					false);
			throw ex;
		}
		Outcome outcome;
		if (!problems.isEmpty() || !failures.isEmpty() && !force) {
			outcome = new Outcome("REJECTED", null, hashes, problems.isEmpty() ? failures : problems, false);
		}
		else {
			ProcessFilesDeployment.Result result = EngineCalls.withoutAuthorization(engine,
					() -> ProcessFilesDeployment.deployChange(engine.getRepositoryService(), settings.name(), files));
			outcome = new Outcome(result.created() ? "DEPLOYED" : "UNCHANGED", result.deployment().getId(), hashes,
					failures, !failures.isEmpty());
		}
		audit.record(DeploymentAudit.Action.DEPLOY, outcome.outcome(), outcome.deploymentId(), userId, outcome.files(),
				outcome.problems(), outcome.forced());
		return outcome;
	}

	/**
	 * Each changed rule set run on the facts of the latest decision of it in every region
	 * (as a what-if would): the failures, each naming the rule set, the region and the
	 * decision. Regions without a decision of the rule set are not checked.
	 */
	private List<FileProblem> failuresOnLatestFacts(ProcessFiles files) {
		List<FileProblem> failures = new ArrayList<>();
		List<String> regionIds = regions.ids();
		for (RuleSetSource candidate : files.ruleSets().values()) {
			Optional<RuleSetAt> current = rulesInForce.inForce(candidate.name());
			if (current.isPresent() && current.get().version().contentHash().equals(candidate.contentHash())) {
				continue;
			}
			RuleSetAt compiled = new RuleSetAt(new RuleSetVersion(candidate.name(), null, candidate.contentHash()),
					rules.compile(candidate));
			for (String region : regionIds) {
				Optional<String> basis = replay.basis(candidate.name(), region, null);
				if (basis.isEmpty()) {
					continue;
				}
				try {
					replay.runOn(basis.get(), compiled);
				}
				catch (IllegalArgumentException ex) {
					failures.add(new FileProblem(candidate.folder(), 0, 0, "区域 " + region + "（决策 " + basis.get() + "）："
							+ ex.getMessage() + " / in region '" + region + "' (decision " + basis.get() + ")"));
				}
			}
		}
		return failures;
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
