package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import io.regionplan.IntegrationTest;
import io.regionplan.insight.PageParameters;
import io.regionplan.planning.CycleDriver;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Script sent to the pages as data does not run, and the text is shown as text: a payload
 * in every parameter every page reads (a link an admin is lured to open), and a payload
 * stored in a city name, a dealer name and a kanban card (imported or written by a
 * manager, read by the director). Each payload would set {@code window.__xss} or the
 * title, or leave an element behind, if it ran.
 */
@Tag("browser")
@Requires(Requires.Need.CHROMIUM)
@IntegrationTest
class PagePayloadsBrowserTests {

	/**
	 * Markup that runs script in an attribute, an element and a tag, after breaking out
	 * of quotes.
	 */
	static final String REFLECTED = "\"'><img src=x onerror=\"window.__xss=1;document.title='XSS'\">"
			+ "<svg onload=\"window.__xss=2\"></svg><script>window.__xss=3</script>";

	/**
	 * Without spaces (the quadrant labels a city by its first word) and with ECharts'
	 * rich-text syntax.
	 */
	static final String STORED = "<img/src=x/onerror=window.__xss=1><script>window.__xss=2</script>{b|y}";

	/**
	 * Every page and every parameter it reads, from the pages' scripts (insight.js reads
	 * region and cycle on each).
	 */
	static final Map<String, SortedSet<String>> PARAMETERS = PageParameters.byPage();

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	String base;

	private static String cycle;

	@BeforeEach
	void setUp() {
		base = "http://localhost:" + port;
		if (cycle == null) {
			cycle = driver.runPlanning("east", "wang.east");
		}
	}

	private void open(String page, String query) {
		browser.open(base + "/insight/" + page + ".html?" + query);
		// rendered, or a message shown (also as the pages showed it before they marked
		// that)
		browser.waitUntil(d -> d.findElements(By.cssSelector("body[data-rendered], #message:not([hidden])")).size() > 0,
				page + " done");
	}

