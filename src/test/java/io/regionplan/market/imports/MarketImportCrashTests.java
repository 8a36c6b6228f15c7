package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.RegionPlanApplication;
import io.regionplan.ServerPort;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * kill -9 of the application while an import runs and another waits (issue 16, finding
 * 7): after a restart over the same H2 file both have their record, FAILED with the
 * reason. The application as shipped in a JVM of its own (demo profile, H2 file under
 * target/, no demo market to load), like {@code system.CrashRecoveryTests}.
 */
@Tag("jvm")
class MarketImportCrashTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> started = new ArrayList<>();

	private Path folder;

	private int port;

	@AfterEach
	void stopWhatWasStarted() {
		started.forEach(Process::destroyForcibly);
	}

	@Test
	void importsRunningOrQueuedWhenTheServerIsKilledAreFailedWithTheReasonAfterRestart() throws Exception {
		folder = Files.createDirectories(Path.of("target", "crash-tests", UUID.randomUUID().toString()))
			.toAbsolutePath();
		// stores of cities that do not exist: read and checked row by row for a few
		// seconds, then refused
		StringBuilder stores = new StringBuilder("store,city,channel,dealer,carries_product,category_sales\n");
		for (int i = 0; i < 600_000; i++) {
			stores.append("S-").append(i).append(",nowhere,KA,,true,").append(i).append('\n');
		}
		byte[] file = stores.toString().getBytes(StandardCharsets.UTF_8);

		// given: one import running, one queued behind it
		Process first = start("first");
		String running = upload(file);
		String queued = upload(file);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> report(running).path("rowsDone").asInt() > 0);

		// when
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
		start("second");

		// then
		for (String id : List.of(running, queued)) {
			JsonNode report = report(id);
			assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("FAILED");
			assertThat(report.get("message").asText()).isEqualTo(ImportRecords.RESTARTED);
			assertThat(report.get("finishedAt").isTextual()).isTrue();
		}
		assertThat(Files.readString(folder.resolve("second.log")))
			.contains("was RUNNING when its server stopped: marked FAILED")
			.contains("was QUEUED when its server stopped: marked FAILED");
		FileSystemUtils.deleteRecursively(folder.resolve("data"));
	}

	private Process start(String name) throws IOException {
		List<String> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.toList());
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, classPath),
				RegionPlanApplication.class.getName(), ServerPort.ANY,
				"--regionplan.data-dir=" + folder.resolve("data"), "--regionplan.demo.market=false",
				"--management.endpoint.health.probes.enabled=true")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve(name + ".log").toFile())
			.start();
		started.add(process);
		port = 0;
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("the application (%s) runs; see %s", name, folder.resolve(name + ".log"))
				.isTrue();
			if (port == 0) {
				port = ServerPort.fromLog(folder.resolve(name + ".log")).orElse(0);
			}
			if (port == 0) {
				return false;
			}
			try {
				return http.send(request("/actuator/health/readiness").build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return process;
	}

	private String upload(byte[] csv) throws IOException, InterruptedException {
		String boundary = "regionplan-crash-test";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nstores\r\n--"
				+ boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stores.csv\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = http
			.send(request("/api/market/imports").header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
						HttpRequest.BodyPublishers.ofByteArray(csv), HttpRequest.BodyPublishers.ofByteArray(tail)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		return JSON.readTree(accepted.body()).get("id").asText();
	}

	private JsonNode report(String id) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(request("/api/market/imports/" + id).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString("zhao.director:demo".getBytes(StandardCharsets.UTF_8)));
	}

}
