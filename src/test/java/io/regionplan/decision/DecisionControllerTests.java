package io.regionplan.decision;

import static io.regionplan.decision.Runs.HASH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.regionplan.StandInCommands;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;
import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit API's own decisions, called as methods (no Spring): parameters, pages, region
 * scope and the 404s; the queries stood in.
 */
class DecisionControllerTests {

	static final RegionPlanUser MANAGER = new RegionPlanUser("li.manager", List.of(Roles.REGIONAL_MANAGER),
			List.of("east", "north"));

	static final RegionPlanUser AUDITOR = new RegionPlanUser("sun.auditor", List.of(Roles.AUDITOR), List.of());

	private final DecisionQueries queries = mock(DecisionQueries.class);

	private final RuleSetRegistry rules = mock(RuleSetRegistry.class);

	private final ProcessEngine engine = mock(ProcessEngine.class);

	private final DecisionReplay replay = mock(DecisionReplay.class);

	private final DecisionController controller = new DecisionController(queries, rules, engine, replay);

	static WebRequest request(String... parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/decisions");
		for (String parameter : parameters) {
			request.addParameter(parameter, "x");
		}
		return new ServletWebRequest(request);
	}

	private static Decision decision(String contentHash) {
		return new Decision("dec-1", "dealer-classification", "deployment-1:0123456789ab", "deployment-1", contentHash,
				"pi-1", "classify", "east", "li.manager", Instant.parse("2026-11-16T00:00:00Z"), "EVALUATION", 0,
				List.of());
	}

