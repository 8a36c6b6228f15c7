package io.regionplan.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.regionplan.IntegrationTest;
import io.regionplan.market.demo.DemoMarket;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The numbers behind the chart pages for the demo east region, and the pages' login
 * through Tasklist.
 */
@IntegrationTest
class InsightIntegrationTests {

	@Autowired
	CycleDriver driver;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private static String cycle;

	@BeforeEach
	void planEast() {
		if (cycle == null) {
			cycle = driver.runPlanning("east", "wang.east");
		}
	}

	private JsonNode get(String path) {
		ResponseEntity<JsonNode> response = rest.withBasicAuth("wang.east", "demo").getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	void quadrantHasEveryCityWithItsStrategyAndTheMedians() {
		JsonNode quadrant = get("/api/insight/regions/east/quadrant?processInstanceId=" + cycle);

		// twelve old markets and the new market 镇江 (share 0, outside the medians)
		assertThat(quadrant.get("cities")).hasSize(13);
		assertThat(quadrant.get("cities")).anySatisfy(city -> {
			assertThat(city.get("cityId").asText()).isEqualTo(DemoMarket.THREE_POINTS_CITY);
			assertThat(city.get("strategy").asText()).isEqualTo("THREE_POINTS_ATTACK_ONE");
		});
		BigDecimal medianShare = quadrant.get("medianShare").decimalValue();
		long above = java.util.stream.StreamSupport.stream(quadrant.get("cities").spliterator(), false)
			.filter(c -> c.get("share").decimalValue().compareTo(medianShare) >= 0)
			.count();
		assertThat(above).as("half the twelve old markets at or above the median share").isEqualTo(6);
		assertThat(quadrant.get("period").asText()).isEqualTo("2026-10");
	}

	@Test
	void planVsActualSpreadsThePlanOverCitiesAndMonths() {
		JsonNode data = get("/api/insight/regions/east/plan-vs-actual?year=2027&processInstanceId=" + cycle);

		// 12 months of twelve old markets and the new market 镇江 (a plan of 0)
		assertThat(data.get("months")).hasSize(13 * 12);
		java.math.BigDecimal plan = java.math.BigDecimal.ZERO;
		for (JsonNode month : data.get("months")) {
			plan = plan.add(month.get("plan").decimalValue());
		}
		long finalPlan = ((Number) runtime.getVariable(cycle, "finalPlanVolume")).longValue();
		// the plan split adds up to the plan exactly (largest remainder, issue 18)
		assertThat(plan).isEqualByComparingTo(java.math.BigDecimal.valueOf(finalPlan));
	}

	@Test
	void planVsActualShowsTheYearTheCyclePlansUnlessAskedForAnother() {
		JsonNode planned = get("/api/insight/regions/east/plan-vs-actual?processInstanceId=" + cycle);
		JsonNode other = get("/api/insight/regions/east/plan-vs-actual?year=2026&processInstanceId=" + cycle);

		assertThat(planned.get("year").asInt()).isEqualTo(2027);
		assertThat(planned.get("processInstanceId").asText()).isEqualTo(cycle);
		assertThat(other.get("year").asInt()).isEqualTo(2026);
	}

	@Test
	void tierMixComparesTwoCyclesAndListsTheMoves() {
		String second = driver.start("east");
		driver.readMarketAndChooseStrategy(second, "wang.east");
		driver.planAsForecast(second, "wang.east");
		driver.reviewTeam(second, "wang.east");
		driver.complete(second, "Task_ReviewDealersAndResources", "wang.east", Map.of("tierOverrides",
				CycleDriver.Rows.of(CycleDriver.tier(DemoMarket.OVERDUE_DEALER, "C", "已还款 / paid back"))));

		JsonNode mix = get("/api/insight/regions/east/tier-mix?processInstanceId=" + second + "&compareTo=" + cycle);

		int total = 0;
		for (JsonNode count : mix.get("current").get("counts")) {
			total += count.asInt();
		}
		assertThat(total).isEqualTo(150);
		assertThat(mix.get("moves")).anySatisfy(move -> {
			assertThat(move.get("dealerId").asText()).isEqualTo(DemoMarket.OVERDUE_DEALER);
			assertThat(move.get("from").asText()).isEqualTo("D");
			assertThat(move.get("to").asText()).isEqualTo("C");
		});
		assertThat(mix.get("current").get("counts").get("D").asInt())
			.isEqualTo(mix.get("previous").get("counts").get("D").asInt() - 1);
	}

	@Test
	void otherRegionsAndUnknownCyclesAreNotFound() {
		assertThat(rest.withBasicAuth("li.south", "demo")
			.getForEntity("/api/insight/regions/east/quadrant", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.withBasicAuth("wang.east", "demo")
			.getForEntity("/api/insight/regions/east/quadrant?processInstanceId=nope", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void pagesUseTheTasklistLoginAndChangesNeedItsCsrfToken() throws Exception {
		ResponseEntity<String> page = rest.getForEntity("/insight/quadrant.html", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("/_static/echarts/5.6.0/dist/echarts.min.js");
		assertThat(rest.getForEntity("/_static/echarts/5.6.0/dist/echarts.min.js", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		// a browser-like client: a cookie jar, the Tasklist login with its CSRF token
		java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
		java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
		browser.send(request("/camunda/app/tasklist/default/").GET().build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		java.net.http.HttpResponse<String> login = browser
			.send(request("/camunda/api/admin/auth/user/default/login/tasklist").header("X-XSRF-TOKEN", xsrf(cookies))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=wang.east&password=demo"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		// as Tasklist goes on: the renewed session gets its CSRF token with the next
		// webapp request
		browser.send(request("/camunda/api/engine/engine").GET().build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());

		java.net.http.HttpResponse<String> data = browser.send(
				request("/api/insight/regions/east/cycles").GET().build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(data.statusCode()).isEqualTo(200);
		assertThat(data.body()).contains(cycle);
		java.net.http.HttpResponse<String> write = browser.send(
				request("/api/market/imports").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).as("a change with the session cookie but no CSRF token").isEqualTo(403);
		assertThat(write.body()).contains("X-XSRF-TOKEN");
		java.net.http.HttpResponse<String> withToken = browser
			.send(request("/api/market/imports").header("X-XSRF-TOKEN", xsrf(cookies))
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).as("past the login and CSRF check, refused for its missing file")
			.isNotIn(401, 403);
		assertThat(rest.getForEntity("/api/insight/regions/east/cycles", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private java.net.http.HttpRequest.Builder request(String path) {
		return java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + path));
	}

	private static String xsrf(java.net.CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(java.net.HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElseThrow();
	}

}
