package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole-number field in Tasklist: what the manager types is what is sent, and a decimal
 * (or a thousands separator, which form-js reads as the decimal point) is answered with
 * the server's message instead of being turned into another number ("2.5" once became 25,
 * "1,230万" 1230).
 */
@Tag("browser")
@Requires(Requires.Need.CHROMIUM)
@IntegrationTest
class TasklistNumberFieldBrowserTests {

	@RegisterExtension
	final Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	CycleDriver driver;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Test
	void aDecimalInAWholeNumberFieldIsRefusedWithAMessageNotChanged() throws Exception {
		String cycle = driver.start("east");
		driver.readMarketAndChooseStrategy(cycle, "wang.east");
		Task plan = driver.task(cycle, "Task_VolumePlan");
		String base = "http://localhost:" + port;
		browser.logIntoTasklist(base, "wang.east");
		browser.open(base + "/camunda/app/tasklist/default/#/?task=" + plan.getId());
		browser.visible(By.cssSelector("[id$='-Field_PlannedVolume']"));
		browser.click(By.xpath("//a[contains(., 'Claim')] | //button[contains(., 'Claim')]"));

		for (String[] typed : new String[][] { { "2.5", "got 2.5" }, { "1,230万", "got 1.23" } }) {
			WebElement planned = browser.visible(By.cssSelector("[id$='-Field_PlannedVolume']"));
			planned.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
			planned.sendKeys(typed[0], Keys.TAB); // leaving the field hands its value to
													// the form at once
			assertThat(planned.getAttribute("value")).as("form-js keeps the decimal point of " + typed[0])
				.contains(".");
			// the notification of the previous refusal lies over the button
			browser.script("arguments[0].click()", browser.visible(By.xpath("//button[contains(., 'Complete')]")));

			browser.waitUntil(d -> d.getPageSource().contains("must be a whole number, " + typed[1]),
					"the server's refusal of " + typed[0] + " is shown");
			browser.screenshot("tasklist-whole-number-refused");
			assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).as("the task stays open").isOne();
			assertThat(runtime.getVariable(cycle, "plannedVolume")).as("nothing saved").isNull();
		}
	}

}