	private static void refused(Runnable call, HttpStatus status, String reason) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ResponseStatusException.class, ex -> {
			assertThat(ex.getStatusCode()).isEqualTo(status);
			assertThat(ex.getReason()).isEqualTo(reason);
		});
	}

	@Test
	void theListPassesItsFiltersWithTheCallersRegions() {
		DecisionQueries.Page page = new DecisionQueries.Page(List.of(), 2, 10, 0);
		DecisionFilter filter = new DecisionFilter("pi-1", "dealer-classification", "d-01",
				Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-17T08:30:00Z"), Set.of("east", "north"));
		when(queries.list(filter, 2, 10, 5)).thenReturn(page);

		assertThat(controller.list("pi-1", "dealer-classification", "d-01", null, "2026-11-16", "2026-11-17T08:30:00Z",
				2, 10, 5, MANAGER, request("processInstanceId", "ruleSet", "subject", "from", "to", "page", "size",
						"subjectsPerDecision")))
			.isSameAs(page);
	}

	@Test
	void theListTakesPagesOfOneTo200SubjectsFromNone() {
		DecisionFilter all = new DecisionFilter(null, null, null, null, null, null);
		DecisionQueries.Page page = new DecisionQueries.Page(List.of(), 0, 200, 0);
		when(queries.list(all, 0, 200, 0)).thenReturn(page);
		when(queries.list(all, 0, 1, 0)).thenReturn(page);

		assertThat(controller.list(null, null, null, null, null, null, 0, 200, 0, AUDITOR, request())).isSameAs(page);
		assertThat(controller.list(null, null, null, null, " ", "", 0, 1, 0, AUDITOR, request())).isSameAs(page);
	}

	@Test
	void pagesOutOfBoundsAreBadRequests() {
		String reason = "page ≥ 0, 1 ≤ size ≤ 200, subjectsPerDecision ≥ 0";
		refused(() -> controller.list(null, null, null, null, null, null, -1, 20, 100, AUDITOR, request()),
				HttpStatus.BAD_REQUEST, reason);
		refused(() -> controller.list(null, null, null, null, null, null, 0, 0, 100, AUDITOR, request()),
				HttpStatus.BAD_REQUEST, reason);
		refused(() -> controller.list(null, null, null, null, null, null, 0, 201, 100, AUDITOR, request()),
				HttpStatus.BAD_REQUEST, reason);
		refused(() -> controller.list(null, null, null, null, null, null, 0, 20, -1, AUDITOR, request()),
				HttpStatus.BAD_REQUEST, reason);
		verify(queries, never()).list(any(), anyInt(), anyInt(), anyInt());
	}

	@Test
	void anUnknownParameterIsRefusedNamingTheKnownOnes() {
		String known = "[processInstanceId, ruleSet, subject, region, from, to, page, size, subjectsPerDecision]";

		refused(() -> controller.list(null, null, null, null, null, null, 0, 20, 100, AUDITOR,
				request("ruleSet", "sort")), HttpStatus.BAD_REQUEST,
				"未知的参数 'sort'，可用：" + known + " / unknown parameter 'sort'; known: " + known);
		refused(() -> DecisionController.onlyKnown(request("<b>"), List.of("a"), List.of()), HttpStatus.BAD_REQUEST,
				"未知的参数 (不是有效的标识 / not a valid id)，可用：[a] / unknown parameter (不是有效的标识 / not a valid id); known: [a]");
	}

	@Test
	void datesAreDaysInUtcOrInstants() {
		assertThat(DecisionController.instant("2026-11-16", "from")).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
		assertThat(DecisionController.instant("2026-11-16T09:15:00Z", "to"))
			.isEqualTo(Instant.parse("2026-11-16T09:15:00Z"));
		assertThat(DecisionController.instant(null, "from")).isNull();
		assertThat(DecisionController.instant("  ", "from")).isNull();
		refused(() -> DecisionController.instant("16.11.2026", "from"), HttpStatus.BAD_REQUEST,
				"from 须为 YYYY-MM-DD 或 ISO 时间 / from must be YYYY-MM-DD or an ISO instant");
		refused(() -> DecisionController.instant("2026-11-16T09:15", "to"), HttpStatus.BAD_REQUEST,
				"to 须为 YYYY-MM-DD 或 ISO 时间 / to must be YYYY-MM-DD or an ISO instant");
	}

	@Test
	void auditorsDirectorsProcessOwnersAndAdminsReadEveryRegion() {
		for (String role : List.of(Roles.AUDITOR, Roles.SALES_DIRECTOR, Roles.PROCESS_OWNER, Roles.ADMIN)) {
			RegionPlanUser user = new RegionPlanUser("u", List.of("other", role), List.of("east"));
			assertThat(DecisionController.readableRegions(user)).as(role).isNull();
			assertThat(DecisionController.regions(user, null)).as(role).isNull();
			assertThat(DecisionController.regions(user, "south")).as(role).containsExactly("south");
		}
	}

	@Test
	void aRegionalManagerReadsOwnRegionsOnly() {
		assertThat(DecisionController.readableRegions(MANAGER)).containsExactlyInAnyOrder("east", "north");
		assertThat(DecisionController.regions(MANAGER, null)).containsExactlyInAnyOrder("east", "north");
		assertThat(DecisionController.regions(MANAGER, "north")).containsExactly("north");
		refused(() -> DecisionController.regions(MANAGER, "south"), HttpStatus.NOT_FOUND, "没有这个区域 / no region 'south'");
	}

	@Test
	void oneDecisionIsFoundInTheReadableRegionsOr404() {
		Decision decision = decision(HASH);
		when(queries.find("dec-1", Set.of("east", "north"))).thenReturn(Optional.of(decision));
		when(queries.find("dec-2", null)).thenReturn(Optional.empty());

		assertThat(controller.one("dec-1", MANAGER)).isSameAs(decision);
		refused(() -> controller.one("dec-2", AUDITOR), HttpStatus.NOT_FOUND, "没有这个决策 / no decision 'dec-2'");
	}

	private void standInEngine(RepositoryService repository) {
		// built before the stubbing: it stubs a mock of its own
		var configuration = StandInCommands.configuration();
		when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
		when(engine.getRepositoryService()).thenReturn(repository);
	}

	@Test
	void theRuleFilesOfADecisionAreItsDeploymentsWithWhetherTheyMatch() {
		RepositoryService repository = mock(RepositoryService.class);
		standInEngine(repository);
		RuleSetSource source = new RuleSetSource("dealer-classification",
				new TreeMap<>(Map.of("rules/dealer-classification/tiers.drl",
						"rule \"A\"".getBytes(StandardCharsets.UTF_8),
						"rules/dealer-classification/parameters.properties", "a=1".getBytes(StandardCharsets.UTF_8))));
		when(rules.source(repository, "deployment-1", "dealer-classification")).thenReturn(source);
		when(queries.find("dec-1", null)).thenReturn(Optional.of(decision(source.contentHash())));
		when(queries.find("dec-2", null)).thenReturn(Optional.of(decision(HASH)));

		Map<String, Object> files = controller.ruleFiles("dec-1", AUDITOR);

		assertThat(files).containsEntry("decisionId", "dec-1")
			.containsEntry("ruleSet", "dealer-classification")
			.containsEntry("ruleVersion", "deployment-1:0123456789ab")
			.containsEntry("deploymentId", "deployment-1")
			.containsEntry("contentHash", source.contentHash())
			.containsEntry("matchesDecision", true)
			.containsEntry("files",
					List.of(Map.of("path", "rules/dealer-classification/parameters.properties", "text", "a=1"),
							Map.of("path", "rules/dealer-classification/tiers.drl", "text", "rule \"A\"")));
		assertThat(controller.ruleFiles("dec-2", AUDITOR)).containsEntry("matchesDecision", false);
		refused(() -> controller.ruleFiles("dec-3", AUDITOR), HttpStatus.NOT_FOUND, "没有这个决策 / no decision 'dec-3'");
	}

	@Test
	void aReplayIsForTheCallerInTheirRegionsAndAMissingDecisionIs404() {
		DecisionReplay.Replay replayed = new DecisionReplay.Replay("dealer-classification", "dec-1", null, "east",
				Instant.parse("2026-11-16T00:00:00Z"), false, null, null, 0, 0, 0, Map.of(), List.of());
		when(replay.replay("dec-1", Set.of("east", "north"), "li.manager")).thenReturn(replayed);
		when(replay.replay("dec-2", null, "sun.auditor"))
			.thenThrow(new DecisionReplay.NoSuchDecisionException("dec-2"));

		assertThat(controller.replay("dec-1", MANAGER)).isSameAs(replayed);
		refused(() -> controller.replay("dec-2", AUDITOR), HttpStatus.NOT_FOUND, "没有这个决策 / no decision 'dec-2'");
	}

	@Test
	void aSubjectsHistoryIsReadInTheCallersRegions() {
		List<Map<String, Object>> history = List.of(Map.of("decisionId", "dec-1"));
		when(queries.history("dealer", "d-01", "dealer-classification", Set.of("east", "north"))).thenReturn(history);

		assertThat(controller.history("dealer", "d-01", "dealer-classification", MANAGER)).isSameAs(history);
	}

}
