package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.regionplan.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Unauthenticated uploads just under the 50 MB limit, sent slowly, to the upload
 * endpoints and to any other address: each is answered (401, or 415 where no upload is
 * taken) without its body being read, and the server keeps answering
 * {@code /actuator/health} within a second while they are all still sending. Before, the
 * body was read (and drained) first, and 200 of them took every request thread.
 */
@IntegrationTest
class SlowUploadsIntegrationTests {

	static final int UPLOADS = 200;

	static final List<String> PATHS = List.of("/api/market/imports", "/api/deployments",
			"/api/deployments/preview?region=east", "/api/decisions", "/api/no-such-endpoint",
			"/engine-rest/deployment/create", "/engine-rest/task", "/insight/quadrant.html", "/", "/no-such-page",
			"/error", "/actuator/health");

	@LocalServerPort
	int port;

	/**
	 * Headers, the first part of a 49 MB multipart body, and then nothing but a byte now
	 * and then.
	 */
	private Socket startUpload(String path) throws IOException {
		return startUpload(path, 49, null);
	}

	private Socket startUpload(String path, int megabytes, String user) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		String boundary = "----slow";
		String credentials = user == null ? "" : "Authorization: Basic "
				+ java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))
				+ "\r\n";
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + credentials
				+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
				+ (megabytes * 1024L * 1024) + "\r\n\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dealers.csv\"\r\n\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write(new byte[1024]);
		out.flush();
		return socket;
	}

	/** The answer's status line, or why there is none by the deadline. */
	private static String statusLine(Socket socket, long deadline) {
		try {
			socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
				line.append((char) b);
			}
			return line.toString().trim();
		}
		catch (IOException ex) {
			return "no answer: " + ex.getMessage();
		}
	}

	@Test
	void onlyTheUploadEndpointsReadAnUploadAndOnlyForAKnownCaller() throws IOException {
		String[][] uploads = { { null, "/api/market/imports", "60", "401" },
				{ "zhao.director", "/api/market/imports", "60", "413" },
				{ null, "/engine-rest/deployment/create", "60", "401" }, { null, "/insight/kanban.html", "60", "413" },
				{ "chen.owner", "/api/deployments/migrations", "1", "415" },
				{ "chen.owner", "/api/deployments/from-folders?force=true", "1", "415" },
				{ "wang.east", "/engine-rest/task", "1", "415" } };
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);

		for (String[] upload : uploads) {
			try (Socket socket = startUpload(upload[1], Integer.parseInt(upload[2]), upload[0])) {
				assertThat(statusLine(socket, deadline))
					.as(String.join(" ", upload[0] + "", upload[1], upload[2] + " MB"))
					.startsWith("HTTP/1.1 " + upload[3]);
			}
		}
	}

	@Test
	void aRefusedUploadKeepsItsMessageAndTheConnectionIsClosed() throws Exception {
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/insight/quadrant.html"))
				.header("Content-Type", "multipart/form-data; boundary=x")
				.POST(HttpRequest.BodyPublishers
					.ofString("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(415);
		assertThat(refused.body()).contains("this address takes no multipart upload");
		assertThat(refused.headers().firstValue("Connection")).hasValue("close");
	}

	/**
	 * A known caller without the role to deploy gets its 403 every time, not a reset
	 * connection: its body is drained. (CI once saw a reset for a 2 kB rule file, when
	 * the connection was closed after the authorization check.)
	 */
	@Test
	void aKnownCallerRefusedForItsRoleReadsTheAnswer() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		byte[] body = ("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"r.drl\"\r\n\r\n"
				+ "x".repeat(4 * 1024 * 1024) + "\r\n--x--")
			.getBytes(StandardCharsets.US_ASCII);
		String auditor = java.util.Base64.getEncoder()
			.encodeToString("sun.auditor:demo".getBytes(StandardCharsets.UTF_8));
		Map<Integer, Integer> statuses = new TreeMap<>();

		for (int i = 0; i < 10; i++) {
			HttpResponse<String> refused = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/deployments"))
					.header("Authorization", "Basic " + auditor)
					.header("Content-Type", "multipart/form-data; boundary=x")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			statuses.merge(refused.statusCode(), 1, Integer::sum);
		}

		assertThat(statuses).isEqualTo(Map.of(403, 10));
	}

	@Test
	void theServerAnswersWhileTwoHundredSlowUnauthenticatedUploadsAreOpen() throws Exception {
		List<Socket> uploads = new ArrayList<>();
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < UPLOADS; i++) {
				uploads.add(startUpload(PATHS.get(i % PATHS.size())));
			}
			trickle.scheduleWithFixedDelay(() -> uploads.forEach(socket -> {
				try {
					socket.getOutputStream().write('x');
				}
				catch (IOException ex) {
					// the server closed it: answered without reading on
				}
			}), 200, 200, TimeUnit.MILLISECONDS);

			Map<String, Integer> answers = new TreeMap<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			for (int i = 0; i < UPLOADS; i++) {
				String status = statusLine(uploads.get(i), deadline);
				answers.merge(PATHS.get(i % PATHS.size()) + " → " + status.replaceFirst("^HTTP/1.1 (\\d+).*", "$1"), 1,
						Integer::sum);
			}
			System.out.printf("%d slow unauthenticated uploads of 49 MB: %s%n", UPLOADS, answers);
			assertThat(answers.keySet()).as("each answered at once, its body unread")
				.allMatch(answer -> answer.endsWith("→ 401") || answer.endsWith("→ 415"));
			assertThat(answers.keySet())
				.filteredOn(answer -> answer.startsWith("/api/") || answer.startsWith("/engine-rest/"))
				.as("the APIs refuse an unknown caller first")
				.allMatch(answer -> answer.endsWith("→ 401"));

			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			for (int i = 0; i < 5; i++) {
				long started = System.nanoTime();
				HttpResponse<String> health = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
						.timeout(Duration.ofSeconds(1))
						.build(), HttpResponse.BodyHandlers.ofString());
				Duration took = Duration.ofNanos(System.nanoTime() - started);

				assertThat(health.statusCode()).isEqualTo(200);
				assertThat(took).as("health while the uploads are open").isLessThan(Duration.ofSeconds(1));
				Thread.sleep(200);
			}
		}
		finally {
			trickle.shutdownNow();
			for (Socket socket : uploads) {
				socket.close();
			}
		}
	}

}
