package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.regionplan.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Without credentials every call of the two APIs is refused with 401: every /api endpoint
 * Spring MVC knows (read from the handler mapping, so a new controller is covered without
 * touching this test) and the engine REST API's resources, each with every method. Only
 * the engine-name call stays open.
 */
@IntegrationTest
class UnauthenticatedAccessIntegrationTests {

	static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	/** A representative set of engine REST resources; {@code x} stands for any id. */
	static final List<String> ENGINE_REST_PATHS = List.of("/task", "/task/count", "/task/x", "/task/x/claim",
			"/task/x/unclaim", "/task/x/complete", "/task/x/submit-form", "/task/x/assignee", "/task/x/delegate",
			"/task/x/resolve", "/task/x/variables", "/task/x/variables/v", "/task/x/form-variables",
			"/task/x/identity-links", "/task/x/comment", "/task/create", "/process-instance", "/process-instance/x",
			"/process-instance/x/variables", "/process-instance/x/variables/v", "/process-instance/x/suspended",
			"/process-instance/x/modification", "/process-instance/delete", "/process-definition",
			"/process-definition/x", "/process-definition/x/start",
			"/process-definition/key/regional-planning-cycle/start", "/process-definition/x/xml",
			"/process-definition/x/form-variables", "/process-definition/x/suspended", "/deployment",
			"/deployment/create", "/deployment/x", "/deployment/x/resources", "/deployment/x/redeploy",
			"/variable-instance", "/variable-instance/x", "/history/task", "/history/process-instance",
			"/history/process-instance/x", "/history/variable-instance", "/history/detail",
			"/history/activity-instance", "/history/decision-instance", "/history/incident", "/history/job-log",
			"/history/user-operation", "/history/cleanup", "/decision-definition", "/decision-definition/x/evaluate",
			"/job", "/job/x", "/job/x/retries", "/job-definition", "/incident", "/incident/x", "/user", "/user/create",
			"/user/x/profile", "/user/x/credentials", "/group", "/group/create", "/group/x/members/y", "/tenant",
			"/tenant/create", "/tenant/x/user-members/y", "/authorization", "/authorization/create", "/authorization/x",
			"/authorization/check", "/execution", "/execution/x", "/execution/x/signal", "/execution/x/localVariables",
			"/message", "/signal", "/filter", "/filter/create", "/filter/x/list", "/identity/groups",
			"/identity/verify", "/identity/password-policy", "/batch", "/metrics", "/schema/log", "/telemetry/data",
			"/engine/default/task", "/engine/default/user", "/engine/default/process-instance");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyApplicationApiEndpointAnswers401WithoutCredentials() throws Exception {
		Set<String> calls = new LinkedHashSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "dummy");
				for (RequestMethod method : methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods) {
					if (method != RequestMethod.TRACE) {
						calls.add(method + " " + path);
					}
				}
			}
		}
		// a path no controller maps and the CSRF token of a webapp session are /api too
		calls.add("GET /api/no-such-endpoint");
		calls.add("POST /api/no-such-endpoint");

		List<String> answered = callAll(calls);

		System.out.printf("/api without credentials: %d calls (every path and method of the handler mapping, and 2 "
				+ "unmapped), %d not 401%n", calls.size(), answered.size());
		assertThat(calls).as("the enumeration found the application's endpoints")
			.contains("POST /api/deployments", "POST /api/market/imports", "POST /api/workplan/cards/dummy/move",
					"GET /api/decisions/dummy/replay", "GET /api/insight/regions/dummy/quadrant")
			.hasSizeGreaterThanOrEqualTo(30);
		assertThat(answered).as("calls that did not answer 401").isEmpty();
	}

	@Test
	void everyEngineRestResourceAnswers401WithoutCredentials() throws Exception {
		Set<String> calls = new LinkedHashSet<>();
		for (String path : ENGINE_REST_PATHS) {
			for (String method : METHODS) {
				calls.add(method + " /engine-rest" + path);
			}
		}
		// the one open call with other methods, and spellings that might slip past a path
		// matcher
		for (String method : List.of("POST", "PUT", "DELETE")) {
			calls.add(method + " /engine-rest/engine");
		}
		calls.add("GET /engine-rest/engine/");
		calls.add("GET /engine-rest/engine/default");
		calls.add("GET /engine-rest//task");
		calls.add("GET /engine-rest/./task");
		calls.add("GET /engine-rest/engine/../task");
		calls.add("GET /engine-rest/engine/..%2Ftask");
		calls.add("GET /engine-rest/task;jsessionid=x");
		calls.add("GET /engine-rest/TASK");
		calls.add("GET /Engine-Rest/task");

		List<String> answered = callAll(calls);

		System.out.printf(
				"/engine-rest without credentials: %d calls (%d resources x %d methods + %d variants), %d not refused%n",
				calls.size(), ENGINE_REST_PATHS.size(), METHODS.size(),
				calls.size() - ENGINE_REST_PATHS.size() * METHODS.size(), answered.size());
		assertThat(answered).as("calls answered with something else than a refusal").isEmpty();
		HttpResponse<String> engines = send("GET", "/engine-rest/engine");
		assertThat(engines.statusCode()).isEqualTo(200);
		assertThat(engines.body()).contains("\"name\":\"default\"");
	}

	/**
	 * The calls not refused: 401 is expected; a spelling Tomcat or the firewall rejects
	 * (400, 404) never reaches the API.
	 */
	private List<String> callAll(Set<String> calls) throws Exception {
		List<String> notRefused = new ArrayList<>();
		for (String call : calls) {
			String method = call.substring(0, call.indexOf(' '));
			String path = call.substring(call.indexOf(' ') + 1);
			int status = send(method, path).statusCode();
			boolean plain = path.equals(URI.create(path).normalize().getPath()) && !path.contains(";")
					&& path.toLowerCase().equals(path) || path.startsWith("/api/");
			if (plain ? status != 401 : !(status == 401 || status == 400 || status == 404)) {
				notRefused.add(call + " → " + status);
			}
		}
		return notRefused;
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
			.header("Content-Type", "application/json")
			.method(method,
					method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
							? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
