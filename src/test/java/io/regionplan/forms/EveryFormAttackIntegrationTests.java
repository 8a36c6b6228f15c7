package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.EngineClock;
import io.regionplan.IntegrationTest;
import io.regionplan.planning.CycleDriver;
import io.regionplan.system.WebappSession;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every form of every process, attacked where it is used: one planning cycle and one
 * benchmark market are driven through every user task (the first quarter for the monthly
 * and quarterly tasks, with the overdue escalations; the year-end summary reached by
 * moving the cycle there). At each task, a valid completion plus one key the form does
 * not let a person fill in is sent: each display (disabled) field of the form over the
 * engine REST API ({@code complete}, {@code submit-form}, {@code resolve}) and Tasklist's
 * webapp API ({@code complete}, {@code submit-form}); every other variable the task can
 * see or a delegate or rule task writes, and a key of nothing, over REST
 * {@code submit-form} or the webapp's {@code submit-form} in turn. The start forms with
 * every key of every other form, over {@code start} by key, {@code submit-form} by id and
 * the webapp's {@code submit-form} in turn. Each is refused with 400 naming the key, and
 * nothing changes. The cases come from {@code forms/} and {@code processes/}: a new form,
 * field or task is attacked without changing this test.
 */
@IntegrationTest
class EveryFormAttackIntegrationTests {

	static final String WEBAPP = "/camunda/api/engine/engine/default";

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleDriver driver;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** Every variable a delegate or rule task writes: what the server computes. */
	final Set<String> computed = new TreeSet<>();

	final Map<String, WebappSession> sessions = new LinkedHashMap<>();

	/** What was attacked: "process/task" (or "process/start") → the keys tried. */
	final Map<String, Set<String>> attacked = new TreeMap<>();

	int requests;

	@AfterEach
	void resetTheEngineClock() {
		EngineClock.pin();
	}

