package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login throttling by user and client address, over HTTP Basic and the webapps' login,
 * from two addresses of this machine (127.0.0.1 and ::1), on the engine's clock, which
 * the test stops and moves: a wrong password delays that user from that address only, the
 * right password works once the delay has passed, and no number of wrong passwords keeps
 * a user (the admin) out from another address or for good.
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	private final HttpClient http = HttpClient.newHttpClient();

	private String here;

	private String elsewhere;

	private long start;

	@BeforeEach
	void twoAddressesAndAStoppedClock() {
		here = "http://127.0.0.1:" + port;
		elsewhere = "http://[::1]:" + port;
		Assumptions.assumeTrue(reachable(elsewhere), "no IPv6 loopback (::1) to be a second client address");
		start = System.currentTimeMillis();
		ClockUtil.setCurrentTime(new Date(start));
	}

	@AfterEach
	void clock() {
		EngineClock.pin();
	}

	private boolean reachable(String base) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException | InterruptedException | IllegalArgumentException ex) {
			return false;
		}
	}

	private void later(int seconds) {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L));
	}

	/** A user of the test's own (no login of it is remembered yet) in the given group. */
	private String newUser(String group) {
		String id = "throttle." + System.nanoTime();
		User user = identity.newUser(id);
		user.setPassword("right");
		identity.saveUser(user);
		identity.createMembership(id, group);
		return id;
	}

	private HttpResponse<String> basic(String base, String user, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/task?maxResults=1"))
			.header("Authorization", "Basic " + credentials)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aWrongPasswordDelaysThatUserFromThatAddressOnly() throws Exception {
		String user = newUser(Roles.REGIONAL_MANAGER);

		assertThat(basic(here, user, "wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> waiting = basic(here, user, "right");

		assertThat(waiting.statusCode()).as("the right password while the delay runs: not checked").isEqualTo(429);
		assertThat(waiting.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(waiting.body()).contains("try again in 3 s");
		assertThat(basic(elsewhere, user, "right").statusCode()).as("from another address at once").isEqualTo(200);
		assertThat(basic(here, "wang.east", "demo").statusCode()).as("another user from this address").isEqualTo(200);
		later(2);
		assertThat(basic(here, user, "right").statusCode()).as("2 s later").isEqualTo(429);
		later(1);
		assertThat(basic(here, user, "right").statusCode()).as("once the delay has passed").isEqualTo(200);
		assertThat(basic(here, user, "wrong").statusCode()).as("afresh: a wrong password is checked").isEqualTo(401);
	}

	@Test
	void wrongPasswordsForAnAdminNeitherKeepItOutElsewhereNorLockItForGood() throws Exception {
		String admin = newUser(Roles.ADMIN);
		for (int wrong = 1; wrong <= 12; wrong++) {
			assertThat(basic(here, admin, "guess" + wrong).statusCode()).isEqualTo(401);
			assertThat(basic(elsewhere, admin, "right").statusCode()).as("the admin elsewhere after " + wrong)
				.isEqualTo(200);
			later(60);
		}

		assertThat(basic(here, admin, "right").statusCode()).as("after 12 wrong passwords and the delay: no lock")
			.isEqualTo(200);
	}

	@Test
	void theWebappLoginIsThrottledTheSameWay() throws Exception {
		String user = newUser(Roles.REGIONAL_MANAGER);

		assertThat(new WebappSession(here).logIn(user, "wrong").statusCode()).isEqualTo(401);
		assertThat(new WebappSession(here).logIn(user, "right").statusCode()).as("during the delay").isEqualTo(401);
		assertThat(basic(here, user, "right").statusCode()).as("Basic shares the delay").isEqualTo(429);
		assertThat(new WebappSession(elsewhere).logIn(user, "right").statusCode()).as("from another address")
			.isEqualTo(200);
		later(3);
		assertThat(new WebappSession(here).logIn(user, "right").statusCode()).as("once the delay has passed")
			.isEqualTo(200);
	}

}
