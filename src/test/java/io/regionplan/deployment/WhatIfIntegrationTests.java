package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What a change would do before it goes live (a what-if of candidate files), and what
 * today's rules would have decided in a past decision (a replay), both on the facts the
 * decision was given.
 */
@IntegrationTest
class WhatIfIntegrationTests {

	static final String PARAMETERS = "rules/dealer-classification/parameters.properties";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	@AfterEach
	void restoreTheShippedVersion() {
		ProcessFilesDeployment.deployChange(repository, "regionplan", ProcessFiles.fromFolder(Path.of(".")));
	}

	private static String loweredThreshold() throws IOException {
		String changed = Files.readString(Path.of(PARAMETERS))
			.replace("tierA.percentileFrom = 0.80", "tierA.percentileFrom = 0.70");
		assertThat(changed).contains("tierA.percentileFrom = 0.70");
		return changed;
	}

	private static HttpEntity<LinkedMultiValueMap<String, Object>> file(String path, String content) {
		return DeploymentApiIntegrationTests.files(path, content);
	}

	private ResponseEntity<JsonNode> preview(String user, String query, HttpEntity<?> files) {
		return rest.withBasicAuth(user, "demo")
			.postForEntity("/api/deployments/preview?" + query, files, JsonNode.class);
	}

	private JsonNode dealerDecision(String cycle) {
		JsonNode page = rest.withBasicAuth("sun.auditor", "demo")
			.getForObject(
					"/api/decisions?ruleSet=dealer-classification&subjectsPerDecision=0&processInstanceId=" + cycle,
					JsonNode.class);
		String id = page.get("content").get(0).get("id").asText();
		return rest.withBasicAuth("sun.auditor", "demo").getForObject("/api/decisions/" + id, JsonNode.class);
	}

	/**
	 * Worked out from the recorded inputs with the policy, not with the rules: with A
	 * from the 70th percentile, the dealers between 0.70 and 0.80 that meet A's other
	 * conditions move up from B.
	 */
	private static Set<String> dealersMovingToA(JsonNode decision) {
		Set<String> moving = new TreeSet<>();
		for (JsonNode subject : decision.get("subjects")) {
			JsonNode in = subject.get("inputs");
			BigDecimal percentile = in.get("percentile").decimalValue();
			boolean growing = !in.get("growth").isNull() && in.get("growth").decimalValue().signum() >= 0;
			if (percentile.compareTo(new BigDecimal("0.70")) >= 0 && percentile.compareTo(new BigDecimal("0.80")) < 0
					&& growing && in.get("overdueDays").asInt() <= 30 && in.get("crossRegionIncidents").asInt() == 0) {
				moving.add(subject.get("subjectId").asText());
			}
		}
		return moving;
	}

	private static Set<String> changedSubjects(JsonNode replay) {
		Set<String> ids = new TreeSet<>();
		replay.get("changes").forEach(change -> ids.add(change.get("subjectId").asText()));
		return ids;
	}

