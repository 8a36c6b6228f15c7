package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.regionplan.decision.DecisionReplay;
import io.regionplan.market.MarketRegions;
import io.regionplan.rules.RuleSetAt;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSetsInForce;
import io.regionplan.system.Echo;

import org.springframework.stereotype.Component;

/**
 * The what-if of candidate files: validated like a deployment, then each rule set they
 * change re-run beside the one in force on the facts of a region's latest decision.
 * Nothing is deployed; every attempt is audited.
 */
@Component
class DeploymentPreview {

	private final CandidateFiles candidates;

	private final RuleSetRegistry rules;

	private final RuleSetsInForce rulesInForce;

	private final DecisionReplay replay;

	private final MarketRegions regions;

	private final DeploymentAudit audit;

	DeploymentPreview(CandidateFiles candidates, RuleSetRegistry rules, RuleSetsInForce rulesInForce,
			DecisionReplay replay, MarketRegions regions, DeploymentAudit audit) {
		this.candidates = candidates;
		this.rules = rules;
		this.rulesInForce = rulesInForce;
		this.replay = replay;
		this.regions = regions;
		this.audit = audit;
	}

	/**
	 * What candidate files would change, before deploying them: each changed rule set
	 * re-run on the facts of the region's latest decision of that rule set (see
	 * {@link DecisionReplay#basis}).
	 *
	 * @param problems the validation problems; when there are any, nothing was evaluated
	 * @param notes what could not be compared and why (e.g. no decision of a rule set in
	 * the region yet)
	 */
	public record Preview(String region, List<FileProblem> problems, List<DecisionReplay.Replay> ruleSets,
			List<String> notes) {
	}

	/**
	 * Validates the changed files like a deployment and compares each changed rule set
	 * with the one in force; audited like a deployment (action {@code PREVIEW}).
	 */
	Preview preview(Map<String, byte[]> changed, String region, String processInstanceId, String userId) {
		if (!regions.exists(region)) {
			throw new IllegalArgumentException("没有这个区域 / no region " + Echo.id(region));
		}
		Map<String, String> hashes = new LinkedHashMap<>();
		changed.forEach((path, bytes) -> hashes.put(path, DeploymentService.sha256(bytes)));
		Preview preview;
		String outcome;
		try {
			ProcessFiles files = candidates.merged(changed, List.of());
			List<FileProblem> invalid = candidates.validate(files);
			preview = invalid.isEmpty() ? compare(files, region, processInstanceId)
					: new Preview(region, invalid, List.of(), List.of());
			outcome = !invalid.isEmpty() ? "REJECTED" : preview.problems().isEmpty() ? "COMPARED" : "FAILED";
		}
		catch (RuntimeException ex) {
			// audited whatever ends it; the message of a refusal is the application's own
			audit.record(DeploymentAudit.Action.PREVIEW, "REJECTED", null, userId, hashes,
					List.of(ex instanceof IllegalArgumentException ? ex.getMessage() : ex.getClass().getSimpleName()),
					false);
			throw ex;
		}
		audit.record(DeploymentAudit.Action.PREVIEW, outcome, null, userId, hashes, preview.problems(), false);
		return preview;
	}

	/**
	 * Each changed rule set re-run beside the one in force; a rule set that fails on the
	 * facts is a problem.
	 */
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
						+ candidate.name() + "' in region '" + region + "'"
						+ (processInstanceId == null ? "" : " and cycle '" + processInstanceId + "'")
						+ " yet: nothing to compare with");
				continue;
			}
			try {
				replays.add(replay.whatIf(basis.get(),
						new RuleSetAt(new RuleSetVersion(candidate.name(), null, candidate.contentHash()),
								rules.compile(candidate))));
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

}
