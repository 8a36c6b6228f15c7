package io.regionplan.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Drives planning cycles in integration tests as people would: tasks are claimed and
 * completed over the engine REST API with typed variables, as the manager or the
 * director; jobs (rule tasks) are run by the test, which has no job executor.
 */
public final class CycleDriver {

	public static final Map<String, Object> MARKET_VISITS = Map.of("visitTargets", "苏州、南通各走访 5 家经销商", "observations",
			"南通 KA 渠道空白", "interviews", "门店老板 12 人", "dealerInterviews", "经销商 8 家");

	public static final Map<String, Object> SWOT = Map.of("strengths", "上海、苏州份额领先", "weaknesses", "南通铺货不足",
			"opportunities", "南通品类增长快", "threats", "竞品降价");

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final TestRestTemplate rest;

	public CycleDriver(RuntimeService runtime, TaskService tasks, ManagementService management, TestRestTemplate rest) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.rest = rest;
	}

	/** Sets the engine's clock (tests come back with {@code EngineClock.pin()}). */
	public static void clock(int year, int month, int day, int hour) {
		org.camunda.bpm.engine.impl.util.ClockUtil
			.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.of(year, month, day, hour, 0)
				.atZone(java.time.ZoneId.systemDefault())
				.toInstant()));
	}

	public String start(String region) {
		return start(region, 1_000_000);
	}

	public String start(String region, int hqVolumeTarget) {
		return runtime
			.startProcessInstanceByKey("regional-planning-cycle",
					Map.of("region", region, "year", 2027, "hqVolumeTarget", hqVolumeTarget, "budget", 10_000_000))
			.getId();
	}

	/**
	 * The open task of the cycle (or of a process it called) with this BPMN id. Queried
	 * by the cycle's own instances: the tests share one engine, and what other tests left
	 * open is neither read nor counted (the statement count of a cycle,
	 * {@code PlanningSqlStatementsTests}).
	 */
	public Task task(String cycle, String taskId) {
		List<Task> open = openTasks(cycle, taskId);
		if (open.size() != 1) {
			throw new IllegalStateException(
					"expected one open " + taskId + " in cycle " + cycle + ", found " + open.size());
		}
		return open.get(0);
	}

	/** The open tasks of the cycle (and of the processes it called) with this BPMN id. */
	public List<Task> openTasks(String cycle, String taskId) {
		return tasks.createTaskQuery().processInstanceIdIn(instancesOf(cycle)).taskDefinitionKey(taskId).list();
	}

	/** The cycle and the processes it called that are still running. */
	private String[] instancesOf(String cycle) {
		String[] running = runtime.createProcessInstanceQuery()
			.rootProcessInstanceId(cycle)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
			.toArray(String[]::new);
		if (running.length == 0) {
			throw new IllegalStateException("cycle " + cycle + " is not running");
		}
		return running;
	}

	/**
	 * Each variable's value as {@code GET /engine-rest/task/{id}/form-variables} answers
	 * {@code user} for the open task {@code taskId} of the cycle (or of a process it
	 * called): what that person's form shows, read as Tasklist reads it (Json values as
	 * their text).
	 */
	public Map<String, JsonNode> formVariables(String cycle, String taskId, String user) {
		String id = task(cycle, taskId).getId();
		ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo")
			.getForEntity("/engine-rest/task/" + id + "/form-variables?deserializeValues=false", JsonNode.class);
		if (answer.getStatusCode().value() != 200) {
			throw new IllegalStateException(
					user + " reads " + taskId + ": " + answer.getStatusCode() + " " + answer.getBody());
		}
		Map<String, JsonNode> values = new java.util.HashMap<>();
		answer.getBody().fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().get("value")));
		return values;
	}

	/**
	 * Claims and completes a task as {@code user} over REST; the answer of the
	 * completion.
	 */
	public ResponseEntity<String> tryComplete(Task task, String user, Map<String, Object> variables) {
		String path = "/engine-rest/task/" + task.getId();
		TestRestTemplate as = rest.withBasicAuth(user, "demo");
		if (task.getAssignee() == null) {
			as.postForEntity(path + "/claim", Map.of("userId", user), String.class);
		}
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name,
				value instanceof Rows rows ? Map.of("value", rows.json(), "type", "Json") : Map.of("value", value)));
		return as.postForEntity(path + "/complete", Map.of("variables", typed), String.class);
	}

	/**
	 * The rows of a form's dynamic list, sent as Tasklist sends them: a Json variable of
	 * the list's text.
	 */
	public record Rows(String json) {

		@SafeVarargs
		public static Rows of(Map<String, ?>... rows) {
			try {
				return new Rows(new ObjectMapper().writeValueAsString(List.of(rows)));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

	}

	/** A strategy override row of the strategy review. */
	public static Map<String, String> strategy(String city, String strategy, String reason) {
		return Map.of("city", city, "strategy", strategy, "reason", reason);
	}

	/**
	 * A row of the gap-closing plan's sources: a city and its new dealers, new stores,
	 * new SKUs and price/promotion, in cases.
	 */
	public static Map<String, Object> source(String city, long newDealers, long newStores, long newSkus,
			long pricePromotion) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("city", city);
		row.put("newDealers", newDealers);
		row.put("newStores", newStores);
		row.put("newSkus", newSkus);
		row.put("pricePromotion", pricePromotion);
		return row;
	}

	/** The gap-closing plan's completion: the sources by city, one row each. */
	@SafeVarargs
	public static Map<String, Object> gapSources(Map<String, Object>... rows) {
		return Map.of("gapSources", Rows.of(rows));
	}

	/** The gap-closing plan's completion with these rows. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> gapSources(List<Map<String, Object>> rows) {
		return gapSources(rows.toArray(new Map[0]));
	}

	/** A tier override row of the tier review. */
	public static Map<String, String> tier(String dealer, String tier, String reason) {
		return Map.of("dealer", dealer, "tier", tier, "reason", reason);
	}

	public void complete(String cycle, String taskId, String user, Map<String, Object> variables) {
		ResponseEntity<String> answer = tryComplete(task(cycle, taskId), user, variables);
		if (answer.getStatusCode().value() != 204) {
			throw new IllegalStateException(
					"completing " + taskId + " answered " + answer.getStatusCode() + " " + answer.getBody());
		}
	}

	/**
	 * Runs the cycle's due jobs (its called processes' too) until none is left; a failing
	 * job throws.
	 */
	public void runJobs(String cycle) {
		for (int guard = 0; guard < 500; guard++) {
			List<Job> jobs = management.createJobQuery().rootProcessInstanceId(cycle).executable().listPage(0, 1);
			if (jobs.isEmpty()) {
				return;
			}
			management.executeJob(jobs.get(0).getId());
		}
		throw new IllegalStateException("jobs keep coming");
	}

	/** Market reading and strategy, as the manager: up to the volume plan task. */
	public void readMarketAndChooseStrategy(String cycle, String user) {
		complete(cycle, "Task_DataRefreshCheck", user, Map.of("dataConfirmed", true));
		complete(cycle, "Task_MarketVisits", user, MARKET_VISITS);
		complete(cycle, "Task_Swot", user, SWOT);
		runJobs(cycle);
		complete(cycle, "Task_ReviewStrategy", user, confirmed(Map.of()));
	}

	/**
	 * A strategy review's variables with the borderline cities confirmed, as the review
	 * asks whenever the rules found any (the demo regions have some).
	 */
	public static Map<String, Object> confirmed(Map<String, Object> review) {
		Map<String, Object> variables = new LinkedHashMap<>(review);
		variables.put("borderlineConfirmed", true);
		return variables;
	}

	/**
	 * The forecast a new cycle of the region would plan against, read from a probe cycle
	 * taken to its volume plan and then deleted: a test sets its target from it, so that
	 * the gap it wants comes from the forecast, as in DOMAIN (gap = target − forecast).
	 */
	public long forecast(String region, String user) {
		String probe = start(region);
		readMarketAndChooseStrategy(probe, user);
		long forecast = ((Number) runtime.getVariable(probe, "forecastVolume")).longValue();
		runtime.deleteProcessInstance(probe, "probe for the forecast");
		return forecast;
	}

	/**
	 * The HQ target that puts the forecast {@code gapPercent} under it: target = forecast
	 * ÷ (1 − gapPercent ÷ 100), to the nearest case.
	 */
	public static int targetFor(long forecast, double gapPercent) {
		return (int) Math.round(forecast * 100 / (100 - gapPercent));
	}

	/** The volume plan as the forecast: no uplift, no notes needed. */
	public void planAsForecast(String cycle, String user) {
		complete(cycle, "Task_VolumePlan", user,
				Map.of("plannedVolume", ((Number) runtime.getVariable(cycle, "forecastVolume")).longValue()));
	}

	/**
	 * After an accepted volume plan: the sales team reviewed, then the dealer and
	 * resource rule tasks.
	 */
	public void reviewTeam(String cycle, String user) {
		runJobs(cycle);
		complete(cycle, "Task_ReviewTeam", user, Map.of("teamPlan", "南通招聘 2 名 KA 代表 / hire 2 KA reps in Nantong"));
		runJobs(cycle);
	}

	public static final Map<String, Object> OGSPM = Map.of("ogspmObjective", "华东份额第一 / lead East China", "ogspmGoals",
			"销量 +8%，南通铺货率 60% / volume +8%, Nantong ND 60%", "ogspmStrategies",
			"三点攻一点拿下南通 / take Nantong from Shanghai and Suzhou", "ogspmPlans",
			"南通新增 2 家经销商 | 王经理 | 2027-03-31\n南通 KA 进场 40 家 | 李主管 | 2027-06-30", "ogspmMeasures",
			"月度铺货率、达成率 / monthly ND and achievement");

	/** The OGSPM work plan, whose actions go on the kanban. */
	public void writeWorkPlan(String cycle, String user) {
		complete(cycle, "Task_WorkPlan", user, OGSPM);
	}

	/**
	 * The team and then dealers and resources reviewed without change, the work plan, the
	 * director's approval.
	 */
	public void reviewDealersAndApprove(String cycle, String user) {
		reviewTeam(cycle, user);
		complete(cycle, "Task_ReviewDealersAndResources", user, Map.of());
		writeWorkPlan(cycle, user);
		complete(cycle, "Task_DirectorPlanApproval", "zhao.director", Map.of("planDecision", "approve"));
	}

	/**
	 * The whole planning part with the forecast as the plan, above the HQ target of
	 * 1,000,000 (no gap): market reading, strategy, volume plan, the rule tasks and the
	 * director's approval; the cycle then waits for the first month.
	 */
	public String runPlanning(String region, String user) {
		String cycle = start(region);
		readMarketAndChooseStrategy(cycle, user);
		long forecast = ((Number) runtime.getVariable(cycle, "forecastVolume")).longValue();
		complete(cycle, "Task_VolumePlan", user, Map.of("plannedVolume", forecast));
		reviewDealersAndApprove(cycle, user);
		return cycle;
	}

}
