package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The webapps (Tasklist, Cockpit, Admin) and the application's pages in a browser: a
 * forged change without the CSRF token is refused, the session cookie is not readable by
 * scripts nor sent with cross-site requests, the responses carry the security headers,
 * and a wrong password delays the login.
 */
@IntegrationTest
class WebappSecurityIntegrationTests {

	static final String ENGINE = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	CycleDriver driver;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void aChangeWithTheSessionCookieButWithoutTheCsrfTokenIsRefused() {
		Task task = driver.task(driver.start("east"), "Task_DataRefreshCheck");
		String claim = ENGINE + "/task/" + task.getId() + "/claim";
		String body = "{\"userId\":\"wang.east\"}";
		List<String[]> forgeries = List.of(new String[] { "POST", claim, body },
				new String[] { "PUT", ENGINE + "/task/" + task.getId(),
						"{\"name\":\"forged\",\"assignee\":\"wang.east\"}" },
				new String[] { "POST", ENGINE + "/task/" + task.getId() + "/complete", "{\"variables\":{}}" },
				new String[] { "POST", "/camunda/api/admin/auth/user/default/logout", null });

		for (String[] forged : forgeries) {
			WebappSession wang = new WebappSession(rest.getRootUri());
			assertThat(wang.logIn("wang.east", "demo").statusCode()).isEqualTo(200);
			assertThat(wang.get("/camunda/api/admin/auth/user/default").statusCode()).as("logged in").isEqualTo(200);

			HttpResponse<String> answer = wang.send(forged[0], forged[1], forged[2], false);

			assertThat(answer.statusCode()).as(forged[0] + " " + forged[1] + " " + answer.body()).isEqualTo(403);
			assertThat(answer.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
			// Camunda ends the session a forged request rode on
			assertThat(wang.get("/camunda/api/admin/auth/user/default").statusCode()).as("logged out").isEqualTo(404);
		}
		Task unchanged = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(unchanged.getAssignee()).isNull();
		assertThat(unchanged.getName()).isEqualTo(task.getName());

		WebappSession wang = new WebappSession(rest.getRootUri());
		wang.logIn("wang.east", "demo");
		HttpResponse<String> genuine = wang.send("POST", claim, body, true);
		assertThat(genuine.statusCode()).as("the same change with the token").isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("wang.east");
		System.out.printf("webapp requests without CSRF token: %d tried, all 403, nothing changed%n", forgeries.size());
	}

	@Test
	void tasklistCompletionsAreCheckedAgainstTheFormLikeTheRestApi() {
		String cycle = driver.start("east");
		Task task = driver.task(cycle, "Task_DataRefreshCheck");
		WebappSession wang = new WebappSession(rest.getRootUri());
		wang.logIn("wang.east", "demo");
		assertThat(wang.send("POST", ENGINE + "/task/" + task.getId() + "/claim", "{\"userId\":\"wang.east\"}", true)
			.statusCode()).isEqualTo(204);
		java.util.Map<String, Object> before = runtime.getVariables(cycle);

		// the cycle's region is not a field of the form: overwriting it would point the
		// rule tasks at south's data
		HttpResponse<String> refused = wang.send("POST", ENGINE + "/task/" + task.getId() + "/submit-form",
				"{\"variables\":{\"dataConfirmed\":{\"value\":true},\"region\":{\"value\":\"south\"}}}", true);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("region").contains(" / ");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
		assertThat(runtime.getVariables(cycle)).as("nothing written").isEqualTo(before);

		HttpResponse<String> good = wang.send("POST", ENGINE + "/task/" + task.getId() + "/submit-form",
				"{\"variables\":{\"dataConfirmed\":{\"value\":true}}}", true);
		assertThat(good.statusCode()).as(good.body()).isEqualTo(204);
		assertThat(runtime.getVariable(cycle, "region")).isEqualTo("east");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() {
		WebappSession session = new WebappSession(rest.getRootUri());
		HttpResponse<String> login = session.logIn("wang.east", "demo");

		List<String> cookies = login.headers().allValues("Set-Cookie");
		String sessionCookie = cookies.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the login renews the session: " + cookies));
		assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(sessionCookie).as("demo profile: plain http on localhost").doesNotContainIgnoringCase("Secure");
		assertThat(session.sessionCookie()).get().satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue());
	}

	@Test
	void webappPagesAndApisCarryTheSecurityHeaders() {
		WebappSession browser = new WebappSession(rest.getRootUri());
		for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
				"/camunda/app/admin/default/", "/camunda/api/engine/engine", "/insight/quadrant.html",
				"/engine-rest/engine", "/api/session/csrf")) {
			HttpResponse<String> answer = browser.get(path);
			var headers = answer.headers();
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(headers.firstValue("X-Frame-Options").isPresent()
					|| headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"))
				.as(path + " may not be framed")
				.isTrue();
			assertThat(headers.firstValue("Server")).as(path + " tells no server version").isEmpty();
			assertThat(headers.firstValue("X-Powered-By")).as(path).isEmpty();
		}
		for (String app : List.of("tasklist", "cockpit", "admin")) {
			String csp = browser.get("/camunda/app/" + app + "/default/")
				.headers()
				.firstValue("Content-Security-Policy")
				.orElse("");
			assertThat(csp).as(app + ": Camunda's own Content-Security-Policy")
				.contains("default-src 'self'")
				.contains("object-src 'none'")
				.contains("frame-ancestors 'none'");
		}
	}