	@Test
	void aLowerAThresholdReportsExactlyTheDealersThatMoveAndWritesNothing() throws IOException {
		String cycle = driver.runPlanning("east", "wang.east");
		JsonNode decision = dealerDecision(cycle);
		Set<String> moving = dealersMovingToA(decision);
		assertThat(moving).as("the demo east region has dealers between the 70th and 80th percentile").isNotEmpty();
		long deployments = repository.createDeploymentQuery().count();
		int decisions = jdbc.queryForObject("select count(*) from decision", Integer.class);
		int audits = jdbc.queryForObject("select count(*) from deployment_audit", Integer.class);

		ResponseEntity<JsonNode> answer = preview("chen.owner", "region=east&processInstanceId=" + cycle,
				file(PARAMETERS, loweredThreshold()));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode replay = answer.getBody().get("ruleSets").get(0);
		assertThat(answer.getBody().get("ruleSets")).hasSize(1);
		assertThat(replay.get("ruleSet").asText()).isEqualTo("dealer-classification");
		assertThat(replay.get("decisionId").asText()).isEqualTo(decision.get("id").asText());
		assertThat(replay.get("before").get("label").asText()).isEqualTo("inForce");
		assertThat(replay.get("after").get("label").asText()).isEqualTo("candidate");
		assertThat(changedSubjects(replay)).isEqualTo(moving);
		assertThat(replay.get("changed").asInt()).isEqualTo(moving.size());
		assertThat(replay.get("subjects").asInt()).isEqualTo(decision.get("subjectCount").asInt());
		for (JsonNode change : replay.get("changes")) {
			assertThat(change.get("before").get("tier").asText()).isEqualTo("B");
			assertThat(change.get("after").get("tier").asText()).isEqualTo("A");
			assertThat(change.get("rulesNowFiring")).extracting(JsonNode::asText).containsExactly("TierA_TopSales");
			assertThat(change.get("summary").asText()).startsWith(change.get("name").asText() + " (")
				.contains("tier B → A")
				.contains("now fires: TierA_TopSales");
		}
		JsonNode tiers = replay.get("counts").get("tier");
		int aBefore = tiers.get("A").get("before").asInt();
		assertThat(aBefore).isEqualTo(jdbc.queryForObject(
				"select count(*) from cycle_dealer_tier where process_instance_id = ? and tier = 'A'", Integer.class,
				cycle));
		assertThat(tiers.get("A").get("after").asInt()).isEqualTo(aBefore + moving.size());
		assertThat(tiers.get("B").get("after").asInt()).isEqualTo(tiers.get("B").get("before").asInt() - moving.size());

		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
		assertThat(jdbc.queryForObject("select count(*) from decision", Integer.class)).isEqualTo(decisions);
		assertThat(jdbc.queryForObject("select count(*) from deployment_audit", Integer.class))
			.as("the what-if, audited")
			.isEqualTo(audits + 1);
		assertThat(latestAudit()).containsExactly("PREVIEW", "COMPARED", "chen.owner",
				"{\"" + PARAMETERS + "\":\""
						+ DeploymentService.sha256(loweredThreshold().getBytes(java.nio.charset.StandardCharsets.UTF_8))
						+ "\"}");
	}

