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
 * Bad JSON bodies to the application API: a value of the wrong type names its field, a body that is no JSON
 * says so, a body over 1 MB is 413; nothing is written.
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
		return rest.withBasicAuth(bad.user(), "demo").postForEntity(bad.path(), new HttpEntity<>(bad.body(), headers),
				JsonNode.class);
	}

	private int rows(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	@Test
	void badBodiesAreRefusedWithTheFieldAndChangeNothing() {
		String migrations = "/api/deployments/migrations";
		String move = "/api/workplan/cards/no-such-card/move";
		List<Bad> bads = List.of(
				new Bad("chen.owner", migrations, "{\"processKey\": \"regional-planning-cycle\", \"fromVersion\": \"abc\"}",
						HttpStatus.BAD_REQUEST, "field 'fromVersion' has a value of the wrong type: 'abc' is not Integer"),
				new Bad("chen.owner", migrations, "{\"processKey\": \"regional-planning-cycle\", \"toVersion\": [1]}",
						HttpStatus.BAD_REQUEST, "field 'toVersion' has a value of the wrong type"),
				new Bad("chen.owner", migrations, "not json", HttpStatus.BAD_REQUEST, "the request body is not valid JSON"),
				new Bad("chen.owner", migrations, "{\"processKey\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}",
						HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than 1 MB"),
				new Bad("wang.east", move, "{\"to\": \"DONE\", \"version\": \"first\"}", HttpStatus.BAD_REQUEST,
						"field 'version' has a value of the wrong type: 'first' is not Integer"),
				new Bad("wang.east", move, "{\"to\": \"DONE\"", HttpStatus.BAD_REQUEST, "the request body is not valid JSON"));
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