	@Test
	void everythingOutsideTheWebappsCarriesTheStrictContentSecurityPolicy() {
		WebappSession browser = new WebappSession(rest.getRootUri());
		List<String> paths = List.of("/insight/quadrant.html", "/insight/plan-vs-actual.html", "/insight/tier-mix.html",
				"/insight/kanban.html", "/insight/insight.js", "/insight/quadrant.js", "/insight/insight.css",
				"/_static/echarts/5.6.0/dist/echarts.min.js", "/insight/no-such-page.html", "/", "/actuator/health",
				"/api/decisions", "/api/session/csrf", "/engine-rest/engine", "/engine-rest/task");

		for (String path : paths) {
			String csp = browser.get(path).headers().firstValue("Content-Security-Policy").orElse("(none)");

			assertThat(csp).as(path)
				.isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
				.contains("script-src 'self';", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'")
				.doesNotContain("unsafe");
		}
		for (String app : List.of("tasklist", "cockpit", "admin")) {
			List<String> csp = browser.get("/camunda/app/" + app + "/default/")
				.headers()
				.allValues("Content-Security-Policy");
			assertThat(csp).as(app + " keeps Camunda's policy alone")
				.hasSize(1)
				.allSatisfy(policy -> assertThat(policy).isNotEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY));
		}
		System.out.printf("Content-Security-Policy: %d addresses outside the webapps, 3 webapps with Camunda's own%n",
				paths.size());
	}

	@Test
	void aWrongPasswordDelaysTheWebappLogin() {
		// a user of its own: a wrong password delays the user's next login from this
		// address (LoginThrottle)
		if (identity.createUserQuery().userId("throttled.web").count() == 0) {
			User user = identity.newUser("throttled.web");
			user.setPassword("right");
			identity.saveUser(user);
		}
		WebappSession session = new WebappSession(rest.getRootUri());
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date());
		try {
			assertThat(session.logIn("throttled.web", "wrong").statusCode()).isEqualTo(401);
			assertThat(session.logIn("throttled.web", "right").statusCode()).as("the right password during the delay")
				.isEqualTo(401);
			assertThat(session.get("/camunda/api/admin/auth/user/default").statusCode()).as("not logged in")
				.isNotEqualTo(200);
		}
		finally {
			EngineClock.pin();
		}
	}

}
