package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planning cycle as people use it: Camunda Tasklist in headless Chromium, its Camunda
 * Forms rendered by Tasklist's own form-js.
 */
@Tag("browser")
@Requires(Requires.Need.CHROMIUM)
@IntegrationTest
class TasklistBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	CycleDriver driver;

	String base;

	@BeforeEach
	void setUp() {
		base = "http://localhost:" + port;
	}

	private void screenshot(String name) {
		try {
			browser.screenshot(name);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * A form-js field by its id in the .form file (form-js prefixes it per rendering).
	 */
	private static By field(String id) {
		return By.cssSelector("[id$='-" + id + "']");
	}

	private void startCycleFromTasklist(String region, int year) {
		browser.click(By.cssSelector("li.start-process-action a"));
		browser.click(By.xpath("//ul[contains(@class,'processes')]//a[contains(., 'Regional planning cycle')]"));
		browser.click(field("Field_Region-display"));
		browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '"
				+ (region.equals("east") ? "East China" : "South China") + "')]"));
		browser.visible(field("Field_Year")).sendKeys(String.valueOf(year));
		browser.visible(field("Field_HqVolumeTarget")).sendKeys("1000000");
		browser.visible(field("Field_Budget")).sendKeys("2000000");
		screenshot("tasklist-start-form");
		browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(., 'Start')]"));
		browser.waitUntil(d -> d.findElements(By.cssSelector(".modal-content")).isEmpty(), "the start dialog closes");
	}

	private String latestCycleStartedBy(String user) {
		List<HistoricProcessInstance> started = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("regional-planning-cycle")
			.startedBy(user)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1);
		assertThat(started).as("a cycle started by " + user).isNotEmpty();
		return started.get(0).getId();
	}

	/** Through the "My group tasks" filter, as a manager finds work not yet claimed. */
	private void openTask(String name) {
		browser.open(base + "/camunda/app/tasklist/default/");
		browser.click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(., 'My group tasks')]"));
		browser.click(By.xpath("//a[contains(normalize-space(.), '" + name + "')]"));
	}

	@Test
	void managerStartsTheCycleAndCompletesTheFirstForm() {
		browser.logIntoTasklist(base, "wang.east");
		startCycleFromTasklist("east", 2031);
		String cycle = latestCycleStartedBy("wang.east");
		driver.runJobs(cycle);

		openTask("Data refresh check");
		WebElement confirmed = browser.visible(field("Field_DataConfirmed"));
		browser.click(By.xpath("//a[contains(., 'Claim')] | //button[contains(., 'Claim')]"));
		browser.script("arguments[0].click()", confirmed);
		screenshot("tasklist-data-refresh-check");
		browser.click(By.xpath("//button[contains(., 'Complete')]"));

		browser.waitUntil(d -> tasks.createTaskQuery()
			.processInstanceId(cycle)
			.taskDefinitionKey("Task_DataRefreshCheck")
			.count() == 0, "the task is completed");
		openTask("Market visits");
		browser.visible(field("Field_VisitTargets"));
		assertThat(tasks.createTaskQuery().processInstanceId(cycle).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_MarketVisits");
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(cycle)
			.variableName("dataConfirmed")
			.singleResult()
			.getValue()).isEqualTo(true);
	}

	@Test
	void aRequiredFieldLeftEmptyIsRefusedAndNothingIsSaved() {
		String cycle = driver.start("east");
		browser.logIntoTasklist(base, "wang.east");

		openTask("Data refresh check");
		browser.visible(field("Field_DataConfirmed"));
		browser.click(By.xpath("//a[contains(., 'Claim')] | //button[contains(., 'Claim')]"));
		browser.visible(field("Field_DataNotes")).sendKeys("数据已核对 / checked");
		browser.click(By.xpath("//button[contains(., 'Complete')]"));

		WebElement error = browser.visible(By.cssSelector(".fjs-form-field-error"));
		assertThat(error.getText()).isNotBlank();
		assertThat(tasks.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_DataRefreshCheck").count())
			.as("the task stays open")
			.isEqualTo(1);
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(cycle)
			.variableName("dataNotes")
			.count()).as("nothing of the form was saved").isZero();
	}

	@Test
	void aManagerOfAnotherRegionDoesNotSeeTheTasks() {
		String east = driver.start("east");
		String eastTask = tasks.createTaskQuery().processInstanceId(east).singleResult().getId();
		String south = driver.start("south");
		String southTask = tasks.createTaskQuery().processInstanceId(south).singleResult().getId();
		browser.logIntoTasklist(base, "li.south");

		browser.open(base + "/camunda/app/tasklist/default/");
		browser.click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(., 'All tasks')]"));
		browser.waitUntil(d -> d.getPageSource().contains(southTask),
				"south's own task is listed (by its id in the link)");
		String listed = browser.driver().getPageSource();
		assertThat(listed).doesNotContain(eastTask);
		for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().tenantIdIn("east").list()) {
			assertThat(listed).as("east task " + task.getId()).doesNotContain(task.getId());
		}

		browser.open(base + "/camunda/app/tasklist/default/#/?task=" + eastTask);
		browser.waitUntil(d -> d.getPageSource().contains("does not exist") || d.getPageSource().contains("not exist")
				|| d.getPageSource().contains("Select a task"), "the east task is not shown");
		assertThat(browser.driver().findElements(field("Field_DataConfirmed"))).isEmpty();
	}

	@Test
	void directorApprovesAGapPlanInTasklist() {
		// the forecast 20% under the target (gap = target − forecast), planned as
		// forecast
		long forecast = driver.forecast("east", "wang.east");
		String cycle = driver.start("east", CycleDriver.targetFor(forecast, 20));
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		driver.planAsForecast(cycle, "wang.east");
		driver.runJobs(cycle);
		driver.complete(cycle, "Task_GapClosingPlan", "wang.east", java.util.Map.of("newDealersVolume", 100_000,
				"newStoresVolume", 50_000, "newSkusVolume", 30_000, "pricePromotionVolume", 20_000));
		browser.logIntoTasklist(base, "zhao.director");

		openTask("Director approves the gap plan");
		browser.visible(field("Field_GapVolume"));
		browser.visible(field("Field_ForecastVolume"));
		browser.click(By.xpath("//a[contains(., 'Claim')] | //button[contains(., 'Claim')]"));
		browser.click(By.xpath("//label[contains(., 'Approve')]"));
		screenshot("tasklist-director-gap-approval");
		browser.click(By.xpath("//button[contains(., 'Complete')]"));

		browser.waitUntil(d -> tasks.createTaskQuery()
			.processInstanceId(cycle)
			.taskDefinitionKey("Task_DirectorGapApproval")
			.count() == 0, "the approval is completed");
		assertThat(history.createHistoricVariableInstanceQuery()
			.processInstanceId(cycle)
			.variableName("gapDecision")
			.singleResult()
			.getValue()).isEqualTo("approve");
		driver.runJobs(cycle);
		assertThat(tasks.createTaskQuery().processInstanceId(cycle).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_ReviewTeam");
	}

}
