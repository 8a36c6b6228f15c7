package io.regionplan.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.deployment.ProcessFiles;
import io.regionplan.market.demo.DemoMarket;
import io.regionplan.planning.CycleDriver;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class DecisionAuditIntegrationTests {

	@Autowired
	CycleDriver driver;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	TestRestTemplate rest;

	private static String eastCycle;

	private static String southCycle;

	@BeforeEach
	void runCycles() {
		if (eastCycle == null) {
			eastCycle = driver.runPlanning("east", "wang.east");
			southCycle = driver.runPlanning("south", "li.south");
		}
	}

	private JsonNode get(String user, String path) {
		ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	void everyRuleTaskWritesOneDecisionWithTheVersionOfItsDeployment() {
		JsonNode page = get("sun.auditor", "/api/decisions?processInstanceId=" + eastCycle + "&subjectsPerDecision=0");
		String deploymentId = repository
			.getProcessDefinition(history.createHistoricProcessInstanceQuery()
				.processInstanceId(eastCycle)
				.singleResult()
				.getProcessDefinitionId())
			.getDeploymentId();
		Map<String, String> hashes = new java.util.HashMap<>();
		ProcessFiles.fromFolder(Path.of("."))
			.ruleSets()
			.forEach((name, source) -> hashes.put(name, source.contentHash()));

		assertThat(page.get("totalElements").asInt()).as("one per rule task: city-strategy, volume-gap, plan-split, "
				+ "coverage-targets, team-sizing, dealer-classification, resource-allocation; and the director's answer "
				+ "on 南京's store investment below ROI 1 (DemoMarket case f)")
			.isEqualTo(8);
		List<JsonNode> evaluations = new java.util.ArrayList<>();
		List<JsonNode> answers = new java.util.ArrayList<>();
		page.get("content").forEach(d -> (d.get("kind").asText().equals("EVALUATION") ? evaluations : answers).add(d));
		assertThat(evaluations).extracting(d -> d.get("ruleSet").asText())
			.containsExactlyInAnyOrder("city-strategy", "volume-gap", "plan-split", "coverage-targets", "team-sizing",
					"dealer-classification", "resource-allocation");
		assertThat(answers).singleElement().satisfies(answer -> {
			assertThat(answer.get("kind").asText()).isEqualTo("DIRECTOR");
			assertThat(answer.get("userId").asText()).isEqualTo("zhao.director");
			assertThat(answer.get("ruleSet").asText()).isEqualTo("resource-allocation");
		});
		for (JsonNode decision : evaluations) {
			String ruleSet = decision.get("ruleSet").asText();
			assertThat(decision.get("ruleVersion").asText())
				.isEqualTo(deploymentId + ":" + hashes.get(ruleSet).substring(0, 12));
			assertThat(decision.get("processInstanceId").asText()).isEqualTo(eastCycle);
			assertThat(decision.get("userId").asText()).isEqualTo("wang.east");
			assertThat(decision.get("activityId").asText()).startsWith("Task_");
			assertThat(decision.get("evaluatedAt").asText()).isNotBlank();
		}
	}

	@Test
	void auditorSeesWhyADealerIsTierDAndTheRuleTextOfThatVersion() {
		JsonNode page = get("sun.auditor", "/api/decisions?ruleSet=dealer-classification&processInstanceId=" + eastCycle
				+ "&subject=" + DemoMarket.OVERDUE_DEALER);
		JsonNode decision = page.get("content").get(0);
		JsonNode subject = decision.get("subjects").get(0);

		assertThat(decision.get("subjects")).hasSize(1);
		assertThat(subject.get("subjectType").asText()).isEqualTo("dealer");
		assertThat(subject.get("inputs").get("overdueDays").asInt()).isEqualTo(104);
		assertThat(subject.get("firedRules")).extracting(JsonNode::asText).contains("TierD_Overdue", "Flag_Overdue");
		assertThat(subject.get("result").get("tier").asText()).isEqualTo("D");
		assertThat(subject.get("reason").get("zh").asText()).startsWith("D：逾期 104 天 > 90");
		assertThat(subject.get("reason").get("en").asText()).startsWith("D: overdue 104 days > 90");

		JsonNode rules = get("sun.auditor", "/api/decisions/" + decision.get("id").asText() + "/rules");
		assertThat(rules.get("matchesDecision").asBoolean()).isTrue();
		assertThat(rules.get("files")).anySatisfy(file -> {
			assertThat(file.get("path").asText()).isEqualTo("rules/dealer-classification/tiers.drl");
			assertThat(file.get("text").asText()).contains("rule \"TierD_Overdue\"");
		});
	}

	@Test
	void cityBudgetAndItsReasonInOneCall() {
		JsonNode page = get("sun.auditor",
				"/api/decisions?ruleSet=resource-allocation&processInstanceId=" + eastCycle + "&subject=suzhou");
		JsonNode city = page.get("content").get(0).get("subjects").get(0);

		assertThat(city.get("subjectType").asText()).isEqualTo("city");
		assertThat(city.get("result").get("allocation").asDouble()).isPositive();
		assertThat(city.get("firedRules")).extracting(JsonNode::asText)
			.contains("Weight_CityByStrategy", "Allocate_Budget");
		assertThat(city.get("reason").get("en").asText()).contains("strategy BASE_CAMP weight 1.0");
	}

	@Test
	void managerReadsOnlyTheirRegionsDecisions() {
		JsonNode east = get("wang.east", "/api/decisions?subjectsPerDecision=0&size=200");
		String southDecision = get("li.south",
				"/api/decisions?processInstanceId=" + southCycle + "&subjectsPerDecision=0")
			.get("content")
			.get(0)
			.get("id")
			.asText();

		assertThat(east.get("content")).isNotEmpty()
			.allSatisfy(d -> assertThat(d.get("tenantId").asText()).isEqualTo("east"));
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForEntity("/api/decisions/" + southDecision, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForEntity("/api/decisions/" + southDecision + "/rules", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("zhao.director", "/api/decisions/" + southDecision).get("tenantId").asText()).isEqualTo("south");
	}

	@Test
	void csvExportIsUtf8WithBomForExcel() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT, "text/csv");
		ResponseEntity<byte[]> csv = rest.withBasicAuth("sun.auditor", "demo")
			.exchange("/api/decisions?ruleSet=dealer-classification&processInstanceId=" + eastCycle, HttpMethod.GET,
					new HttpEntity<>(headers), byte[].class);

		byte[] bytes = csv.getBody();
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst().orElseThrow())
			.endsWith("subjectType,subjectId,result,firedRules,reasonZh,reasonEn");
		assertThat(text).contains(DemoMarket.OVERDUE_DEALER).contains("D：逾期 104 天 > 90");
		assertThat(text.lines().count()).isEqualTo(1 + 150);
	}

	private ResponseEntity<String> csv(String user, String query) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT, "text/csv");
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/decisions" + query, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private static List<CSVRecord> rows(ResponseEntity<String> csv) throws IOException {
		assertThat(csv.getStatusCode()).as(csv.getBody()).isEqualTo(HttpStatus.OK);
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv.getBody().replace("\uFEFF", "")))
			.getRecords();
	}

	@Test
	void everyCsvRowNamesItsRegion() throws IOException {
		List<CSVRecord> rows = rows(csv("sun.auditor", "?ruleSet=dealer-classification"));

		assertThat(rows).extracting(row -> row.get("region")).contains("east", "south").doesNotContainNull();
		assertThat(rows).filteredOn(row -> row.get("processInstanceId").equals(southCycle))
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row.get("region")).isEqualTo("south"));
	}

	@Test
	void theRegionFilterListsThatRegionIfTheUserMayReadIt() throws IOException {
		JsonNode south = get("sun.auditor", "/api/decisions?region=south&subjectsPerDecision=0&size=200");
		List<CSVRecord> southRows = rows(csv("zhao.director", "?region=south&ruleSet=dealer-classification"));

		assertThat(south.get("content")).isNotEmpty()
			.allSatisfy(d -> assertThat(d.get("tenantId").asText()).isEqualTo("south"));
		assertThat(southRows).isNotEmpty().allSatisfy(row -> assertThat(row.get("region")).isEqualTo("south"));
		assertThat(rows(csv("wang.east", "?region=east&ruleSet=dealer-classification"))).isNotEmpty()
			.allSatisfy(row -> assertThat(row.get("region")).isEqualTo("east"));
		for (ResponseEntity<String> other : List.of(csv("wang.east", "?region=south"),
				rest.withBasicAuth("wang.east", "demo").getForEntity("/api/decisions?region=south", String.class))) {
			assertThat(other.getStatusCode()).as("a manager asking for another region").isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(other.getBody()).contains("no region").doesNotContain(southCycle);
		}
	}

	@Test
	void anUnknownParameterIsRefusedNotIgnored() {
		List<ResponseEntity<String>> refused = List.of(csv("sun.auditor", "?regoin=south"),
				csv("sun.auditor", "?page=2"),
				rest.withBasicAuth("sun.auditor", "demo").getForEntity("/api/decisions?tenant=south", String.class));

		assertThat(refused).allSatisfy(answer -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).contains("unknown parameter").contains("region");
		});
	}

	@Test
	void csvCellsThatLookLikeFormulasAreWrittenAsText() {
		assertThat(DecisionCsvController.cells("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "plain"))
			.containsExactly("'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)", "plain");
	}

	@Test
	void dealerHistoryShowsItsTierInEveryCycle() {
		driver.runPlanning("east", "wang.east");

		JsonNode history = get("sun.auditor", "/api/decisions/subjects/dealer/" + DemoMarket.OVERDUE_DEALER
				+ "/history?ruleSet=dealer-classification");

		assertThat(history.size()).isGreaterThanOrEqualTo(2);
		// other tests of the shared context may have overridden the tier in a cycle of
		// their own
		assertThat(history).filteredOn(entry -> entry.get("kind").asText().equals("EVALUATION"))
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy(entry -> {
				assertThat(entry.get("result").get("tier").asText()).isEqualTo("D");
				assertThat(entry.get("reason").get("zh").asText()).contains("逾期 104 天");
			});
		assertThat(history.get(0).get("evaluatedAt").asText())
			.isLessThanOrEqualTo(history.get(1).get("evaluatedAt").asText());
	}

	@Test
	void auditorCannotChangeAnything() {
		TestRestTemplate auditor = rest.withBasicAuth("sun.auditor", "demo");

		assertThat(auditor.postForEntity("/api/decisions", Map.of(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditor.exchange("/api/decisions/x", HttpMethod.DELETE, null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditor.postForEntity("/api/market/imports", Map.of(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditor
			.postForEntity("/engine-rest/process-definition/key/regional-planning-cycle/start",
					Map.of("variables", Map.of("region", Map.of("value", "east"))), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditor.exchange("/engine-rest/process-instance/" + eastCycle, HttpMethod.DELETE, null, String.class)
			.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(
				auditor.postForEntity("/engine-rest/deployment/create", Map.of(), String.class).getStatusCode().value())
			.isIn(403, 415);
	}

	@Test
	void badFiltersAreBadRequests() {
		ResponseEntity<String> from = rest.withBasicAuth("sun.auditor", "demo")
			.getForEntity("/api/decisions?from=yesterday", String.class);

		assertThat(from.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(from.getBody()).contains("from must be YYYY-MM-DD or an ISO instant");
		assertThat(get("sun.auditor", "/api/decisions?from=2020-01-01&to=2020-01-02").get("totalElements").asInt())
			.isZero();
		assertThat(rest.withBasicAuth("sun.auditor", "demo")
			.getForEntity("/api/decisions?size=0", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void unknownDecisionIsNotFound() {
		assertThat(rest.withBasicAuth("sun.auditor", "demo")
			.getForEntity("/api/decisions/nope", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
