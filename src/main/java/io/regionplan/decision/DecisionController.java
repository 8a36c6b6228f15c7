package io.regionplan.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.engine.EngineCalls;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;
import io.regionplan.system.Echo;
import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit API: auditors, directors and process owners read every region's decisions,
 * regional managers their own regions'. Nothing here writes.
 */
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

	private static final int MAX_PAGE_SIZE = 200;

	private final DecisionQueries queries;

	private final RuleSetRegistry rules;

	private final ProcessEngine engine;

	private final DecisionReplay replay;

	DecisionController(DecisionQueries queries, RuleSetRegistry rules, ProcessEngine engine, DecisionReplay replay) {
		this.queries = queries;
		this.replay = replay;
		this.rules = rules;
		this.engine = engine;
	}

	/**
	 * The filters of the list, in JSON and CSV; anything else is refused rather than
	 * ignored.
	 */
	static final List<String> FILTERS = List.of("processInstanceId", "ruleSet", "subject", "region", "from", "to");

	static final List<String> PAGING = List.of("page", "size", "subjectsPerDecision");

	@GetMapping(produces = "application/json")
	DecisionQueries.Page list(@RequestParam(required = false) String processInstanceId,
			@RequestParam(required = false) String ruleSet, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "100") int subjectsPerDecision,
			@AuthenticationPrincipal RegionPlanUser user, WebRequest request) {
		onlyKnown(request, FILTERS, PAGING);
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || subjectsPerDecision < 0) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"page ≥ 0, 1 ≤ size ≤ " + MAX_PAGE_SIZE + ", subjectsPerDecision ≥ 0");
		}
		DecisionFilter filter = new DecisionFilter(processInstanceId, ruleSet, subject, instant(from, "from"),
				instant(to, "to"), regions(user, region));
		return queries.list(filter, page, size, subjectsPerDecision);
	}

	@GetMapping("/{id}")
	Decision one(@PathVariable String id, @AuthenticationPrincipal RegionPlanUser user) {
		return queries.find(id, readableRegions(user)).orElseThrow(() -> notFound(id));
	}

	/**
	 * The exact text of the decision's rule files, read back from its Camunda deployment.
	 */
	@GetMapping("/{id}/rules")
	Map<String, Object> ruleFiles(@PathVariable String id, @AuthenticationPrincipal RegionPlanUser user) {
		Decision decision = queries.find(id, readableRegions(user)).orElseThrow(() -> notFound(id));
		RuleSetSource source = EngineCalls.withoutAuthorization(engine,
				() -> rules.source(engine.getRepositoryService(), decision.deploymentId(), decision.ruleSet()));
		List<Map<String, String>> files = new ArrayList<>();
		source.files()
			.forEach((path, bytes) -> files
				.add(Map.of("path", path, "text", new String(bytes, StandardCharsets.UTF_8))));
		return Map.of("decisionId", id, "ruleSet", decision.ruleSet(), "ruleVersion", decision.ruleVersion(),
				"deploymentId", decision.deploymentId(), "contentHash", source.contentHash(), "matchesDecision",
				source.contentHash().equals(decision.contentHash()), "files", files);
	}

	/**
	 * The decision re-run on its recorded facts with the rule version in force then and
	 * with today's: which subjects would get another result now, and whether the record
	 * is reproduced exactly.
	 */
	@GetMapping("/{id}/replay")
	DecisionReplay.Replay replay(@PathVariable String id, @AuthenticationPrincipal RegionPlanUser user) {
		try {
			return replay.replay(id, readableRegions(user), user.id());
		}
		catch (DecisionReplay.NoSuchDecisionException ex) {
			throw notFound(id);
		}
	}

	/**
	 * How one subject's results changed from decision to decision, e.g. a dealer's tier
	 * by cycle.
	 */
	@GetMapping("/subjects/{subjectType}/{subjectId}/history")
	List<Map<String, Object>> history(@PathVariable String subjectType, @PathVariable String subjectId,
			@RequestParam(required = false) String ruleSet, @AuthenticationPrincipal RegionPlanUser user) {
		return queries.history(subjectType, subjectId, ruleSet, readableRegions(user));
	}

	/**
	 * The regions to list: the one asked for, which must be readable (another region
	 * answers 404, as its objects do), or all the readable ones.
	 */
	static Set<String> regions(RegionPlanUser user, String region) {
		Set<String> readable = readableRegions(user);
		if (region == null) {
			return readable;
		}
		if (readable != null && !readable.contains(region)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个区域 / no region " + Echo.id(region));
		}
		return Set.of(region);
	}

	static void onlyKnown(WebRequest request, List<String> filters, List<String> paging) {
		for (java.util.Iterator<String> names = request.getParameterNames(); names.hasNext();) {
			String name = names.next();
			if (!filters.contains(name) && !paging.contains(name)) {
				List<String> known = new ArrayList<>(filters);
				known.addAll(paging);
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "未知的参数 " + Echo.id(name) + "，可用：" + known
						+ " / unknown parameter " + Echo.id(name) + "; known: " + known);
			}
		}
	}

	/** {@code null}: every region. */
	static Set<String> readableRegions(RegionPlanUser user) {
		for (String group : List.of(Roles.AUDITOR, Roles.SALES_DIRECTOR, Roles.PROCESS_OWNER, Roles.ADMIN)) {
			if (user.isMemberOf(group)) {
				return null;
			}
		}
		return new HashSet<>(user.regionIds());
	}

	static Instant instant(String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					name + " 须为 YYYY-MM-DD 或 ISO 时间 / " + name + " must be YYYY-MM-DD or an ISO instant");
		}
	}

	private static ResponseStatusException notFound(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个决策 / no decision '" + id + "'");
	}

}
