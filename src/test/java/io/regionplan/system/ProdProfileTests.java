package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.regionplan.RegionPlanApplication;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile refuses to start without a real admin password, before anything is created; with
 * one it starts closed.
 */
class ProdProfileTests {

	private static ConfigurableApplicationContext startProd(String... environment) {
		SpringApplication application = new SpringApplication(RegionPlanApplication.class);
		application.setAdditionalProfiles("prod");
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:mem:prod-check", "--server.port=0"));
		for (String variable : environment) {
			args.add("--" + variable);
		}
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * A prod context of its own (the shared integration context is the demo profile): only health is open,
	 * the H2 console is off, no demo user exists, and the webapp session cookie is Secure.
	 */
	@Test
	void prodStartsWithAnAdminPasswordAndKeepsEverythingButHealthClosed() throws Exception {
		try (ConfigurableApplicationContext prod = startProd("REGIONPLAN_ADMIN_USER=boss", "REGIONPLAN_ADMIN_PASSWORD=Long-Random-Secret-42",
				"camunda.bpm.job-execution.enabled=false")) {
			String root = "http://localhost:" + ((WebServerApplicationContext) prod).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			String basicAdmin = "Basic " + Base64.getEncoder().encodeToString("boss:Long-Random-Secret-42".getBytes());

			assertThat(status(http, root + "/actuator/health", null)).isEqualTo(200);
			List<String> closed = List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
					"/actuator/configprops", "/actuator/mappings", "/actuator/loggers", "/actuator/threaddump",
					"/actuator/metrics", "/actuator/health/db", "/h2-console", "/h2-console/login.do");
			for (String path : closed) {
				assertThat(status(http, root + path, null)).as(path).isIn(401, 404);
				assertThat(status(http, root + path, basicAdmin)).as(path + " even for the admin").isIn(401, 404);
			}
			assertThat(http.send(HttpRequest.newBuilder(URI.create(root + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString()).body()).as("no details").isEqualTo("{\"status\":\"UP\"}");

			IdentityService identity = prod.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("boss");
			assertThat(identity.createTenantQuery().tenantIdIn("east", "south").count()).as("no demo regions").isZero();
			assertThat(identity.checkPassword("boss", "Long-Random-Secret-42")).isTrue();
			assertThat(status(http, root + "/engine-rest/user", "Basic " + Base64.getEncoder()
				.encodeToString("demo:demo".getBytes()))).as("no demo admin").isEqualTo(401);

			// the first webapp page opens the session (for its CSRF token)
			HttpResponse<String> page = new WebappSession(root).get("/camunda/app/tasklist/default/");
			assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
				.singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Secure")
					.containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
			System.out.printf("prod profile: %d closed paths tried with and without admin credentials, all 401/404%n",
					closed.size());
		}
	}

	private static int status(HttpClient http, String url, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void refusesToStartWithoutAdminPassword() {
		assertThatThrownBy(() -> startProd())
			.isInstanceOfSatisfying(UnsafeConfigurationException.class, ex -> {
				assertThat(ex.getMessage()).contains("No admin password");
				assertThat(ex.action()).contains("REGIONPLAN_ADMIN_PASSWORD");
			});
	}

	@Test
	void refusesAnAdminPasswordEqualToTheUserId() {
		assertThatThrownBy(() -> startProd("REGIONPLAN_ADMIN_USER=boss", "REGIONPLAN_ADMIN_PASSWORD=boss"))
			.isInstanceOf(UnsafeConfigurationException.class)
			.hasMessageContaining("equals the user id 'boss'");
	}

	@Test
	void failureIsReportedAsDescriptionAndAction() {
		FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer()
			.analyze(new IllegalStateException(new UnsafeConfigurationException("No admin password", "Set it")));

		assertThat(analysis.getDescription()).isEqualTo("No admin password");
		assertThat(analysis.getAction()).isEqualTo("Set it");
	}

}
