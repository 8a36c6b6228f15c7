package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad JSON bodies to the application API: a value of the wrong type names its field, a
 * body that is no JSON says so, a body over 1 MB is 413; nothing is written.
 */
@IntegrationTest
class ApiBadInputIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	record Bad(String user, String path, String body, HttpStatus status, String says) {
	}

	private ResponseEntity<JsonNode> post(Bad bad) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(bad.user(), "demo")
			.postForEntity(bad.path(), new HttpEntity<>(bad.body(), headers), JsonNode.class);
	}

	private int rows(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	/**
	 * Odd addresses, parameters and uploads found by probing the API: each a 400 with a
	 * message in both languages (a 500 or a bare 400 before), none repeating the odd
	 * input.
	 */
	@Test
	void oddAddressesParametersAndUploadsAre400WithAMessage() throws Exception {
		String noBoundary = "multipart/form-data";
		List<String[]> calls = List.of(new String[] { "zhao.director", "GET", "/api/decisions;x=1/abc", null },
				new String[] { "zhao.director", "GET", "/api/market/regions/east;foo/metrics/cities", null },
				new String[] { null, "GET", "/api/market/regions/east;foo/metrics/cities", null },
				new String[] { "zhao.director", "GET", "/api/decisions%3Bx=1", null },
				new String[] { "zhao.director", "GET", "/api/decisions//x", null },
				new String[] { "zhao.director", "GET", "/api/decisions/a%01b", null },
				new String[] { "zhao.director", "GET", "/api/decisions?subject=a%01b", null },
				new String[] { "zhao.director", "GET", "/api/decisions?subject=%00", null },
				new String[] { "zhao.director", "GET", "/api/decisions?%1Fsubject=x", null },
				new String[] { "wang.east", "GET", "/api/workplan/cards?region=east%0A", null },
				new String[] { "wang.east", "GET", "/engine-rest/task?name=%07", null },
				new String[] { null, "GET", "/insight/quadrant.html?region=%00", null },
				new String[] { null, "GET", "/camunda/app/tasklist/default/?x=%7F", null },
				new String[] { "wang.east", "GET", "/api/insight/regions/east/plan-vs-actual?year=1000000000", null },
				new String[] { "wang.east", "GET",
						"/api/insight/regions/east/plan-vs-actual?processInstanceId=no-such-cycle&year=1000000000",
						null },
				new String[] { "wang.east", "GET", "/api/insight/regions/east/plan-vs-actual?year=abc", null },
				new String[] { "zhao.director", "POST", "/api/market/imports", noBoundary },
				new String[] { "chen.owner", "POST", "/api/deployments", noBoundary },
				new String[] { "chen.owner", "POST", "/api/deployments/preview?region=east", noBoundary });
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

		for (String[] call : calls) {
			java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(rest.getRootUri() + call[2]));
			if (call[0] != null) {
				request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((call[0] + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			}
			if (call[3] != null) {
				request.header("Content-Type", call[3])
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("garbage"));
			}
			java.net.http.HttpResponse<String> answer = http.send(request.build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());

			assertThat(answer.statusCode()).as(call[1] + " " + call[2] + ": " + answer.body()).isEqualTo(400);
			JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
			assertThat(body.get("message").asText()).as(call[2])
				.contains(" / ")
				.doesNotContain("\u0000", "\u0001", "abc");
		}
		System.out.printf("odd addresses, parameters and uploads: %d calls, all 400 with a message%n", calls.size());
	}

	@Test
	void badBodiesAreRefusedWithTheFieldAndChangeNothing() {
		String migrations = "/api/deployments/migrations";
		String move = "/api/workplan/cards/no-such-card/move";
		List<Bad> bads = List.of(new Bad("chen.owner", migrations,
				"{\"processKey\": \"regional-planning-cycle\", \"fromVersion\": \"abc\"}", HttpStatus.BAD_REQUEST,
				"field 'fromVersion' has a value of the wrong type: 'abc' is not Integer"),
				new Bad("chen.owner", migrations, "{\"processKey\": \"regional-planning-cycle\", \"toVersion\": [1]}",
						HttpStatus.BAD_REQUEST, "field 'toVersion' has a value of the wrong type"),
				new Bad("chen.owner", migrations, "not json", HttpStatus.BAD_REQUEST,
						"the request body is not valid JSON"),
				new Bad("chen.owner", migrations, "{\"processKey\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}",
						HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than 1 MB"),
				new Bad("wang.east", move, "{\"to\": \"DONE\", \"version\": \"first\"}", HttpStatus.BAD_REQUEST,
						"field 'version' has a value of the wrong type: 'first' is not Integer"),
				new Bad("wang.east", move, "{\"to\": \"DONE\"", HttpStatus.BAD_REQUEST,
						"the request body is not valid JSON"));
		int audits = rows("deployment_audit");
		int moves = rows("work_plan_item_move");

		for (Bad bad : bads) {
			ResponseEntity<JsonNode> refused = post(bad);

			assertThat(refused.getStatusCode()).as(bad.says()).isEqualTo(bad.status());
			assertThat(refused.getBody().get("message").asText()).contains(bad.says()).contains(" / ");
		}

		assertThat(bads).hasSize(6);
		assertThat(rows("deployment_audit")).as("nothing migrated or audited").isEqualTo(audits);
		assertThat(rows("work_plan_item_move")).isEqualTo(moves);
	}

}
