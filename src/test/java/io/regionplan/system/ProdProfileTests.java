package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.regionplan.RegionPlanApplication;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The prod profile refuses to start without a real admin password, before anything is
 * created; with one it starts closed.
 */
@Tag("jvm")
class ProdProfileTests {

	private static void startProd(String... environment) {
		SpringApplication application = new SpringApplication(RegionPlanApplication.class);
		application.setAdditionalProfiles("prod");
		List<String> args = new ArrayList<>(
				List.of("--spring.datasource.url=jdbc:h2:mem:prod-check", "--server.port=0"));
		for (String variable : environment) {
			args.add("--" + variable);
		}
		application.run(args.toArray(String[]::new));
	}

	/**
	 * The prod profile with an admin password, in a JVM of its own: Camunda keeps the
	 * process engine and the webapps' runtime in static registries, which a second engine
	 * in the test JVM would take away from the shared integration context when it stops.
	 * Only health is open, the H2 console is off, no demo user exists, and the session
	 * cookie is Secure.
	 */
	@Test
	void prodStartsWithAnAdminPasswordAndKeepsEverythingButHealthClosed() throws Exception {
		Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "prod-profile-", ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				RegionPlanApplication.class.getName(), "--spring.profiles.active=prod", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:prod-open", "--camunda.bpm.job-execution.enabled=false",
				"--regionplan.data-dir=target/prod-data")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("REGIONPLAN_ADMIN_USER", "boss");
		builder.environment().put("REGIONPLAN_ADMIN_PASSWORD", "Long-Random-Secret-42");
		Process prod = builder.start();
		try {
			String root = "http://localhost:" + port(prod, log);
			HttpClient http = HttpClient.newHttpClient();
			String admin = basic("boss", "Long-Random-Secret-42");

			assertThat(status(http, root + "/actuator/health", null)).isEqualTo(200);
			List<String> closed = List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
					"/actuator/configprops", "/actuator/mappings", "/actuator/loggers", "/actuator/threaddump",
					"/actuator/metrics", "/actuator/health/db", "/h2-console", "/h2-console/login.do");
			for (String path : closed) {
				assertThat(status(http, root + path, null)).as(path).isIn(401, 404);
				assertThat(status(http, root + path, admin)).as(path + " even for the admin").isIn(401, 404);
			}
			assertThat(get(http, root + "/actuator/health", null)).as("no details").isEqualTo("{\"status\":\"UP\"}");

			assertThat(get(http, root + "/engine-rest/user", admin)).as("the admin is the only user")
				.matches("\\[\\{\"id\":\"boss\",.*\\}\\]")
				.doesNotContain("wang.east");
			assertThat(get(http, root + "/engine-rest/tenant", admin)).as("no demo regions").isEqualTo("[]");
			for (String demoUser : List.of("demo", "wang.east", "zhao.director", "sun.auditor")) {
				assertThat(status(http, root + "/engine-rest/engine/default/task", basic(demoUser, "demo")))
					.as(demoUser)
					.isEqualTo(401);
			}

			// the first webapp page opens the session (for its CSRF token)
			HttpResponse<String> page = new WebappSession(root).get("/camunda/app/tasklist/default/");
			assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
				.singleElement()
				.satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Secure")
					.containsIgnoringCase("HttpOnly")
					.containsIgnoringCase("SameSite=Lax"));
			System.out.printf("prod profile: %d closed paths tried with and without admin credentials, all 401/404%n",
					closed.size());
		}
		finally {
			prod.destroy();
			if (!prod.waitFor(30, TimeUnit.SECONDS)) {
				prod.destroyForcibly();
			}
		}
	}

	/** The port Tomcat reports in the log of the started application. */
	private static int port(Process prod, Path log) throws Exception {
		Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			Matcher matcher = started.matcher(Files.readString(log));
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
			if (!prod.isAlive()) {
				throw new AssertionError("prod profile did not start:\n" + Files.readString(log));
			}
			Thread.sleep(200);
		}
		throw new AssertionError("prod profile not up after 180 s, see " + log);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
	}

	private static String get(HttpClient http, String url, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
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
		assertThatThrownBy(() -> startProd()).isInstanceOfSatisfying(UnsafeConfigurationException.class, ex -> {
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
