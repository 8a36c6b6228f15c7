package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two application nodes, each in its own JVM (a node must be killable with kill -9
 * without killing the test), on one real PostgreSQL server: they start together on the
 * empty database, share the work (tasks completed on either node, rule tasks and timers
 * run by either job executor), evaluate the same rule version, and when one is killed in
 * the middle of a job the other runs that job once the dead node's lock expires. It takes
 * minutes (two application starts), so it runs in the Maven profile {@code cluster} only
 * ({@code ./mvnw -B test -Pcluster}, also in .ci/run).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterTests {

	/**
	 * How long a job stays locked by the node that took it; short, so the test waits
	 * seconds for a dead node's job.
	 */
	static final int JOB_LOCK_MILLIS = 8000;

	LocalPostgres postgres;

	JdbcTemplate db;

	ClusterNode a;

	ClusterNode b;

	final Map<String, String> cycles = new LinkedHashMap<>();

	@BeforeAll
	void startPostgresAndTwoNodesTogether() throws Exception {
		postgres = LocalPostgres.start();
		db = new JdbcTemplate(new SingleConnectionDataSource(postgres.jdbcUrl(), LocalPostgres.USER, "", true));
		List<String> arguments = List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK_MILLIS,
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
				"--spring.datasource.hikari.maximum-pool-size=8");
		a = ClusterNode.start("node-a", postgres.jdbcUrl(), LocalPostgres.USER, "", arguments);
		b = ClusterNode.start("node-b", postgres.jdbcUrl(), LocalPostgres.USER, "", arguments);
		a.awaitReady(Duration.ofMinutes(4));
		b.awaitReady(Duration.ofMinutes(4));
	}

	@AfterAll
	void stopEverything() throws Exception {
		try {
			for (ClusterNode node : new ClusterNode[] { a, b }) {
				if (node != null) {
					node.kill();
				}
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	@Test
	@Order(1)
	void twoNodesStartingTogetherSetTheDatabaseUpOnce() throws IOException {
		assertThat(count("select count(*) from act_re_deployment where name_ = 'regionplan'")).isEqualTo(1);
		assertThat(count("select count(*) from act_re_procdef where key_ = 'regional-planning-cycle'")).isEqualTo(1);
		assertThat(count("select count(*) from act_id_group")).as("4 roles and camunda-admin").isEqualTo(5);
		assertThat(count("select count(*) from act_id_user")).as("demo and the 5 demo users").isEqualTo(6);
		assertThat(count("select count(*) - count(distinct name_) from act_ru_filter")).as("duplicate filters")
			.isZero();
		assertThat(count("select count(*) from market_region")).isEqualTo(2);
		assertThat(count("select count(*) - count(distinct kind) from market_import")).as("demo market imported twice")
			.isZero();
		assertThat(count("select count(*) from flyway_schema_history where success and version <> '0'"))
			.as("each migration once")
			.isEqualTo(migrations());
		assertThat(count("select count(*) from flyway_schema_history where not success")).isZero();
		// one node created the deployment, the other found it unchanged; both took the
		// startup lock in turn
		String logs = a.logText() + b.logText();
		assertThat(occurrences(logs, "Created deployment")).isEqualTo(1);
		assertThat(occurrences(logs, "Unchanged deployment")).isEqualTo(1);
		assertThat(occurrences(logs, "Took the database startup lock")).isEqualTo(2);
		// each node migrated (or found the schema migrated) under the lock: a node whose
		// Flyway
		// ran first found the other's schema history table created and empty, and refused
		// to start
		for (String log : List.of(a.logText(), b.logText())) {
			assertThat(log.indexOf("Took the database startup lock")).as("lock before Flyway")
				.isLessThan(log.indexOf("org.flywaydb"));
		}
	}

	@Test
	@Order(2)
	void tasksAreCompletedOnEitherNode() throws Exception {
		// given: a cycle started on each node
		cycles.put("east", startCycle(a, "wang.east", "east"));
		cycles.put("south", startCycle(b, "li.south", "south"));
		long completedBefore = count("select count(*) from act_hi_taskinst where end_time_ is not null");

		// when: the manager's tasks are completed alternately on the two nodes
		complete(b, "wang.east", cycles.get("east"), "Task_DataRefreshCheck", Map.of("dataConfirmed", true));
		complete(a, "li.south", cycles.get("south"), "Task_DataRefreshCheck", Map.of("dataConfirmed", true));
		complete(a, "wang.east", cycles.get("east"), "Task_MarketVisits", MARKET_VISITS);
		complete(b, "li.south", cycles.get("south"), "Task_MarketVisits", MARKET_VISITS);
		complete(b, "wang.east", cycles.get("east"), "Task_Swot", SWOT);
		complete(a, "li.south", cycles.get("south"), "Task_Swot", SWOT);

		// then: six completions, and the city-strategy rule task after them run by a job
		// executor, up to the review
		assertThat(count("select count(*) from act_hi_taskinst where end_time_ is not null") - completedBefore)
			.isEqualTo(6);
		assertThat(awaitTask(a, "wang.east", cycles.get("east"), "Task_ReviewStrategy")).isNotNull();
		assertThat(awaitTask(b, "li.south", cycles.get("south"), "Task_ReviewStrategy")).isNotNull();
		// a manager of one region does not see the other's task on either node
		assertThat(tasks(a, "li.south", cycles.get("east"), "Task_ReviewStrategy")).isEmpty();
		assertThat(tasks(b, "wang.east", cycles.get("south"), "Task_ReviewStrategy")).isEmpty();
	}

	@Test
	@Order(3)
	void bothNodesEvaluateTheSameRuleVersion() {
		String deployment = db.queryForObject("select id_ from act_re_deployment where name_ = 'regionplan'",
				String.class);
		List<Map<String, Object>> bySet = db.queryForList("select rule_set, count(*) as decisions, "
				+ "count(distinct content_hash) as hashes, count(distinct deployment_id) as deployments, "
				+ "min(deployment_id) as deployment from decision group by rule_set");
		assertThat(bySet).as("rule sets evaluated").isNotEmpty();
		for (Map<String, Object> set : bySet) {
			assertThat(((Number) set.get("decisions")).intValue()).as(set.toString()).isGreaterThanOrEqualTo(2);
			assertThat(((Number) set.get("hashes")).intValue()).as(set.toString()).isEqualTo(1);
			assertThat(((Number) set.get("deployments")).intValue()).as(set.toString()).isEqualTo(1);
			assertThat(set.get("deployment")).as(set.toString()).isEqualTo(deployment);
		}
		// which node ran each rule task: the job log's host name, in the transaction that
		// wrote the decision
		List<String> hosts = db.queryForList("select distinct l.hostname_ from decision d join act_hi_job_log l "
				+ "on l.process_instance_id_ = d.process_instance_id and l.act_id_ = d.activity_id "
				+ "and l.job_state_ = 2 order by 1", String.class);
		assertThat(hosts).containsExactly("node-a", "node-b");
		assertThat(count("select count(*) from decision where activity_id = 'Task_CityStrategy'"))
			.as("one city-strategy decision per cycle")
			.isEqualTo(2);
	}

	@Test
	@Order(4)
	void twoOwnersDeployingAtOnceOnTheTwoNodesKeepBothChanges() throws Exception {
		// given: two changes to different rule sets, one sent to each node at the same
		// moment
		String volumeGap = "rules/volume-gap/parameters.properties";
		String teamSizing = "rules/team-sizing/parameters.properties";
		byte[] changeA = (Files.readString(Path.of(volumeGap)) + "\n# cluster change A\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] changeB = (Files.readString(Path.of(teamSizing)) + "\n# cluster change B\n")
			.getBytes(StandardCharsets.UTF_8);
		long deploymentsBefore = count("select count(*) from act_re_deployment where name_ = 'regionplan'");
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService owners = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Future<ClusterNode.Answer> onA = owners.submit(() -> {
				together.await();
				return a.upload("chen.owner", "/api/deployments", Map.of(volumeGap, changeA));
			});
			java.util.concurrent.Future<ClusterNode.Answer> onB = owners.submit(() -> {
				together.await();
				return b.upload("chen.owner", "/api/deployments", Map.of(teamSizing, changeB));
			});
			// when both are answered
			assertThat(onA.get(2, java.util.concurrent.TimeUnit.MINUTES).status()).isEqualTo(201);
			assertThat(onB.get(2, java.util.concurrent.TimeUnit.MINUTES).status()).isEqualTo(201);
		}
		finally {
			owners.shutdownNow();
		}

		// then: two new deployments, and the later one holds both changes (it was built
		// on the earlier)
		assertThat(count("select count(*) from act_re_deployment where name_ = 'regionplan'"))
			.isEqualTo(deploymentsBefore + 2);
		String latest = db.queryForObject("select id_ from act_re_deployment where name_ = 'regionplan' "
				+ "order by deploy_time_ desc, id_ desc fetch first row only", String.class);
		assertThat(resource(latest, volumeGap)).contains("# cluster change A");
		assertThat(resource(latest, teamSizing)).contains("# cluster change B");
		assertThat(count("select count(*) from deployment_audit where outcome = 'DEPLOYED'")).isEqualTo(2);
	}

	/** The migrations the application ships (src/main/resources/db/migration). */
	private static int migrations() throws IOException {
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
			return (int) files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
		}
	}

	private String resource(String deployment, String name) {
		return new String(
				db.queryForObject("select bytes_ from act_ge_bytearray where deployment_id_ = ? and name_ = ?",
						byte[].class, deployment, name),
				StandardCharsets.UTF_8);
	}

	@Test
	@Order(5)
	void aTimerFiresOnceAndTheSurvivorRunsTheJobOfAKilledNode() throws Exception {
		// given: a month whose start timer is due at once (January 2020), its job held
		// suspended for now
		String monthly = a.get("demo", "/engine-rest/process-definition/key/monthly-execution")
			.body()
			.get("id")
			.asText();
		JsonNode definition = a
			.get("demo",
					"/engine-rest/job-definition?processDefinitionId=" + monthly + "&activityIdIn=Timer_MonthStart")
			.body()
			.get(0);
		assertThat(a
			.put("demo", "/engine-rest/job-definition/" + definition.get("id").asText() + "/suspended",
					Map.of("suspended", true, "includeJobs", false))
			.status()).isEqualTo(204);
		ClusterNode.Answer started = a.post("demo", "/engine-rest/process-definition/key/monthly-execution/start",
				Map.of("variables", typed(Map.of("region", "east", "year", 2020, "month", 1))));
		assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);
		String month = started.body().get("id").asText();
		Map<String, Object> job = db.queryForMap(
				"select id_, execution_id_, suspension_state_ from act_ru_job " + "where process_instance_id_ = ?",
				month);
		assertThat(job.get("suspension_state_")).as("suspended").isEqualTo(2);

		// when: the job is released while the test holds the instance's row, so the node
		// that takes the job
		// is stuck in the middle of it; that node is killed
		ClusterNode killed;
		ClusterNode survivor;
		try (Connection holder = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "")) {
			holder.setAutoCommit(false);
			holder.createStatement()
				.executeQuery("select id_ from act_ru_execution where id_ in ('" + month + "', '"
						+ job.get("execution_id_") + "') for update")
				.close();
			assertThat(a.put("demo", "/engine-rest/job/" + job.get("id_") + "/suspended", Map.of("suspended", false))
				.status()).isEqualTo(204);
			String stuck = await(Duration.ofSeconds(30), "a node stuck on the held row", () -> {
				List<String> waiting = db.queryForList("select application_name from pg_stat_activity "
						+ "where wait_event_type = 'Lock' and application_name like 'node-%'", String.class);
				return waiting.isEmpty() ? null : waiting.get(0);
			});
			killed = stuck.equals(a.name) ? a : b;
			survivor = killed == a ? b : a;
			assertThat(
					db.queryForObject("select lock_owner_ from act_ru_job where id_ = ?", String.class, job.get("id_")))
				.as("the job is locked by the node in the middle of it")
				.isNotNull();
			killed.kill();
			holder.rollback();
		}
		assertThat(killed.isAlive()).isFalse();
		ClusterNode dead = killed;
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> dead.get("wang.east", "/engine-rest/engine")))
			.isInstanceOf(ConnectException.class);

		// then: after the dead node's lock expired, the survivor ran the timer, exactly
		// once
		JsonNode itinerary = awaitTask(survivor, "wang.east", month, "Task_MonthlyItineraryPlan");
		assertThat(itinerary).isNotNull();
		assertThat(awaitTask(survivor, "zhao.director", month, "Task_EscalateItinerary")).as("the overdue timer")
			.isNotNull();
		assertThat(count(
				"select count(*) from act_hi_job_log where job_id_ = '" + job.get("id_") + "' and job_state_ = 2"))
			.isEqualTo(1);
		assertThat(db.queryForObject("select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2",
				String.class, job.get("id_")))
			.isEqualTo(survivor.name);

		// and the survivor carries on with the rest of the work: the reviews on both
		// cycles, whose rule and
		// service tasks only it can run now, up to the volume plan
		for (Map.Entry<String, String> cycle : cycles.entrySet()) {
			String manager = cycle.getKey().equals("east") ? "wang.east" : "li.south";
			complete(survivor, manager, cycle.getValue(), "Task_ReviewStrategy",
					io.regionplan.planning.CycleDriver.confirmed(Map.of()));
			assertThat(awaitTask(survivor, manager, cycle.getValue(), "Task_VolumePlan")).isNotNull();
		}
		// nothing ran twice: one timer, one itinerary task and one escalation for the
		// month
		assertThat(count("select count(*) from act_hi_actinst where proc_inst_id_ = '" + month
				+ "' and act_id_ = 'Timer_MonthStart' and end_time_ is not null"))
			.isEqualTo(1);
		assertThat(count("select count(*) from act_hi_taskinst where proc_inst_id_ = '" + month
				+ "' and task_def_key_ = 'Task_MonthlyItineraryPlan'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from act_hi_taskinst where proc_inst_id_ = '" + month
				+ "' and task_def_key_ = 'Task_EscalateItinerary'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
	}

	static final Map<String, Object> MARKET_VISITS = Map.of("visitTargets", "苏州、南通各走访 5 家经销商", "observations",
			"南通 KA 渠道空白", "interviews", "门店老板 12 人", "dealerInterviews", "经销商 8 家");

	static final Map<String, Object> SWOT = Map.of("strengths", "上海、苏州份额领先", "weaknesses", "南通铺货不足", "opportunities",
			"南通品类增长快", "threats", "竞品降价");

	private String startCycle(ClusterNode node, String user, String region) throws Exception {
		ClusterNode.Answer started = node
			.post(user, "/engine-rest/process-definition/key/regional-planning-cycle/start", Map.of("variables",
					typed(Map.of("region", region, "year", 2027, "hqVolumeTarget", 1_000_000, "budget", 10_000_000))));
		assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);
		return started.body().get("id").asText();
	}

	private void complete(ClusterNode node, String user, String cycle, String taskKey, Map<String, Object> variables)
			throws Exception {
		String task = awaitTask(node, user, cycle, taskKey).get("id").asText();
		assertThat(node.post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user)).status())
			.isEqualTo(204);
		ClusterNode.Answer done = node.post(user, "/engine-rest/task/" + task + "/complete",
				Map.of("variables", typed(variables)));
		assertThat(done.status()).as(taskKey + " on " + node + ": " + done.body()).isEqualTo(204);
	}

	private JsonNode awaitTask(ClusterNode node, String user, String processInstance, String taskKey) throws Exception {
		return await(Duration.ofSeconds(60), taskKey + " of " + processInstance + " on " + node, () -> {
			List<JsonNode> open = tasks(node, user, processInstance, taskKey);
			return open.size() == 1 ? open.get(0) : null;
		});
	}

	private List<JsonNode> tasks(ClusterNode node, String user, String processInstance, String taskKey)
			throws Exception {
		ClusterNode.Answer answer = node.get(user,
				"/engine-rest/task?processInstanceId=" + processInstance + "&taskDefinitionKey=" + taskKey);
		assertThat(answer.status()).isEqualTo(200);
		List<JsonNode> open = new ArrayList<>();
		answer.body().forEach(open::add);
		return open;
	}

	private <T> T await(Duration timeout, String what, Callable<T> check) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			T found = check.call();
			if (found != null) {
				return found;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("waited " + timeout + " for " + what + "; failed jobs: "
				+ db.queryForList("select act_id_, exception_msg_ from act_ru_job where exception_msg_ is not null"));
	}

	private static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return typed;
	}

	private long count(String sql) {
		return db.queryForObject(sql, Long.class);
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