	/** What a payload would have left behind had it run. */
	private void nothingRan(SoftAssertions softly, String what) {
		softly.assertThat(browser.script("return window.__xss === undefined"))
			.as(what + ": window.__xss")
			.isEqualTo(true);
		softly.assertThat(browser.driver().getTitle()).as(what + ": title").doesNotContain("XSS");
		softly.assertThat(browser.script("return document.querySelectorAll('img[src=x], svg[onload], [onerror], "
				+ "main script, header script').length"))
			.as(what + ": elements from the payload")
			.isEqualTo(0L);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void aPayloadInAnyParameterOfAnyPageDoesNotRun() {
		browser.logIntoTasklist(base, "demo");
		SoftAssertions softly = new SoftAssertions();
		int cases = 0;
		for (Map.Entry<String, SortedSet<String>> page : PARAMETERS.entrySet()) {
			for (String parameter : page.getValue()) {
				String query = "region=east&cycle=" + cycle + "&year=2027";
				query = query.replaceAll("(^|&)" + parameter + "=[^&]*", "") + "&" + parameter + "="
						+ encoded(REFLECTED);
				String what = page.getKey() + "?" + parameter;

				open(page.getKey(), query);

				nothingRan(softly, what);
				String message = (String) browser
					.script("const m = document.getElementById('message');" + "return m.hidden ? null : m.textContent");
				if (parameter.equals("region")) {
					softly.assertThat(browser.visible(By.cssSelector("header b")).getText())
						.as(what + ": the region as text")
						.isEqualTo(REFLECTED);
				}
				else if (!parameter.equals("cycle") || !page.getKey().equals("kanban")) {
					softly.assertThat(message).as(what + ": the refusal is shown").isNotBlank();
				}
				softly.assertThat(browser.script("return document.getElementById('message').children.length"))
					.as(what + ": the message is text")
					.isEqualTo(0L);
				cases++;
			}
		}
		System.out.printf("reflected payload: %d page parameters tried, none ran%n", cases);
		assertThat(cases).isEqualTo(PARAMETERS.values().stream().mapToInt(SortedSet::size).sum())
			.isGreaterThanOrEqualTo(10);
		softly.assertAll();
	}

	@Test
	void aCityNameIsTextInTheQuadrantLabelAndTooltip() {
		String city = jdbc.queryForObject("select min(id) from market_city where region_id = 'east'", String.class);
		String name = jdbc.queryForObject("select name_zh from market_city where id = ?", String.class, city);
		jdbc.update("update market_city set name_zh = ? where id = ?", STORED, city);
		try {
			browser.logIntoTasklist(base, "zhao.director");
			open("quadrant", "region=east&cycle=" + cycle);

			Object shown = browser.script("const chart = echarts.getInstanceByDom(document.getElementById('chart'));"
					+ "const series = chart.getOption().series;" + "for (let s = 0; s < series.length; s++) {"
					+ "  const i = series[s].data.findIndex(d => d.name.startsWith(arguments[0]));"
					+ "  if (i >= 0) { chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: i }); break; }"
					+ "}" + "return chart.getZr().storage.getDisplayList(true).map(el => el.style && el.style.text)"
					+ "  .filter(t => typeof t === 'string').map(t => t.replaceAll('\\u200b', ''));", STORED);

			SoftAssertions softly = new SoftAssertions();
			nothingRan(softly, "city name");
			List<String> texts = ((List<?>) shown).stream().map(String::valueOf).toList();
			softly.assertThat(texts)
				.as("the label: the name's first word, as text")
				.anyMatch(text -> text.equals(STORED) || text.equals(STORED + "↓"));
			softly.assertThat(texts)
				.as("the tooltip: the name, as text")
				.anyMatch(text -> text.startsWith(STORED + " "));
			softly.assertAll();
		}
		finally {
			jdbc.update("update market_city set name_zh = ? where id = ?", name, city);
		}
	}

	@Test
	void aDealerNameIsTextInTheTierChanges() {
		String previous = driver.runPlanning("east", "wang.east");
		String current = driver.runPlanning("east", "wang.east");
		String dealer = jdbc.queryForObject(
				"select min(dealer_id) from cycle_dealer_tier where process_instance_id = ?", String.class, current);
		String tier = jdbc.queryForObject(
				"select tier from cycle_dealer_tier where process_instance_id = ? and dealer_id = ?", String.class,
				current, dealer);
		jdbc.update("update cycle_dealer_tier set tier = ? where process_instance_id = ? and dealer_id = ?",
				tier.equals("A") ? "B" : "A", previous, dealer);
		String name = jdbc.queryForObject("select name from market_dealer where id = ?", String.class, dealer);
		jdbc.update("update market_dealer set name = ? where id = ?", STORED, dealer);
		try {
			browser.logIntoTasklist(base, "zhao.director");
			open("tier-mix", "region=east&cycle=" + current + "&compareTo=" + previous);

			SoftAssertions softly = new SoftAssertions();
			nothingRan(softly, "dealer name");
			softly
				.assertThat(browser.visible(By.xpath("//table[@id='moves']//td[2][text()='" + dealer + "']/../td[1]"))
					.getText())
				.as("the dealer's name as text")
				.isEqualTo(STORED);
			softly.assertAll();
		}
		finally {
			jdbc.update("update market_dealer set name = ? where id = ?", name, dealer);
		}
	}

	@Test
	void aCardIsTextOnTheKanban() {
		String plan = "payload-" + System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("insert into work_plan (cycle_id, region_id, objective, goals, strategies, measures, written_by, "
				+ "written_at) values (?, 'east', '-', '-', '-', '-', 'wang.east', ?)", plan, now);
		jdbc.update(
				"insert into work_plan_item (id, cycle_id, region_id, action, owner, due_date, status, version, "
						+ "updated_by, updated_at) values (?, ?, 'east', ?, ?, ?, 'TODO', 0, 'wang.east', ?)",
				plan, plan, REFLECTED, STORED, Date.valueOf(LocalDate.of(2027, 3, 31)), now);
		try {
			browser.logIntoTasklist(base, "zhao.director");
			open("kanban", "region=east");

			SoftAssertions softly = new SoftAssertions();
			nothingRan(softly, "card");
			softly.assertThat(browser.visible(By.cssSelector(".card[data-id='" + plan + "'] .action")).getText())
				.as("the action as text")
				.isEqualTo(REFLECTED);
			softly.assertThat(browser.visible(By.cssSelector(".card[data-id='" + plan + "'] .meta")).getText())
				.as("the owner as text")
				.startsWith(STORED + " · ");
			softly.assertAll();
		}
		finally {
			jdbc.update("delete from work_plan_item where cycle_id = ?", plan);
			jdbc.update("delete from work_plan where cycle_id = ?", plan);
		}
	}

	@Test
	void thePagesRunNoInlineScript() {
		browser.logIntoTasklist(base, "wang.east");
		SoftAssertions softly = new SoftAssertions();
		for (String page : PARAMETERS.keySet()) {
			open(page, "region=east&cycle=" + cycle);

			Object ran = browser
				.script("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
						+ "document.body.appendChild(s); const i = document.createElement('img'); i.src = 'x';"
						+ "i.setAttribute('onerror', 'window.__inline = 2'); document.body.appendChild(i);"
						+ "return new Promise(done => setTimeout(() => done(window.__inline === undefined), 500));");

			softly.assertThat(ran)
				.as(page + ": inline script and handlers are refused by the page's policy")
				.isEqualTo(true);
			softly.assertThat(browser.script("return document.body.dataset.rendered")).as(page).isEqualTo("true");
		}
		softly.assertAll();
	}

}
