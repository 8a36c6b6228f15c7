package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What each role may not do: the auditor writes nothing, a manager deploys nothing, a
 * candidate of a task does not hand it to somebody else. Each refusal is 403 and leaves
 * everything as it was.
 */
@IntegrationTest
class RolePermissionsIntegrationTests {

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
			RequestMethod.DELETE);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	CycleDriver driver;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	FilterService filters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private String eastCycle;

	private Task eastTask;

	@BeforeEach
	void eastCycleWaitsAtItsFirstTask() {
		eastCycle = driver.start("east");
		eastTask = driver.task(eastCycle, "Task_DataRefreshCheck");
	}

	@Test
	void auditorWritesNothingThroughTheApplicationApi() {
		List<String> writes = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (pattern.startsWith("/api/") && WRITES.contains(method)) {
						writes.add(method + " " + pattern.replaceAll("\\{[^}]+}", "dummy"));
					}
				}
			}
		}
		Snapshot before = snapshot();

		for (String write : writes) {
			String[] call = write.split(" ");
			ResponseEntity<String> answer = as("sun.auditor", call[0], call[1], Map.of());
			assertThat(answer.getStatusCode().value()).as(write + " " + answer.getBody()).isEqualTo(403);
		}
		// and with real content: a real card, a real file
		String card = jdbc.queryForList("select id from work_plan_item", String.class)
			.stream()
			.findFirst()
			.orElse("none");
		assertThat(
				as("sun.auditor", "POST", "/api/workplan/cards/" + card + "/move", Map.of("to", "DONE")).getStatusCode()
					.value())
			.isEqualTo(403);
		assertThat(rest.withBasicAuth("sun.auditor", "demo")
			.postForEntity("/api/deployments", rulesFile(), String.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		System.out.printf("auditor, application API writes: %d endpoints + 2 with real content, all 403%n",
				writes.size());

		assertThat(writes).contains("POST /api/deployments", "POST /api/market/imports",
				"POST /api/deployments/migrations", "POST /api/workplan/cards/dummy/move");
		assertThat(snapshot()).as("nothing changed").isEqualTo(before);
	}

	@Test
	void auditorWritesNothingThroughTheEngineRestApi() {
		String task = "/engine-rest/task/" + eastTask.getId();
		String instance = "/engine-rest/process-instance/" + eastCycle;
		String definition = "/engine-rest/process-definition/" + eastTask.getProcessDefinitionId();
		Map<String, Object> confirmed = Map.of("variables", Map.of("dataConfirmed", Map.of("value", true)));
		List<Object[]> writes = List.of(new Object[] { "POST", task + "/claim", Map.of("userId", "sun.auditor") },
				new Object[] { "POST", task + "/assignee", Map.of("userId", "sun.auditor") },
				new Object[] { "POST", task + "/delegate", Map.of("userId", "sun.auditor") },
				new Object[] { "POST", task + "/complete", confirmed },
				new Object[] { "POST", task + "/submit-form", confirmed },
				new Object[] { "PUT", task + "/variables/dataConfirmed", Map.of("value", true) },
				new Object[] { "POST", task + "/identity-links", Map.of("userId", "sun.auditor", "type", "candidate") },
				new Object[] { "POST", task + "/comment/create", Map.of("message", "审计意见") },
				new Object[] { "PUT", task, Map.of("name", "renamed", "priority", 99) },
				new Object[] { "POST", "/engine-rest/task/create", Map.of("name", "audit task") },
				new Object[] { "PUT", instance + "/variables/budget", Map.of("value", 1) },
				new Object[] { "POST", instance + "/variables",
						Map.of("modifications", Map.of("budget", Map.of("value", 1))) },
				new Object[] { "PUT", instance + "/suspended", Map.of("suspended", true) },
				new Object[] { "DELETE", instance, null },
				new Object[] { "POST", definition + "/start",
						Map.of("variables", Map.of("region", Map.of("value", "east"))) },
				new Object[] { "PUT", definition + "/suspended", Map.of("suspended", true) },
				new Object[] { "POST", "/engine-rest/user/create",
						Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "x")) },
				new Object[] { "POST", "/engine-rest/group/create", Map.of("id", "mallory-group") },
				new Object[] { "PUT", "/engine-rest/group/camunda-admin/members/sun.auditor", null },
				new Object[] { "PUT", "/engine-rest/tenant/south/user-members/sun.auditor", null },
				new Object[] { "POST", "/engine-rest/tenant/create", Map.of("id", "north") },
				new Object[] { "POST", "/engine-rest/authorization/create",
						Map.of("type", 1, "permissions", List.of("ALL"), "userId", "sun.auditor", "resourceType", 0,
								"resourceId", "*") },
				new Object[] { "POST", "/engine-rest/filter/create",
						Map.of("resourceType", "Task", "name", "mine", "query", Map.of()) },
				// an auditor may not read users either: Camunda answers that the user
				// does not exist
				new Object[] { "PUT", "/engine-rest/user/wang.east/credentials",
						Map.of("password", "x", "authenticatedUserPassword", "demo"), 404 });
		Snapshot before = snapshot();

		for (Object[] write : writes) {
			ResponseEntity<String> answer = as("sun.auditor", (String) write[0], (String) write[1], write[2]);
			assertThat(answer.getStatusCode().value()).as(write[0] + " " + write[1] + " " + answer.getBody())
				.isEqualTo(write.length > 3 ? write[3] : 403);
		}
		ResponseEntity<String> deployed = rest.withBasicAuth("sun.auditor", "demo")
			.postForEntity("/engine-rest/deployment/create", engineDeployment(), String.class);
		assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(403);
		System.out.printf("auditor, engine REST writes: %d calls, all refused (403; the password change 404)%n",
				writes.size() + 1);

		assertThat(snapshot()).as("nothing changed").isEqualTo(before);
		Task untouched = tasks.createTaskQuery().taskId(eastTask.getId()).singleResult();
		assertThat(untouched.getAssignee()).isNull();
		assertThat(untouched.getName()).isNotEqualTo("renamed");
		assertThat(tasks.getTaskComments(eastTask.getId())).isEmpty();
		assertThat(runtime.getVariable(eastCycle, "budget")).isEqualTo(10_000_000);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(eastCycle).active().count()).isEqualTo(1);
		assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
		assertThat(identity.createUserQuery().userId("sun.auditor").memberOfGroup("camunda-admin").count()).isZero();
		assertThat(identity.createTenantQuery().tenantId("north").count()).isZero();
		assertThat(identity.checkPassword("wang.east", "demo")).isTrue();
	}

	@Test
	void onlyProcessOwnersAndAdminsDeploy() {
		Snapshot before = snapshot();

		for (String user : List.of("wang.east", "li.south", "zhao.director", "sun.auditor")) {
			ResponseEntity<String> api = rest.withBasicAuth(user, "demo")
				.postForEntity("/api/deployments", rulesFile(), String.class);
			assertThat(api.getStatusCode().value()).as(user + " /api/deployments").isEqualTo(403);
			ResponseEntity<String> engine = rest.withBasicAuth(user, "demo")
				.postForEntity("/engine-rest/deployment/create", engineDeployment(), String.class);
			assertThat(engine.getStatusCode().value()).as(user + " /engine-rest/deployment/create").isEqualTo(403);
		}
		assertThat(snapshot()).as("nothing deployed").isEqualTo(before);

		// owners and admins get past the role check: an empty deployment is refused for
		// its content only
		for (String user : List.of("chen.owner", "demo")) {
			LinkedMultiValueMap<String, Object> noFiles = new LinkedMultiValueMap<>();
			noFiles.add("note", "nothing");
			HttpHeaders multipart = new HttpHeaders();
			multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
			ResponseEntity<String> empty = rest.withBasicAuth(user, "demo")
				.postForEntity("/api/deployments", new HttpEntity<>(noFiles, multipart), String.class);
			assertThat(empty.getStatusCode().value()).as(user + " " + empty.getBody()).isEqualTo(400);
			assertThat(empty.getBody()).contains("no files");
		}
		// deploying through the engine bypasses the validation of the deployment API:
		// owners and admins cannot either
		for (String user : List.of("chen.owner", "demo")) {
			ResponseEntity<String> engine = rest.withBasicAuth(user, "demo")
				.postForEntity("/engine-rest/deployment/create", engineDeployment(), String.class);
			assertThat(engine.getStatusCode().value()).as(user + " /engine-rest/deployment/create").isEqualTo(403);
			assertThat(engine.getBody()).as(user).contains("/api/deployments");
		}
		ResponseEntity<String> named = rest.withBasicAuth("demo", "demo")
			.postForEntity("/engine-rest/engine/default/deployment/create", engineDeployment(), String.class);
		assertThat(named.getStatusCode().value()).as("the named engine's path " + named.getBody()).isEqualTo(403);
		String anyDeployment = repository.createDeploymentQuery().list().get(0).getId();
		assertThat(rest.withBasicAuth("demo", "demo")
			.postForEntity("/engine-rest/deployment/" + anyDeployment + "/redeploy", Map.of(), String.class)
			.getStatusCode()
			.value()).as("redeploy as admin").isEqualTo(403);
		WebappSession admin = new WebappSession(rest.getRootUri());
		admin.logIn("demo", "demo");
		java.net.http.HttpResponse<String> viaWebapps = admin.send("POST",
				"/camunda/api/engine/engine/default/deployment/create", "{}", true);
		assertThat(viaWebapps.statusCode()).as("the webapps' engine API " + viaWebapps.body()).isEqualTo(403);
		assertThat(viaWebapps.body()).contains("/api/deployments");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aCandidateCannotHandTheTaskToSomebodyElse() {
		String task = "/engine-rest/task/" + eastTask.getId();
		assertThat(tasks.createTaskQuery().taskId(eastTask.getId()).taskCandidateGroup(Roles.REGIONAL_MANAGER).count())
			.as("wang.east is a candidate through his group")
			.isEqualTo(1);

		List<Object[]> handovers = List.of(new Object[] { "POST", task + "/assignee", Map.of("userId", "li.south") },
				new Object[] { "POST", task + "/delegate", Map.of("userId", "zhao.director") },
				new Object[] { "POST", task + "/claim", Map.of("userId", "li.south") },
				new Object[] { "PUT", task,
						Map.of("name", eastTask.getName(), "assignee", "li.south", "owner", "li.south") },
				new Object[] { "POST", task + "/identity-links", Map.of("userId", "li.south", "type", "candidate") },
				new Object[] { "POST", task + "/identity-links", Map.of("userId", "li.south", "type", "assignee") });
		for (Object[] handover : handovers) {
			ResponseEntity<String> answer = as("wang.east", (String) handover[0], (String) handover[1], handover[2]);
			assertThat(answer.getStatusCode().value())
				.as(handover[0] + " " + handover[1] + " " + handover[2] + " " + answer.getBody())
				.isEqualTo(403);
			assertThat(tasks.createTaskQuery().taskId(eastTask.getId()).singleResult().getAssignee()).isNull();
		}
		// once he has claimed it himself, it is his to work, still not to give away
		assertThat(as("wang.east", "POST", task + "/claim", Map.of("userId", "wang.east")).getStatusCode().value())
			.isEqualTo(204);
		for (Object[] handover : handovers.subList(0, 2)) {
			assertThat(as("wang.east", (String) handover[0], (String) handover[1], handover[2]).getStatusCode().value())
				.as(handover[0] + " " + handover[1] + " as assignee")
				.isEqualTo(403);
		}
		Task after = tasks.createTaskQuery().taskId(eastTask.getId()).singleResult();
		assertThat(after.getAssignee()).isEqualTo("wang.east");
		assertThat(after.getOwner()).isNull();
		assertThat(tasks.getIdentityLinksForTask(eastTask.getId()))
			.noneSatisfy(link -> assertThat(link.getUserId()).isEqualTo("li.south"));
		System.out.printf("candidate hand-overs: %d tried, all 403%n", handovers.size() + 2);
	}

	private ResponseEntity<String> as(String user, String method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
	}

	private static HttpEntity<LinkedMultiValueMap<String, Object>> rulesFile() {
		return multipart("files", "rules/dealer-classification/parameters.properties", "tierA.minVolume=1\n");
	}

	private static HttpEntity<LinkedMultiValueMap<String, Object>> engineDeployment() {
		HttpEntity<LinkedMultiValueMap<String, Object>> entity = multipart("data", "evil.bpmn",
				"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>");
		entity.getBody().add("deployment-name", "evil");
		return entity;
	}

	private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(String part, String name, String content) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add(part, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return new HttpEntity<>(form, headers);
	}

	/** What a write could change, counted. */
	private record Snapshot(long deployments, long instances, long openTasks, long variables, long users, long groups,
			long tenants, long authorizations, long filters, long decisions, long cardMoves, long imports,
			long deploymentAudits) {
	}

	private Snapshot snapshot() {
		return new Snapshot(repository.createDeploymentQuery().count(), runtime.createProcessInstanceQuery().count(),
				tasks.createTaskQuery().count(), runtime.createVariableInstanceQuery().count(),
				identity.createUserQuery().count(), identity.createGroupQuery().count(),
				identity.createTenantQuery().count(), authorizations.createAuthorizationQuery().count(),
				filters.createFilterQuery().count(), count("decision"), count("work_plan_item_move"),
				count("market_import"), count("deployment_audit"));
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