	/** Action, outcome, user and files of the latest audit row. */
	private List<String> latestAudit() {
		return jdbc.queryForObject(
				"select action, outcome, user_id, files from deployment_audit order by attempted_at desc "
						+ "fetch first 1 rows only",
				(row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
	}

	@Test
	void withoutACycleTheRegionsLatestDecisionIsTheBasis() throws IOException {
		String cycle = driver.runPlanning("south", "li.south");

		JsonNode preview = preview("chen.owner", "region=south", file(PARAMETERS, loweredThreshold())).getBody();

		JsonNode replay = preview.get("ruleSets").get(0);
		assertThat(replay.get("tenantId").asText()).isEqualTo("south");
		assertThat(replay.get("processInstanceId").asText()).isEqualTo(cycle);
		assertThat(replay.get("cycleEnded").asBoolean()).as("the cycle still runs (no cycle of south has ended)")
			.isFalse();
	}

	@Test
	void replayShowsThePastDecisionReproducedAndWhatTodaysRulesWouldChange() throws IOException {
		String cycle = driver.runPlanning("east", "wang.east");
		JsonNode decision = dealerDecision(cycle);
		String id = decision.get("id").asText();

		JsonNode unchanged = rest.withBasicAuth("sun.auditor", "demo")
			.getForObject("/api/decisions/" + id + "/replay", JsonNode.class);
		assertThat(unchanged.get("notReproduced").asInt()).as("the record is reproduced from its facts").isZero();
		assertThat(unchanged.get("changed").asInt()).isZero();

		ResponseEntity<JsonNode> deployed = rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments", file(PARAMETERS, loweredThreshold()), JsonNode.class);
		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		JsonNode replay = rest.withBasicAuth("sun.auditor", "demo")
			.getForObject("/api/decisions/" + id + "/replay", JsonNode.class);
		assertThat(replay.get("notReproduced").asInt()).isZero();
		assertThat(replay.get("before").get("deploymentId").asText()).isEqualTo(decision.get("deploymentId").asText());
		assertThat(replay.get("after").get("deploymentId").asText())
			.isEqualTo(deployed.getBody().get("deploymentId").asText());
		assertThat(changedSubjects(replay)).isEqualTo(dealersMovingToA(decision));
		List<String> audited = latestAudit();
		assertThat(audited.subList(0, 3)).containsExactly("REPLAY", "COMPARED", "sun.auditor");
		assertThat(audited.get(3)).contains(id)
			.contains(decision.get("contentHash").asText())
			.contains(deployed.getBody().get("deploymentId").asText());
		assertThat(rest.withBasicAuth("li.south", "demo")
			.getForEntity("/api/decisions/" + id + "/replay", String.class)
			.getStatusCode()).as("another region's decision").isEqualTo(HttpStatus.NOT_FOUND);
	}

	/**
	 * The shipped tiers with one more rule giving dealer D-E-001 the tier {@code tier}
	 * (Java) computes.
	 */
	private static String tiersDecidingD001(String rule, String tier) throws IOException {
		return Files.readString(Path.of("rules/dealer-classification/tiers.drl")) + "\nrule \"" + rule + "\"\nwhen\n"
				+ "    $d : Dealer( dealerId == \"D-E-001\" )\nthen\n    insert(new DealerTier($d.dealerId(), " + tier
				+ ", \"\", \"\"));\nend\n";
	}

	/**
	 * A candidate that fails on the facts is a problem (400) naming the rule set and the
	 * rule in fixed words: what the failing code computed (here a dealer's name, of which
	 * the number format error's own message quotes a character) is not in the answer, so
	 * a what-if cannot read data out. The attempt is audited.
	 */
	@Test
	void aCandidateThatFailsOnTheFactsIsAProblemNotAnError() throws IOException {
		String cycle = driver.runPlanning("east", "wang.east");
		String tiers = tiersDecidingD001("Broken", "new java.math.BigDecimal($d.name()).toPlainString()");
		String name = dealerDecision(cycle).get("subjects")
			.findValues("inputs")
			.stream()
			.filter(in -> in.get("dealerId").asText().equals("D-E-001"))
			.findFirst()
			.orElseThrow()
			.get("name")
			.asText();

		ResponseEntity<JsonNode> answer = preview("chen.owner", "region=east&processInstanceId=" + cycle,
				file("rules/dealer-classification/tiers.drl", tiers));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("problems")).singleElement().satisfies(problem -> {
			assertThat(problem.get("file").asText()).isEqualTo("rules/dealer-classification/");
			assertThat(problem.get("message").asText()).contains("candidate rules fail")
				.contains("rule set 'dealer-classification' failed in rule 'Broken'")
				.contains("NumberFormatException");
		});
		assertThat(answer.getBody().toString()).doesNotContain(name).doesNotContain("neither a decimal digit");
		assertThat(latestAudit().subList(0, 3)).containsExactly("PREVIEW", "FAILED", "chen.owner");
	}

	/**
	 * A candidate that allocates past the memory limit inside one firing (a number with a
	 * billion digits written out, past the tests' limit of 768 MB) is stopped and
	 * answered with 400 naming the rule and the limit; the server keeps serving.
	 */
	@Test
	void aCandidatePastALimitIsAProblemAndTheServerKeepsServing() throws IOException {
		String cycle = driver.runPlanning("east", "wang.east");
		String tiers = tiersDecidingD001("Huge", "new java.math.BigDecimal(\"1E1000000000\").toPlainString()");

		ResponseEntity<JsonNode> answer = preview("chen.owner", "region=east&processInstanceId=" + cycle,
				file("rules/dealer-classification/tiers.drl", tiers));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody().get("problems")).singleElement()
			.satisfies(
					problem -> assertThat(problem.get("message").asText()).contains("rule set 'dealer-classification'")
						.contains("in rule 'Huge'")
						.contains("allocated more than 768 MB (the memory limit)"));
		assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void badCandidatesAndBadRequestsAreRefusedWithTheReason() throws IOException {
		ResponseEntity<JsonNode> invalid = preview("chen.owner", "region=east",
				file("rules/dealer-classification/tiers.drl",
						"package rules.x;\nrule \"X\" when then Runtime.getRuntime(); end\n"));
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(invalid.getBody().get("problems"))
			.anySatisfy(p -> assertThat(p.get("message").asText()).contains("Runtime"));
		assertThat(invalid.getBody().get("ruleSets")).isEmpty();

		ResponseEntity<String> region = rest.withBasicAuth("chen.owner", "demo")
			.postForEntity("/api/deployments/preview?region={region}", file(PARAMETERS, loweredThreshold()),
					String.class, "<img src=x onerror=alert(1)>");
		assertThat(region.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(region.getBody()).contains("no region").contains("not a valid id").doesNotContain("<img");

		for (String user : List.of("wang.east", "sun.auditor")) {
			assertThat(preview(user, "region=east", file(PARAMETERS, loweredThreshold())).getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}

		JsonNode same = preview("chen.owner", "region=east", file(PARAMETERS, Files.readString(Path.of(PARAMETERS))))
			.getBody();
		List<String> notes = new ArrayList<>();
		same.get("notes").forEach(note -> notes.add(note.asText()));
		assertThat(same.get("ruleSets")).isEmpty();
		assertThat(notes).singleElement().asString().contains("change no rule set");
	}

}