	/**
	 * Every user task and start event with a form: "process/task" → form id, from
	 * processes/*.bpmn.
	 */
	static Map<String, String> formsInUse() throws IOException {
		Map<String, String> forms = new TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				String process = file.getFileName().toString().replace(".bpmn", "");
				model.getModelElementsByType(UserTask.class)
					.stream()
					.filter(t -> t.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef") != null)
					.forEach(t -> forms.put(process + "/" + t.getId(), formRef(t)));
				model.getModelElementsByType(StartEvent.class)
					.stream()
					.filter(s -> formRef(s) != null)
					.forEach(s -> forms.put(process + "/start", formRef(s)));
			}
		}
		return forms;
	}

	private static String formRef(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
		return element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
	}

	static FormSchema form(String id) {
		try {
			return FormSchema.parse(JSON.readTree(Path.of("forms", id + ".form").toFile()));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Every key of every form, inputs and display fields. */
	static Set<String> everyFormKey() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			files.map(f -> f.getFileName().toString().replace(".form", ""))
				.map(EveryFormAttackIntegrationTests::form)
				.forEach(schema -> {
					keys.addAll(schema.keys());
					keys.addAll(schema.shown());
				});
		}
		return keys;
	}

	@Test
	void everyKeyAPersonCannotFillInIsRefusedOnEveryPathOfEveryForm() throws IOException {
		long started = System.nanoTime();
		Map<String, String> forms = formsInUse();
		Set<String> everyKey = everyFormKey();
		context.getBeansOfType(io.regionplan.engine.VariableContract.class)
			.values()
			.forEach(contract -> computed.addAll(contract.writes()));
		everyKey.addAll(computed);

		attackStart("regional-planning-cycle",
				Map.of("region", "east", "year", 2027, "hqVolumeTarget", 30_000_000, "budget", 10_000_000), "wang.east",
				everyKey, forms);
		// a target far above both the plan and the forecast: the gap needs a plan and the
		// director
		String cycle = driver.start("east", 30_000_000);
		at(cycle, "Task_DataRefreshCheck", "wang.east", Map.of("dataConfirmed", true), everyKey, forms);
		at(cycle, "Task_MarketVisits", "wang.east", CycleDriver.MARKET_VISITS, everyKey, forms);
		at(cycle, "Task_Swot", "wang.east", CycleDriver.SWOT, everyKey, forms);
		driver.runJobs(cycle);
		at(cycle, "Task_ReviewStrategy", "wang.east", CycleDriver.confirmed(Map.of()), everyKey, forms);
		at(cycle, "Task_VolumePlan", "wang.east", Map.of("plannedVolume", 20_000_000), everyKey, forms);
		driver.runJobs(cycle);
		long gap = (long) Math.ceil(((Number) runtime.getVariable(cycle, "gapVolume")).doubleValue());
		badRows(openTasks(cycle, "Task_GapClosingPlan").get(0), gap);
		at(cycle, "Task_GapClosingPlan", "wang.east",
				CycleDriver.gapSources(CycleDriver.source("shanghai", gap, 0, 0, 0)), everyKey, forms);
		driver.runJobs(cycle);
		at(cycle, "Task_DirectorGapApproval", "zhao.director", Map.of("gapDecision", "approve"), everyKey, forms);
		driver.runJobs(cycle);
		at(cycle, "Task_ReviewTeam", "wang.east", Map.of("teamPlan", "南通招聘 2 名 / hire 2"), everyKey, forms);
		driver.runJobs(cycle);
		at(cycle, "Task_ReviewDealersAndResources", "wang.east", Map.of(), everyKey, forms);
		at(cycle, "Task_WorkPlan", "wang.east", CycleDriver.OGSPM, everyKey, forms);
		// the director's renewals, an input the form offers from the server's options: a
		// store this cycle did not flag, or anything but a list of them, is refused
		inputRefused(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "approve"),
				"roiRenewals", Map.of("value", "[\"S-NOPE\"]", "type", "Json"), "roiRenewals[1]");
		inputRefused(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "approve"),
				"roiRenewals", Map.of("value", 7), "roiRenewals");
		at(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "approve"), everyKey, forms);

		benchmarkMarket(cycle, everyKey, forms);
		firstQuarter(cycle, everyKey, forms);
		// the rest of the year adds no form: the cycle is moved to its year-end summary
		runtime.createProcessInstanceModification(cycle)
			.cancelAllForActivity("CallActivity_Quarter")
			.startBeforeActivity("Task_YearEndSummary")
			.execute();
		at(cycle, "Task_YearEndSummary", "wang.east", Map.of("yearSummary", "全年 / the year", "lessons", "铺货先行"),
				everyKey, forms);

		assertThat(attacked.keySet()).as("every task and start form of every process").isEqualTo(forms.keySet());
		assertThat(attacked.values().stream().flatMap(Set::stream).distinct())
			.as("every key of every form, attacked somewhere")
			.containsAll(everyFormKey());
		assertThat(attacked.get("regional-planning-cycle/Task_VolumePlan")).contains("hqVolumeTarget", "forecastVolume",
				"gapVolume", "gapBand", "region");
		assertThat(attacked.get("regional-planning-cycle/Task_GapClosingPlan")).contains("gapVolume",
				"gapDirectorComment");
		assertThat(attacked.get("regional-planning-cycle/Task_DirectorGapApproval")).contains("gapVolume",
				"plannedVolume", "hqVolumeTarget");
		assertThat(attacked.get("regional-planning-cycle/Task_DataRefreshCheck")).contains("period", "marketSummary",
				"region");
		assertThat(attacked.get("monthly-execution/Task_MonthlyReport")).contains("year", "month");
		assertThat(attacked.get("quarterly-review/Task_CorrectiveAction")).contains("city", "quarter", "spendSummary");
		int keys = attacked.values().stream().mapToInt(Set::size).sum();
		System.out.printf(
				"every form attacked: %d tasks and start forms, %d keys, %d requests, all 400, nothing changed, %.1f s%n",
				attacked.size(), keys, requests, (System.nanoTime() - started) / 1e9);
	}

	private void benchmarkMarket(String cycle, Set<String> everyKey, Map<String, String> forms) {
		Map<String, Object> start = Map.of("region", "east", "year", 2027, "monitorMonths", 3);
		attackStart("benchmark-market", start, "zhao.director", everyKey, forms);
		Map<String, Object> typed = new LinkedHashMap<>();
		start.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		String benchmark = rest.withBasicAuth("zhao.director", "demo")
			.postForObject("/engine-rest/process-definition/key/benchmark-market/start", Map.of("variables", typed),
					com.fasterxml.jackson.databind.JsonNode.class)
			.get("id")
			.asText();
		driver.runJobs(benchmark);
		String top = (String) runtime.getVariable(benchmark, "benchmarkCity");
		at(benchmark, "Task_SelectBenchmarkCity", "zhao.director",
				Map.of("benchmarkCity", top, "followerCities", "wuxi, changzhou"), everyKey, forms);
		at(benchmark, "Task_GrowthOpportunity", "wang.east", Map.of("ndGainVolume", 3000, "newDealersVolume", 2000,
				"competitorVolume", 1000, "targetMonthlyVolume", 50_000), everyKey, forms);
		at(benchmark, "Task_BenchmarkPlan", "wang.east", CycleDriver.OGSPM, everyKey, forms);
		// no sales in these months: off track twice, the director is told
		CycleDriver.clock(2026, 12, 2, 8);
		driver.runJobs(benchmark);
		CycleDriver.clock(2027, 1, 2, 8);
		driver.runJobs(benchmark);
		at(benchmark, "Task_EscalateBenchmark", "zhao.director", Map.of("directorDecision", "加派代表 / more reps"),
				everyKey, forms);
		CycleDriver.clock(2027, 2, 2, 8);
		driver.runJobs(benchmark);
		at(benchmark, "Task_BenchmarkSummary", "wang.east", Map.of("whatWorked", "KA 先行", "playbook", "先 KA 后传统"),
				everyKey, forms);
		at(benchmark, "Task_Rollout", "wang.east", Map.of("localAdjustments", "本地经销商承接"), everyKey, forms);
	}

	/**
	 * Three months with both overdue escalations in the first, then the quarterly
	 * review's corrective actions.
	 */
	private void firstQuarter(String cycle, Set<String> everyKey, Map<String, String> forms) {
		CycleDriver.clock(2027, 1, 1, 8);
		driver.runJobs(cycle);
		attack(cycle, "Task_MonthlyItineraryPlan", "wang.east", Map.of("itinerary", "苏州、南通", "plannedVisits", 60),
				everyKey, forms);
		CycleDriver.clock(2027, 1, 5, 8); // past the itinerary's due date
		driver.runJobs(cycle);
		at(cycle, "Task_EscalateItinerary", "zhao.director", Map.of("escalationNote", "已提醒 / reminded"), everyKey,
				forms);
		// the dealers were off track in the quarter before as well: the first review
		// re-classifies them, for the manager to confirm
		jdbc.update("insert into cycle_review (process_instance_id, quarter, subject_type, subject_id, actual, plan, "
				+ "band, reason_zh, reason_en) select process_instance_id, 0, 'dealer', dealer_id, 0, 1, 'OFF_TRACK', "
				+ "'偏离', 'off track' from cycle_dealer_tier where process_instance_id = ?", cycle);
		for (int month = 1; month <= 3; month++) {
			complete(cycle, "Task_MonthlyItineraryPlan", "wang.east",
					Map.of("itinerary", "苏州、南通", "plannedVisits", 60));
			for (int week = 1; week <= 4; week++) {
				Map<String, Object> report = Map.of("weeklySummary", "第 " + week + " 周", "storesVisited", 15);
				if (month == 1 && week == 1) {
					at(cycle, "Task_WeeklyReport", "wang.east", report, everyKey, forms);
				}
				else {
					complete(cycle, "Task_WeeklyReport", "wang.east", report);
				}
			}
			CycleDriver.clock(2027, month + 1, 1, 8);
			driver.runJobs(cycle);
			Map<String, Object> report = Map.of("actualVolume", 1_000, "monthlySummary", month + " 月总结");
			if (month == 1) {
				attack(cycle, "Task_MonthlyReport", "wang.east", report, everyKey, forms);
				CycleDriver.clock(2027, 2, 8, 8); // past the report's due date
				driver.runJobs(cycle);
				at(cycle, "Task_EscalateReport", "zhao.director", Map.of("escalationNote", "已提醒 / reminded"), everyKey,
						forms);
			}
			complete(cycle, "Task_MonthlyReport", "wang.east", report);
			driver.runJobs(cycle);
			completeEscalations(cycle); // the next month started after its itinerary's
										// due date
		}
		List<Task> corrective = openTasks(cycle, "Task_CorrectiveAction");
		assertThat(corrective).as("cities off track without sales").isNotEmpty();
		Map<String, Object> action = Map.of("correctiveAction", "加大铺货", "actionOwner", "王经理", "actionDue",
				"2027-04-28");
		attack(corrective.get(0), "wang.east", action, everyKey, forms);
		for (Task task : corrective) {
			assertThat(driver.tryComplete(task, "wang.east", action).getStatusCode().value()).isEqualTo(204);
		}
		driver.runJobs(cycle);
		at(cycle, "Task_ReviewReclassification", "wang.east", Map.of(), everyKey, forms);
		driver.runJobs(cycle);
	}

	/**
	 * A valid completion with one input of the form set to what the server must refuse:
	 * 400 naming {@code field}, nothing changed.
	 */
	private void inputRefused(String instance, String taskKey, String user, Map<String, Object> valid, String key,
			Map<String, Object> variable, String field) {
		Task task = openTasks(instance, taskKey).get(0);
		if (task.getAssignee() == null) {
			rest.withBasicAuth(user, "demo")
				.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user), String.class);
		}
		Snapshot before = snapshot(task);
		Map<String, Object> variables = new LinkedHashMap<>();
		valid.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		variables.put(key, variable);
		try {
			String body = JSON.writeValueAsString(Map.of("variables", variables));
			refused(rest(user, "/engine-rest/task/" + task.getId() + "/complete", body), taskKey, "complete", field);
			refused(webapp(user, WEBAPP + "/task/" + task.getId() + "/submit-form", body), taskKey,
					"webapp submit-form", field);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(snapshot(task)).as(taskKey + " " + key + ": nothing changed").isEqualTo(before);
	}

	/**
	 * The gap-closing plan's list of sources by city, row by row: a city not offered, a
	 * city twice, a negative, decimal or text volume, a computed variable inside a row;
	 * each refused on both paths naming its cell, nothing changed.
	 */
	private void badRows(Task task, long gap) {
		rest.withBasicAuth("wang.east", "demo")
			.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "wang.east"), String.class);
		Map<String, Object> ok = CycleDriver.source("shanghai", gap, 0, 0, 0);
		Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
		cells.put("gapSources[1].city", Map.of("city", "forged"));
		cells.put("gapSources[1].newStores", Map.of("newStores", -1));
		cells.put("gapSources[1].newSkus", Map.of("newSkus", 0.5));
		cells.put("gapSources[1].pricePromotion", Map.of("pricePromotion", "1"));
		cells.put("gapSources[1].gapSourcesPastBound", Map.of("gapSourcesPastBound", false));
		Map<String, CycleDriver.Rows> bad = new LinkedHashMap<>();
		cells.forEach((cell, change) -> {
			Map<String, Object> row = new LinkedHashMap<>(ok);
			row.putAll(change);
			bad.put(cell, CycleDriver.Rows.of(row));
		});
		bad.put("gapSources[2].city", CycleDriver.Rows.of(ok, CycleDriver.source("shanghai", 0, 0, 0, 0)));
		Snapshot before = snapshot(task);
		bad.forEach((cell, rows) -> {
			String body = "{\"variables\":{\"gapSources\":{\"value\":" + quoted(rows.json()) + ",\"type\":\"Json\"}}}";
			refused(rest("wang.east", "/engine-rest/task/" + task.getId() + "/complete", body), "gap-closing-plan",
					"complete", cell);
			refused(webapp("wang.east", WEBAPP + "/task/" + task.getId() + "/submit-form", body), "gap-closing-plan",
					"webapp submit-form", cell);
		});
		assertThat(snapshot(task)).as("bad rows: nothing changed").isEqualTo(before);
	}

	private static String quoted(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Attacks the open task, then completes it with the valid completion. */
	private void at(String instance, String taskKey, String user, Map<String, Object> valid, Set<String> everyKey,
			Map<String, String> forms) {
		attack(instance, taskKey, user, valid, everyKey, forms);
		for (Task task : openTasks(instance, taskKey)) {
			assertThat(driver.tryComplete(task, user, valid).getStatusCode().value()).as(taskKey).isEqualTo(204);
		}
	}

	private void attack(String instance, String taskKey, String user, Map<String, Object> valid, Set<String> everyKey,
			Map<String, String> forms) {
		List<Task> open = openTasks(instance, taskKey);
		assertThat(open).as(taskKey).isNotEmpty();
		attack(open.get(0), user, valid, everyKey, forms);
	}

	private List<Task> openTasks(String instance, String taskKey) {
		List<Task> open = tasks.createTaskQuery()
			.list()
			.stream()
			.filter(t -> instance.equals(runtime.createProcessInstanceQuery()
				.processInstanceId(t.getProcessInstanceId())
				.singleResult()
				.getRootProcessInstanceId()))
			.toList();
		assertThat(open)
			.as(taskKey + " among the open tasks " + open.stream().map(Task::getTaskDefinitionKey).toList() + " at "
					+ ClockUtil.getCurrentTime())
			.anyMatch(t -> t.getTaskDefinitionKey().equals(taskKey));
		return open.stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).toList();
	}

	private void completeEscalations(String cycle) {
		for (String escalation : List.of("Task_EscalateItinerary", "Task_EscalateReport")) {
			tasks.createTaskQuery()
				.taskDefinitionKey(escalation)
				.list()
				.stream()
				.filter(t -> cycle.equals(runtime.createProcessInstanceQuery()
					.processInstanceId(t.getProcessInstanceId())
					.singleResult()
					.getRootProcessInstanceId()))
				.forEach(t -> assertThat(
						driver.tryComplete(t, "zhao.director", Map.of("escalationNote", "已提醒")).getStatusCode().value())
					.isEqualTo(204));
		}
	}

	private void complete(String instance, String taskKey, String user, Map<String, Object> valid) {
		for (Task task : openTasks(instance, taskKey)) {
			assertThat(driver.tryComplete(task, user, valid).getStatusCode().value()).as(taskKey).isEqualTo(204);
		}
	}

	private void attack(Task task, String user, Map<String, Object> valid, Set<String> everyKey,
			Map<String, String> forms) {
		String process = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
		String where = process + "/" + task.getTaskDefinitionKey();
		FormSchema schema = form(forms.get(where));
		if (task.getAssignee() == null) {
			rest.withBasicAuth(user, "demo")
				.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user), String.class);
		}
		Map<String, Object> visible = runtime.getVariables(task.getExecutionId());
		Set<String> others = new TreeSet<>(visible.keySet());
		others.addAll(computed);
		others.add("payload");
		others.removeAll(schema.keys());
		others.removeAll(schema.shown());
		Snapshot before = snapshot(task);

		String id = task.getId();
		for (String key : schema.shown()) {
			String body = body(valid, key, visible.get(key));
			for (String path : List.of("complete", "submit-form", "resolve")) {
				refused(rest(user, "/engine-rest/task/" + id + "/" + path, body), where, path, key);
			}
			for (String path : List.of("complete", "submit-form")) {
				refused(webapp(user, WEBAPP + "/task/" + id + "/" + path, body), where, "webapp " + path, key);
			}
		}
		boolean overRest = true;
		for (String key : others) {
			String body = body(valid, key, visible.get(key));
			Answer answer = overRest ? rest(user, "/engine-rest/task/" + id + "/submit-form", body)
					: webapp(user, WEBAPP + "/task/" + id + "/submit-form", body);
			refused(answer, where, overRest ? "submit-form" : "webapp submit-form", key);
			overRest = !overRest;
		}

		assertThat(snapshot(task)).as(where + ": nothing changed").isEqualTo(before);
		Set<String> keys = new TreeSet<>(schema.shown());
		keys.addAll(others);
		attacked.put(where, keys);
	}

	private void attackStart(String processKey, Map<String, Object> valid, String user, Set<String> everyKey,
			Map<String, String> forms) {
		String where = processKey + "/start";
		FormSchema schema = form(forms.get(where));
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		Set<String> others = new TreeSet<>(everyKey);
		others.addAll(List.of("payload", "gapBand", "forecastVolume", "overridesApplied", "tenantId"));
		others.removeAll(schema.keys());
		long instances = runtime.createProcessInstanceQuery().count();
		long details = jdbc.queryForObject("select count(*) from ACT_HI_DETAIL", Long.class);

		int path = 0;
		for (String key : others) {
			String body = body(valid, key, null);
			Answer answer = switch (path++ % 3) {
				case 0 -> rest(user, "/engine-rest/process-definition/key/" + processKey + "/start", body);
				case 1 -> rest(user, "/engine-rest/process-definition/" + definition.getId() + "/submit-form", body);
				default -> webapp(user, WEBAPP + "/process-definition/" + definition.getId() + "/submit-form", body);
			};
			refused(answer, where, "start path " + (path - 1) % 3, key);
		}

		assertThat(runtime.createProcessInstanceQuery().count()).as(where + ": nothing started").isEqualTo(instances);
		assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL", Long.class)).isEqualTo(details);
		attacked.put(where, others);
	}

	/**
	 * The valid completion plus the forbidden key, with a value of the variable's own
	 * kind.
	 */
	private static String body(Map<String, Object> valid, String key, Object current) {
		Map<String, Object> variables = new LinkedHashMap<>();
		valid.forEach((name, value) -> variables.put(name, value instanceof CycleDriver.Rows rows
				? Map.of("value", rows.json(), "type", "Json") : Map.of("value", value)));
		variables.put(key,
				Map.of("value", current instanceof Number ? 1 : current instanceof Boolean ? true : "forged"));
		try {
			return JSON.writeValueAsString(Map.of("variables", variables));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void refused(Answer answer, String where, String path, String key) {
		requests++;
		String what = where + " " + path + " " + key + ": " + answer.body();
		assertThat(answer.status()).as(what).isEqualTo(400);
		assertThat(answer.body()).as(what).contains("'" + key + "'").contains(" / ");
	}

	record Answer(int status, String body) {
	}

	private Answer rest(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> answer = rest.withBasicAuth(user, "demo")
			.postForEntity(path, new HttpEntity<>(body, headers), String.class);
		return new Answer(answer.getStatusCode().value(), String.valueOf(answer.getBody()));
	}

	private Answer webapp(String user, String path, String body) {
		WebappSession session = sessions.computeIfAbsent(user, u -> {
			WebappSession s = new WebappSession(rest.getRootUri());
			assertThat(s.logIn(u, "demo").statusCode()).isEqualTo(200);
			return s;
		});
		HttpResponse<String> answer = session.send("POST", path, body, true);
		return new Answer(answer.statusCode(), answer.body());
	}

	record Snapshot(Map<String, Object> root, Map<String, Object> scope, boolean open, long details, long variables) {
	}

	private Snapshot snapshot(Task task) {
		String root = runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getRootProcessInstanceId();
		return new Snapshot(VariableValues.comparable(runtime.getVariables(root)),
				VariableValues.comparable(runtime.getVariables(task.getExecutionId())),
				tasks.createTaskQuery().taskId(task.getId()).count() == 1,
				jdbc.queryForObject("select count(*) from ACT_HI_DETAIL", Long.class),
				jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE", Long.class));
	}

}
