package io.regionplan.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.regionplan.RegionPlanApplication;
import io.regionplan.planning.CycleDriver;
import io.regionplan.system.LocalPostgres;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 9, benchmarks 4 and 5, against the whole application on an H2 file (history FULL,
 * demo data): planning cycles per second (start to the director's approval, every user
 * task completed at once over REST with the server-side form checks, rule tasks and their
 * decisions run by the harness), and task completions through {@code /engine-rest} by 16
 * concurrent clients on loopback (p50, p99, completions per second).
 *
 * <pre>scripts/bench.sh engine</pre>
 */
public final class EngineBenchmark {

	private static final int PORT = 18080;

	private EngineBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int completions = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
		int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		// then any of: "mem" (an in-memory H2 instead of the file with commits written at
		// once, to see the database's
		// share), "postgres" (a throwaway local PostgreSQL server, see LocalPostgres) and
		// "audit" (history level AUDIT
		// instead of the shipped FULL)
		List<String> options = List.of(args).subList(Math.min(3, args.length), args.length);
		boolean memory = options.contains("mem");
		LocalPostgres postgres = options.contains("postgres") ? LocalPostgres.start() : null;
		String history = options.contains("audit") ? "audit" : "full";
		Path data = Files.createTempDirectory("regionplan-bench-");
		// as command-line arguments: they override application.yaml (builder properties
		// would not)
		ConfigurableApplicationContext app = new SpringApplicationBuilder(RegionPlanApplication.class).profiles("demo")
			.run("--server.port=" + PORT,
					"--spring.datasource.url=" + (postgres != null ? postgres.jdbcUrl()
							: memory ? "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"
									: "jdbc:h2:file:" + data.resolve("db") + ";WRITE_DELAY=0"),
					"--spring.datasource.username=" + (postgres != null ? LocalPostgres.USER : "sa"),
					"--camunda.bpm.history-level=" + history, "--camunda.bpm.job-execution.enabled=false",
					"--logging.level.root=WARN");
		try {
			RuntimeService runtime = app.getBean(RuntimeService.class);
			TaskService tasks = app.getBean(TaskService.class);
			ManagementService management = app.getBean(ManagementService.class);
			TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + PORT));
			CycleDriver driver = new CycleDriver(runtime, tasks, management, rest);

			// 4. planning cycles: 5 to warm up, then timed
			for (int i = 0; i < 5; i++) {
				driver.runPlanning("east", "wang.east");
			}
			long start = System.nanoTime();
			for (int i = 0; i < cycles; i++) {
				driver.runPlanning(i % 2 == 0 ? "east" : "south", i % 2 == 0 ? "wang.east" : "li.south");
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("planning cycles (history %s): %d in %.1f s = %.2f cycles/s (%.0f ms each)%n", history,
					cycles, seconds, cycles / seconds, seconds * 1000 / cycles);

			// 5. REST completions: open data-refresh-check tasks, claimed, completed by
			// concurrent clients
			ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>();
			for (int i = 0; i < completions + 200; i++) {
				String cycle = driver.start("east");
				Task task = tasks.createTaskQuery().processInstanceId(cycle).singleResult();
				tasks.claim(task.getId(), "wang.east");
				open.add(task.getId());
			}
			String auth = "Basic "
					+ Base64.getEncoder().encodeToString("wang.east:demo".getBytes(StandardCharsets.UTF_8));
			String body = "{\"variables\": {\"dataConfirmed\": {\"value\": true}, \"dataNotes\": {\"value\": \"ok\"}}}";
			// warm-up: 200 completions
			run(auth, body, open, 200, clients);
			org.springframework.jdbc.core.JdbcTemplate jdbc = app
				.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
			if (postgres == null) {
				jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
				jdbc.execute("SET QUERY_STATISTICS TRUE");
			}
			long wall = System.nanoTime();
			List<Long> latencies = run(auth, body, open, completions, clients);
			double restSeconds = (System.nanoTime() - wall) / 1e9;
			Collections.sort(latencies);
			System.out.printf(
					"REST completions: %d by %d clients in %.1f s = %.0f/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					latencies.size(), clients, restSeconds, latencies.size() / restSeconds, percentile(latencies, 50),
					percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
			if (postgres != null) {
				return;
			}
			System.out.println("statements by database time during the completions:");
			jdbc.queryForList("select CUMULATIVE_EXECUTION_TIME, EXECUTION_COUNT, SQL_STATEMENT from "
					+ "INFORMATION_SCHEMA.QUERY_STATISTICS order by CUMULATIVE_EXECUTION_TIME desc fetch first 10 rows only")
				.forEach(row -> System.out.printf("  %8.0f ms %6s x  %s%n",
						((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(), row.get("EXECUTION_COUNT"),
						String.valueOf(row.get("SQL_STATEMENT"))
							.replaceAll("\\s+", " ")
							.substring(0, Math.min(220,
									String.valueOf(row.get("SQL_STATEMENT")).replaceAll("\\s+", " ").length()))));
		}
		finally {
			app.close();
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private static List<Long> run(String auth, String body, ConcurrentLinkedQueue<String> open, int count, int clients)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> results = new ArrayList<>();
		java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(count);
		for (int c = 0; c < clients; c++) {
			results.add(pool.submit(() -> {
				List<Long> mine = new ArrayList<>();
				while (left.getAndDecrement() > 0) {
					String task = open.poll();
					// HttpURLConnection writes headers and body in one go: the JDK
					// HttpClient's separate body packet
					// met the server's delayed ACK and added ~40 ms to every request
					long t = System.nanoTime();
					java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI
						.create("http://localhost:" + PORT + "/engine-rest/task/" + task + "/complete")
						.toURL()
						.openConnection();
					connection.setRequestMethod("POST");
					connection.setRequestProperty("Authorization", auth);
					connection.setRequestProperty("Content-Type", "application/json");
					connection.setDoOutput(true);
					byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
					connection.setFixedLengthStreamingMode(bytes.length);
					try (var out = connection.getOutputStream()) {
						out.write(bytes);
					}
					int status = connection.getResponseCode();
					String answer = status == 204 ? ""
							: new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
					mine.add(System.nanoTime() - t);
					if (status != 204) {
						throw new IllegalStateException("completion answered " + status + ": " + answer);
					}
				}
				return mine;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		return all;
	}

	private static double percentile(List<Long> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

}
