package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.RegionPlanApplication;
import io.regionplan.ServerPort;
import io.regionplan.planning.CycleDriver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 of the application while a rule task runs and right after a completion was
 * acknowledged: after a restart over the same H2 file nothing acknowledged is lost,
 * nothing is half done, and the interrupted rule task runs again and records its decision
 * once. Needs JVMs of its own (a kill cannot be simulated inside the shared test
 * context): the application as shipped (demo profile, H2 file), on a port the OS gives
 * it, in a folder under target/.
 */
@Tag("jvm")
class CrashRecoveryTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> started = new ArrayList<>();

	private Path folder;

	private int port;

	@AfterEach
	void stopWhatWasStarted() {
		started.forEach(Process::destroyForcibly);
	}

	@Test
	void killDuringARuleTaskLosesNothingAcknowledgedAndTheRuleTaskRunsOnceAfterRestart() throws Exception {
		folder = Files.createDirectories(Path.of("target", "crash-tests", UUID.randomUUID().toString()))
			.toAbsolutePath();
		Path marker = folder.resolve("rule-task-blocked.txt");

		// given: the application, whose city-strategy rule task blocks (test hook) until
		// the JVM is killed
		Process first = start("first", hookClasses(), "-D" + BlockingRuleTaskHook.MARKER + "=" + marker,
				"--spring.main.sources=" + BlockingRuleTaskHook.class.getName());
		String east = startCycle("wang.east", "east");
		assertThat(complete("wang.east", east, "Task_DataRefreshCheck", Map.of("dataConfirmed", true))).isEqualTo(204);
		assertThat(complete("wang.east", east, "Task_MarketVisits", CycleDriver.MARKET_VISITS)).isEqualTo(204);
		assertThat(complete("wang.east", east, "Task_Swot", CycleDriver.SWOT)).isEqualTo(204);
		await("the city-strategy job runs (and blocks)", Duration.ofSeconds(60), () -> Files.exists(marker));
		String south = startCycle("li.south", "south");

		// when: a completion is acknowledged, and at once the JVM is killed (SIGKILL)
		assertThat(complete("li.south", south, "Task_DataRefreshCheck", Map.of("dataConfirmed", true))).isEqualTo(204);
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		Instant killed = Instant.now();

		// then: after a restart on the same file, without the hook
		Process second = start("second", null);
		await("the interrupted rule task runs again", Duration.ofSeconds(90),
				() -> openTasks(east).contains("Task_ReviewStrategy"));
		assertThat(openTasks(east)).containsExactly("Task_ReviewStrategy");
		assertThat(openTasks(south)).as("the acknowledged completion is there").containsExactly("Task_MarketVisits");
		second.destroy();
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("data/regionplan"), "sa",
				"")) {
			assertThat(count(db, "select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? and TASK_DEF_KEY_ in "
					+ "('Task_DataRefreshCheck', 'Task_MarketVisits', 'Task_Swot') and DELETE_REASON_ = 'completed'",
					east))
				.as("east: three acknowledged completions")
				.isEqualTo(3);
			assertThat(count(db,
					"select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = "
							+ "'Task_DataRefreshCheck' and DELETE_REASON_ = 'completed'",
					south))
				.as("south: the last one")
				.isEqualTo(1);
			assertThat(count(db,
					"select count(*) from decision where process_instance_id = ? and rule_set = 'city-strategy'", east))
				.as("one decision for the rule task that ran twice")
				.isEqualTo(1);
			assertThat(timestamp(db, "select evaluated_at from decision where process_instance_id = ?", east))
				.as("recorded by the restarted application")
				.isAfter(killed);
			assertThat(count(db,
					"select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and JOB_STATE_ = 2", east))
				.as("the job succeeded once")
				.isEqualTo(1);
			assertThat(count(db,
					"select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and JOB_STATE_ = 1", east))
				.as("and never failed: the kill rolled its first run back")
				.isZero();
			assertThat(count(db, "select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?", east)).isZero();
			assertThat(count(db,
					"select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ = 'cityStrategySummary'",
					east))
				.as("the rule task's results, once")
				.isEqualTo(1);
			assertThat(count(db, "select count(*) from ACT_RU_TASK where PROC_INST_ID_ in (?, ?)", east, south))
				.as("one open task per cycle, nothing half advanced")
				.isEqualTo(2);
			assertThat(count(db, "select count(*) from ACT_RU_INCIDENT where PROC_INST_ID_ in (?, ?)", east, south))
				.isZero();
		}
		assertThat(Files.readAllLines(marker)).as("the hook blocked only in the first JVM")
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line).isEqualTo(east));
		FileSystemUtils.deleteRecursively(folder.resolve("data")); // the logs stay, the
																	// database goes
	}

	/**
	 * The application's JVM: the test's class path without the test classes, plus
	 * {@code extra}.
	 */
	private Process start(String name, Path extra, String... arguments) throws IOException, InterruptedException {
		List<String> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.toCollection(ArrayList::new));
		if (extra != null) {
			classPath.add(0, extra.toString());
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
						"-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, classPath)));
		Arrays.stream(arguments).filter(a -> a.startsWith("-D")).forEach(command::add);
		command.addAll(List.of(RegionPlanApplication.class.getName(), ServerPort.ANY,
				"--regionplan.data-dir=" + folder.resolve("data"),
				// a short job lock, so that the restarted application takes the killed
				// one's job soon
				"--camunda.bpm.job-execution.lock-time-in-millis=5000",
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
				"--management.endpoint.health.probes.enabled=true"));
		Arrays.stream(arguments).filter(a -> a.startsWith("--")).forEach(command::add);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder.resolve(name + ".log").toFile())
			.start();
		started.add(process);
		port = 0;
		await("the application (" + name + ") answers", STARTUP, () -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("the application stopped; see " + folder.resolve(name + ".log"));
			}
			try {
				if (port == 0) {
					port = ServerPort.fromLog(folder.resolve(name + ".log")).orElse(0);
				}
				if (port == 0) {
					return false;
				}
				// ready after the runners, i.e. with the demo market loaded
				return get("demo", "/actuator/health/readiness").statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		});
		return process;
	}

	/**
	 * The hook's classes alone in a folder: the test classes as a whole would bring in
	 * the test configuration.
	 */
	private Path hookClasses() throws IOException {
		Path hook = folder.resolve("hook-classes");
		String packagePath = BlockingRuleTaskHook.class.getPackageName().replace('.', '/');
		Path source = Path.of(BlockingRuleTaskHook.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.resolve(packagePath);
		Files.createDirectories(hook.resolve(packagePath));
		try (Stream<Path> classes = Files.list(source)) {
			for (Path file : classes
				.filter(f -> f.getFileName().toString().startsWith(BlockingRuleTaskHook.class.getSimpleName()))
				.toList()) {
				Files.copy(file, hook.resolve(packagePath).resolve(file.getFileName()),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return hook;
	}

	private String startCycle(String user, String region) throws IOException, InterruptedException {
		HttpResponse<String> started = post(user, "/engine-rest/process-definition/key/regional-planning-cycle/start",
				Map.of("variables", typed(
						Map.of("region", region, "year", 2027, "hqVolumeTarget", 1_000_000, "budget", 10_000_000))));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		return JSON.readTree(started.body()).get("id").asText();
	}

	private int complete(String user, String cycle, String taskKey, Map<String, Object> variables)
			throws IOException, InterruptedException {
		JsonNode tasks = JSON.readTree(
				get(user, "/engine-rest/task?processInstanceId=" + cycle + "&taskDefinitionKey=" + taskKey).body());
		assertThat(tasks).as(taskKey).hasSize(1);
		HttpResponse<String> answer = post(user, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
				Map.of("variables", typed(variables)));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
		return answer.statusCode();
	}

	private List<String> openTasks(String cycle) {
		try {
			List<String> keys = new ArrayList<>();
			JSON.readTree(get("demo", "/engine-rest/task?processInstanceId=" + cycle).body())
				.forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
			return keys;
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return typed;
	}

	private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
		return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String user, String path, Object body) throws IOException, InterruptedException {
		return http.send(request(user, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String user, String path) {
		String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + credentials);
	}

	private static long count(Connection db, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static Instant timestamp(Connection db, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getTimestamp(1).toInstant();
			}
		}
	}

	private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		Instant until = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(until)) {
				throw new AssertionError("timed out waiting until " + what);
			}
			Thread.sleep(200);
		}
	}

}
