package io.regionplan.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for one test, through Debian's {@code chromium} and
 * {@code chromium-driver} (never a downloaded browser or driver). Without them the test
 * is skipped with a message saying how to install them. After each test a screenshot goes
 * to {@code target/screenshots/<test>.png}, or {@code <test>-FAILED.png} with the page's
 * HTML beside it when the test failed.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(20);

	private WebDriver driver;

	private Path profile;

	private String shot;

	static final String CHROME = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	/**
	 * The browser and driver binaries, from CHROME_BIN / CHROMEDRIVER or Debian's paths.
	 */
	static Optional<String[]> binaries() {
		if (Files.isExecutable(Path.of(CHROME)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
			return Optional.of(new String[] { CHROME, CHROMEDRIVER });
		}
		return Optional.empty();
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		Requirements.check(context.getRequiredTestClass(), Requires.Need.CHROMIUM);
		Optional<String[]> binaries = binaries();
		profile = Files.createTempDirectory("regionplan-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binaries.get()[0]);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingOptions", logs);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(binaries.get()[1]))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(WAIT);
		shot = context.getRequiredTestMethod().getName();
	}

	@Override
	public void afterTestExecution(ExtensionContext context) throws IOException {
		if (driver == null) {
			return;
		}
		Files.createDirectories(SCREENSHOTS);
		boolean failed = context.getExecutionException().isPresent();
		String name = shot + (failed ? "-FAILED" : "");
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		if (failed) {
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
	}

	/**
	 * A screenshot of the moment, e.g. a filled form before it is completed:
	 * {@code <name>.png}.
	 */
	public void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	/** The name of the screenshot this test leaves (default: the test method's name). */
	public void screenshotAs(String name) {
		shot = name;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String url) {
		driver.get(url);
	}

	public WebElement visible(By by) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public WebElement clickable(By by) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
	}

	/**
	 * Scrolled to the middle first (Tasklist's fixed footer covers the bottom edge), and
	 * tried again while something still covers it or the page re-renders it (a form still
	 * laying out).
	 */
	public void click(By by) {
		new WebDriverWait(driver, WAIT).withMessage("click " + by)
			.ignoring(ElementClickInterceptedException.class)
			.ignoring(StaleElementReferenceException.class)
			.until(d -> {
				WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
				if (element == null) {
					return false;
				}
				script("arguments[0].scrollIntoView({block: 'center'})", element);
				element.click();
				return true;
			});
	}

	public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, String what) {
		new WebDriverWait(driver, WAIT).withMessage(what).until(condition::apply);
	}

	public void waitForText(By by, String text) {
		new WebDriverWait(driver, WAIT).withMessage("text '" + text + "' in " + by)
			.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** The browser's console errors and failed requests so far (each read once). */
	public List<String> errors() {
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				errors.add(entry.getMessage());
			}
		}
		return errors;
	}

	/**
	 * Logs into the Camunda webapps (Tasklist's login page), which also opens the session
	 * the pages use.
	 */
	public void logIntoTasklist(String baseUrl, String user) {
		logIn(baseUrl + "/camunda/app/tasklist/default/", user);
		visible(By.cssSelector("li.start-process-action a"));
	}

	/**
	 * Logs into Camunda's welcome page, which every user may use (auditors have no
	 * Tasklist): the same webapp session then reads the API.
	 */
	public void logIntoWelcome(String baseUrl, String user) {
		logIn(baseUrl + "/camunda/app/welcome/default/", user);
		waitUntil(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty(), "logged in");
	}

	private void logIn(String url, String user) {
		open(url);
		visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
		driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
		driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
	}

}
