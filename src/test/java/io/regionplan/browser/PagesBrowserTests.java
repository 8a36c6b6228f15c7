package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages (charts and kanban) and the decision audit as a person sees them, logged in
 * through Tasklist.
 */
@Tag("browser")
@Requires(Requires.Need.CHROMIUM)
@IntegrationTest
class PagesBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	String base;

	@BeforeEach
	void setUp() {
		base = "http://localhost:" + port;
	}

	/**
	 * Tasklist logs its own 404s before login (default user, welcome page); only what
	 * follows counts.
	 */
	private void logIn(String user) {
		browser.logIntoTasklist(base, user);
		browser.errors();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "quadrant", "plan-vs-actual", "tier-mix" })
	void eachChartPageRendersWithData(String page) {
		String cycle = driver.runPlanning("east", "wang.east");
		logIn("wang.east");
		browser.screenshotAs("page-" + page);

		browser.open(base + "/insight/" + page + ".html?region=east&cycle=" + cycle);
		browser.visible(By.cssSelector("body[data-rendered='true']"));

		assertThat(browser.driver().findElements(By.cssSelector("canvas, svg"))).as("a chart is drawn").isNotEmpty();
		Object painted = browser.script("const c = document.querySelector('canvas'); if (!c) return 0;"
				+ "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
				+ "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
		assertThat(((Number) painted).longValue()).as("the chart has painted pixels").isGreaterThan(1000);
		assertThat(browser.errors()).as("JavaScript errors or failed requests").isEmpty();
	}

	@Test
	void kanbanRendersTheCyclesActionsAndSavesAMove() {
		String cycle = driver.runPlanning("east", "wang.east");
		logIn("wang.east");

		browser.open(base + "/insight/kanban.html?region=east&cycle=" + cycle);
		browser.visible(By.cssSelector("body[data-rendered='true']"));
		int todo = browser.driver().findElements(By.cssSelector(".column[data-status='TODO'] .card")).size();
		assertThat(todo).as("the work plan's actions are cards").isPositive();
		String card = browser.visible(By.cssSelector(".column[data-status='TODO'] .card")).getAttribute("data-id");

		browser.click(By.cssSelector(".column[data-status='TODO'] .card button[data-to='DOING']"));
		browser.waitUntil(d -> d.findElements(By.cssSelector(".column[data-status='TODO'] .card")).size() == todo - 1,
				"the card leaves TODO");

		List<String> saved = jdbc.queryForList(
				"select m.user_id from work_plan_item i join work_plan_item_move m on "
						+ "m.item_id = i.id where i.id = ? and i.status = 'DOING' and m.to_status = 'DOING'",
				String.class, card);
		assertThat(saved).as("the move is saved with its user").containsExactly("wang.east");
		browser.open(base + "/insight/kanban.html?region=east&cycle=" + cycle);
		browser.visible(By.cssSelector("body[data-rendered='true']"));
		assertThat(browser.driver().findElements(By.cssSelector(".column[data-status='DOING'] .card"))).hasSize(1);
		assertThat(browser.errors()).as("JavaScript errors or failed requests").isEmpty();
	}

	@Test
	void auditorReadsADealersDecisionWithTheReasonInChinese() {
		driver.runPlanning("east", "wang.east");
		browser.logIntoWelcome(base, "sun.auditor");

		browser.open(base + "/api/decisions/subjects/dealer/D-E-003/history?ruleSet=dealer-classification");

		String text = browser.visible(By.tagName("body")).getText();
		assertThat(text).contains("\"tier\":\"D\"")
			.contains("\"zh\":\"D：逾期 104 天 > 90")
			.contains("dealer-classification");
		// Chromium's JSON view: pretty-printed for the screenshot when it offers the
		// switch
		browser.driver().findElements(By.cssSelector("input[type=checkbox]")).forEach(box -> box.click());
	}

}
