package io.regionplan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.regionplan.RegionPlanApplication;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.demo.DemoMarket;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Dealer;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, benchmark 2: one {@code dealer-classification} rule task over 5,000 dealers
 * inside a process (start, the rule task as the cycle runs it — metrics read from the
 * database, tiers saved for the cycle, counts set as variables — end, one transaction on
 * the H2 file), with the decision audit on and off. "Off" detaches the decision recorder
 * from the event the rule task publishes; the application has no such switch. Rounds
 * alternate on, off, on, … so that drift hits both alike. Targets: under 500 ms with the
 * audit, the audit at most 1.5× the task without it.
 *
 * <pre>scripts/bench.sh audit</pre>
 */
public final class ProcessAuditBenchmark {

	private static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BenchAudit"
			    targetNamespace="http://regionplan.io/bench">
			  <bpmn:process id="bench-audit" name="Bench: dealer classification" isExecutable="true"
			      camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="Start"/>
			    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Classify"/>
			    <bpmn:businessRuleTask id="Task_Classify" name="Classify dealers"
			        camunda:delegateExpression="${evaluateRuleSetDelegate}">
			      <bpmn:extensionElements>
			        <camunda:properties><camunda:property name="ruleSet" value="dealer-classification"/></camunda:properties>
			      </bpmn:extensionElements>
			    </bpmn:businessRuleTask>
			    <bpmn:sequenceFlow id="F2" sourceRef="Task_Classify" targetRef="End"/>
			    <bpmn:endEvent id="End"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	private ProcessAuditBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		Path work = Files.createTempDirectory("regionplan-audit-");
		// two regions (east and south) of 5,000 dealers each
		DemoMarket
			.generate(new DemoMarket.Size(12, 10_000, 20_000, 13, YearMonth.of(2026, 10), 2), DemoMarket.DEFAULT_SEED)
			.writeCsv(work.resolve("csv"));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(RegionPlanApplication.class).profiles("demo")
			.run("--server.port=18082", "--regionplan.data-dir=" + work.resolve("data"),
					"--regionplan.demo.market=false", "--camunda.bpm.job-execution.enabled=false",
					"--logging.level.root=WARN");
		try {
			BenchMarket.importAll(app, work.resolve("csv"));
			DeploymentBuilder deployment = app.getBean(RepositoryService.class)
				.createDeployment()
				.name("bench-audit")
				.tenantId("east")
				.addString("bench-audit.bpmn", PROCESS);
			try (Stream<Path> files = Files.list(Path.of("rules/dealer-classification"))) {
				for (Path file : files.sorted().toList()) {
					deployment.addInputStream("rules/dealer-classification/" + file.getFileName(),
							Files.newInputStream(file));
				}
			}
			deployment.deploy();

			RuntimeService runtime = app.getBean(RuntimeService.class);
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			ApplicationEventMulticaster multicaster = app.getBean(
					AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
					ApplicationEventMulticaster.class);
			ApplicationListener<?> recorder = ((AbstractApplicationContext) app).getApplicationListeners()
				.stream()
				.filter(l -> l instanceof ApplicationListenerMethodAdapter a
						&& a.toString().contains("DecisionRecorder.on(io.regionplan.rules.RuleSetEvaluated)"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no decision recorder listener"));

			long[] on = new long[rounds];
			long[] off = new long[rounds];
			for (int i = -10; i < rounds; i++) {
				long decisionsBefore = decisions(jdbc);
				long withAudit = run(runtime);
				multicaster.removeApplicationListener(recorder);
				long withoutAudit = run(runtime);
				multicaster.addApplicationListener(recorder);
				if (decisions(jdbc) != decisionsBefore + 1) {
					throw new IllegalStateException("expected exactly one decision recorded per audited round");
				}
				if (i >= 0) {
					on[i] = withAudit;
					off[i] = withoutAudit;
				}
			}
			long dealers = jdbc.queryForObject("select count(*) from market_dealer where region_id = 'east'",
					Long.class);
			long salesRows = jdbc
				.queryForObject("select count(*) from market_sales s join market_dealer d on d.id = s.dealer_id "
						+ "where d.region_id = 'east'", Long.class);
			// where the time goes: the binding's reads, and the rule set alone, outside
			// the engine
			MarketMetrics metrics = app.getBean(MarketMetrics.class);
			CompiledRuleSet rules = RuleSets.compile("dealer-classification");
			long[] latest = new long[rounds];
			long[] read = new long[rounds];
			long[] evaluate = new long[rounds];
			for (int i = -5; i < rounds; i++) {
				// H2 answers a query repeated with the same parameters from its cache:
				// ask for south in between
				metrics.dealers("south", metrics.latestMonth("south").orElseThrow());
				long start = System.nanoTime();
				YearMonth period = metrics.latestMonth("east").orElseThrow();
				long found = System.nanoTime();
				List<Dealer> facts = metrics.dealers("east", period)
					.stream()
					.map(d -> new Dealer(d.dealerId(), d.regionId(), d.name(), d.sales(), d.growth(), d.percentile(),
							d.coverage(), d.overdueDays(), d.crossRegionIncidents()))
					.toList();
				long loaded = System.nanoTime();
				rules.run(new RuleSetVersion(rules.name(), "bench", rules.contentHash()), facts, 1_000_000);
				if (i >= 0) {
					latest[i] = found - start;
					read[i] = loaded - found;
					evaluate[i] = System.nanoTime() - loaded;
				}
			}
			double onMs = median(on) / 1e6;
			double offMs = median(off) / 1e6;
			System.out.printf("rule task over %d dealers in a process, %d rounds each (medians, ms):%n", dealers,
					rounds);
			System.out.printf("  audit on:  %.1f ms (min %.1f, max %.1f)%n", onMs, min(on) / 1e6, max(on) / 1e6);
			System.out.printf("  audit off: %.1f ms (min %.1f, max %.1f)%n", offMs, min(off) / 1e6, max(off) / 1e6);
			System.out.printf("  audit overhead: %.2f×%n", onMs / offMs);
			System.out.printf(
					"of which, measured alone (%d sales rows of the region): latest month %.1f ms, dealer metrics %.1f ms, "
							+ "rules %.1f ms%n",
					salesRows, median(latest) / 1e6, median(read) / 1e6, median(evaluate) / 1e6);
		}
		finally {
			app.close();
		}
	}

	private static long run(RuntimeService runtime) {
		long start = System.nanoTime();
		runtime.startProcessInstanceByKey("bench-audit", Map.of("region", "east"));
		return System.nanoTime() - start;
	}

	private static long decisions(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from decision", Long.class);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long min(long[] values) {
		return Arrays.stream(values).min().orElse(0);
	}

	private static long max(long[] values) {
		return Arrays.stream(values).max().orElse(0);
	}

}
