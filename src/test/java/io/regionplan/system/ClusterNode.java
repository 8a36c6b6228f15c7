package io.regionplan.system;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.ServerPort;

/**
 * One application node in its own JVM (the test classpath, profiles demo and postgres) on
 * a port the OS gives it, with its output in {@code target/cluster/<name>.log}; REST
 * calls to it as a demo user (password demo).
 */
final class ClusterNode {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String name;

	/** Known once the node listens ({@link #awaitReady}). */
	private volatile int port;

	final Path log;

	private final Process process;

	private ClusterNode(String name, Path log, Process process) {
		this.name = name;
		this.log = log;
		this.process = process;
	}

	/**
	 * @param jdbcUrl the shared database; the node's name is its JDBC application name
	 * and job log host name
	 */
	static ClusterNode start(String name, String jdbcUrl, String user, String password, List<String> extraArguments)
			throws IOException {
		Path dir = Path.of("target", "cluster", name).toAbsolutePath();
		Files.createDirectories(dir);
		Path log = dir.resolveSibling(name + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						"io.regionplan.RegionPlanApplication", "--spring.profiles.active=demo,postgres", ServerPort.ANY,
						"--regionplan.data-dir=" + dir));
		command.addAll(extraArguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("REGIONPLAN_DB_URL",
					jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name, "REGIONPLAN_DB_USER",
					user, "REGIONPLAN_DB_PASSWORD", password, "REGIONPLAN_NODE_NAME", name));
		return new ClusterNode(name, log, builder.start());
	}

	/**
	 * Waits until the engine REST API answers; fails with the end of the node's log when
	 * it died or is slow.
	 */
	void awaitReady(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
			}
			if (port == 0) {
				port = ServerPort.fromLog(log).orElse(0);
			}
			try {
				if (port != 0 && call("GET", null, "/engine-rest/engine", null).status() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
	}

	String logTail() throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	String logText() throws IOException {
		return Files.readString(log, StandardCharsets.UTF_8);
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/**
	 * kill -9: no shutdown hook, no connection closed by the JVM, no lock released by the
	 * engine.
	 */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	record Answer(int status, JsonNode body) {
	}

	Answer get(String user, String path) throws IOException, InterruptedException {
		return call("GET", user, path, null);
	}

	Answer post(String user, String path, Object body) throws IOException, InterruptedException {
		return call("POST", user, path, body);
	}

	Answer put(String user, String path, Object body) throws IOException, InterruptedException {
		return call("PUT", user, path, body);
	}

	/**
	 * A multipart upload: each file as a part {@code files} named by its path (the
	 * deployment API's form).
	 */
	Answer upload(String user, String path, Map<String, byte[]> files) throws IOException, InterruptedException {
		String boundary = "----regionplan" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			body.write(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
							+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
			body.write(file.getValue());
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body().isBlank() ? null : parse(response.body()));
	}

	private Answer call(String method, String user, String path, Object body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode json = response.body().isBlank() ? null : parse(response.body());
		return new Answer(response.statusCode(), json);
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException notJson) {
			return JSON.getNodeFactory().textNode(body);
		}
	}

	@Override
	public String toString() {
		return name;
	}

}
