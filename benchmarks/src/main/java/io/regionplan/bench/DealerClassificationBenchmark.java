package io.regionplan.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.DealerFlag;
import io.regionplan.rules.fact.DealerTier;
import io.regionplan.rules.fact.Parameters;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 9, benchmark 1: one classification of {@value #DEALERS} dealers by the A/B/C/D
 * policy in four forms, in dealers per second on one thread: the shipped Drools rule set
 * in one session (bare, and as the rule task runs it, capturing every firing for the
 * audit), Drools with one stateless call per dealer, the tier table as a Camunda DMN
 * decision (tiers only: less work than the others, which also set the four flags), and
 * plain Java {@code if} statements building the same tier and flag facts with their
 * reasons. The setup checks that all forms give every dealer the same tier.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class DealerClassificationBenchmark {

	static final int DEALERS = 5_000;

	private CompiledRuleSet rules;

	private KieBase kieBase;

	private Parameters parameters;

	private List<Dealer> dealers;

	private KieBase exclusive;

	private KieBase inlined;

	private KieBase exclusiveInlined;

	private DmnEngine dmn;

	private DmnDecision tierTable;

	@Setup
	public void setUp() throws Exception {
		rules = RuleSets.compile("dealer-classification");
		kieBase = rules.kieBase();
		parameters = rules.parameters();
		dealers = dealers(DEALERS, 42);
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream table = getClass().getResourceAsStream("/bench/dealer-tier.dmn")) {
			tierTable = dmn.parseDecision("tier", table);
		}
		exclusive = variant("/bench/exclusive/", false).kieBase();
		inlined = variant("/rules/dealer-classification/", true).kieBase();
		exclusiveInlined = variant("/bench/exclusive/", true).kieBase();
		Map<String, String> drools = new HashMap<>();
		for (DealerTier tier : rules
			.run(new RuleSetVersion("dealer-classification", "bench", rules.contentHash()), dealers, 1_000_000)
			.factsOf(DealerTier.class)) {
			drools.put(tier.dealerId(), tier.tier());
		}
		for (KieBase variant : List.of(exclusive, inlined, exclusiveInlined)) {
			if (!tiers(variant).equals(drools)) {
				throw new IllegalStateException("a benchmark variant decides differently");
			}
		}
		for (Dealer dealer : dealers) {
			String java = PlainJavaTiers.classify(dealer, new ArrayList<>()).tier();
			String table = dmnTier(dealer);
			if (!java.equals(drools.get(dealer.dealerId())) || !table.equals(java)) {
				throw new IllegalStateException("forms disagree on " + dealer + ": drools "
						+ drools.get(dealer.dealerId()) + ", java " + java + ", dmn " + table);
			}
		}
	}

	/** Deterministic dealers spread over every branch of the policy. */
	static List<Dealer> dealers(int count, long seed) {
		Random random = new Random(seed);
		List<Dealer> dealers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			BigDecimal growth = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(90) - 40, 2);
			int overdue = random.nextInt(10) < 8 ? random.nextInt(31) : random.nextInt(150);
			int incidents = random.nextInt(20) == 0 ? 1 + random.nextInt(3) : 0;
			dealers.add(new Dealer(String.format("D-%05d", i), "bench", "经销商 " + i,
					BigDecimal.valueOf(1_000_000L + random.nextInt(50_000_000)), growth,
					BigDecimal.valueOf(random.nextInt(101), 2), BigDecimal.valueOf(30 + random.nextInt(90), 2), overdue,
					incidents));
		}
		return dealers;
	}

	private String dmnTier(Dealer dealer) {
		VariableMap variables = Variables.createVariables()
			.putValue("percentile", dealer.percentile().doubleValue())
			.putValue("growth", dealer.growth() == null ? null : dealer.growth().doubleValue())
			.putValue("overdueDays", dealer.overdueDays())
			.putValue("crossRegionIncidents", dealer.crossRegionIncidents());
		return dmn.evaluateDecisionTable(tierTable, variables).getSingleResult().getSingleEntry();
	}

	/** All dealers in one session, one fireAllRules: the engine alone. */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void droolsBatch(Blackhole out) {
		out.consume(batch(kieBase));
	}

	/**
	 * Parameters and every dealer in one session, all rules fired once; the rules fired.
	 */
	private int batch(KieBase rules) {
		KieSession session = rules.newKieSession();
		try {
			session.insert(parameters);
			for (Dealer dealer : dealers) {
				session.insert(dealer);
			}
			return session.fireAllRules();
		}
		finally {
			session.dispose();
		}
	}

	/**
	 * The benchmark variant {@code bench/exclusive/tiers.drl}: the same policy with
	 * conditions that exclude each other instead of first-match guards
	 * ({@code not DealerTier(...)}) — what the fix of the miss would be.
	 */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void droolsBatchExclusiveConditions(Blackhole out) {
		out.consume(batch(exclusive));
	}

	/**
	 * The shipped rules with the thresholds of {@code parameters.properties} written into
	 * the rule text as constants before compiling, the fix proposed for the miss: no
	 * {@code Parameters} pattern to join with, so every threshold is an alpha constraint.
	 */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void droolsBatchParametersInlined(Blackhole out) {
		out.consume(batch(inlined));
	}

	/** Both: exclusive conditions and inlined thresholds. */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void droolsBatchExclusiveAndInlined(Blackhole out) {
		out.consume(batch(exclusiveInlined));
	}

	/**
	 * Each dealer's tier (several tiers of one dealer joined, so that a double decision
	 * shows).
	 */
	private Map<String, String> tiers(KieBase rules) {
		Map<String, String> tiers = new HashMap<>();
		KieSession check = rules.newKieSession();
		check.insert(parameters);
		dealers.forEach(check::insert);
		check.fireAllRules();
		check.getObjects(o -> o instanceof DealerTier)
			.forEach(o -> tiers.merge(((DealerTier) o).dealerId(), ((DealerTier) o).tier(), (a, b) -> a + b));
		check.dispose();
		return tiers;
	}

	/**
	 * The rule set's three files from a folder (classpath or the repository), parameters
	 * inlined or not.
	 */
	static CompiledRuleSet variant(String folder, boolean inline) throws java.io.IOException {
		java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
		for (String name : List.of("tiers.drl", "flags.drl", "parameters.properties")) {
			try (InputStream in = folder.startsWith("/bench/")
					? DealerClassificationBenchmark.class.getResourceAsStream(folder + name)
					: java.nio.file.Files.newInputStream(java.nio.file.Path.of(folder.substring(1) + name))) {
				files.put("rules/dealer-classification/" + name, in.readAllBytes());
			}
		}
		if (inline) {
			Properties values = new Properties();
			values.load(
					new java.io.StringReader(new String(files.get("rules/dealer-classification/parameters.properties"),
							java.nio.charset.StandardCharsets.UTF_8)));
			Parameters parameters = new Parameters("dealer-classification", (Map) values);
			for (String name : List.of("tiers.drl", "flags.drl")) {
				String drl = new String(files.get("rules/dealer-classification/" + name),
						java.nio.charset.StandardCharsets.UTF_8);
				files.put("rules/dealer-classification/" + name,
						inline(drl, parameters).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return new io.regionplan.rules.RuleSetCompiler()
			.compile(new io.regionplan.rules.RuleSetSource("dealer-classification", files));
	}

	/**
	 * Every {@code $p.decimal("key")} and every text a reason takes from the parameters
	 * ({@code $p.percent}, {@code percentMagnitude}, {@code topPercent}, {@code text})
	 * replaced by its value as a literal; the Parameters pattern dropped.
	 */
	static String inline(String drl, Parameters parameters) {
		String text = replace(drl, "\\$p\\.decimal\\(\"([^\"]+)\"\\)\\.intValue\\(\\)",
				key -> String.valueOf(parameters.decimal(key).intValue()));
		text = replace(text, "\\$p\\.decimal\\(\"([^\"]+)\"\\)", key -> parameters.decimal(key).toPlainString() + "B");
		text = replace(text, "\\$p\\.percent\\(\"([^\"]+)\"\\)", key -> '"' + parameters.percent(key) + '"');
		text = replace(text, "\\$p\\.percentMagnitude\\(\"([^\"]+)\"\\)",
				key -> '"' + parameters.percentMagnitude(key) + '"');
		text = replace(text, "\\$p\\.topPercent\\(\"([^\"]+)\"\\)", key -> '"' + parameters.topPercent(key) + '"');
		text = replace(text, "\\$p\\.text\\(\"([^\"]+)\"\\)", key -> '"' + parameters.text(key) + '"');
		return text.replaceAll("(?m)^\\s*\\$p : Parameters\\(\\)\\s*$", "");
	}

	private static String replace(String text, String regex, java.util.function.Function<String, String> value) {
		return java.util.regex.Pattern.compile(regex)
			.matcher(text)
			.replaceAll(match -> java.util.regex.Matcher.quoteReplacement(value.apply(match.group(1))));
	}

	/**
	 * The same, as the rule task runs it: listeners capture every firing and its facts
	 * for the audit.
	 */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void droolsBatchAsTheRuleTask(Blackhole out) {
		RuleRun run = rules.run(new RuleSetVersion("dealer-classification", "bench", rules.contentHash()), dealers,
				1_000_000);
		out.consume(run.firings().size());
	}

	/** One stateless session call per dealer. */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void droolsStatelessPerDealer(Blackhole out) {
		StatelessKieSession session = kieBase.newStatelessKieSession();
		for (Dealer dealer : dealers) {
			session.execute(List.of(parameters, dealer));
		}
		out.consume(session);
	}

	/** The tier table in Camunda's DMN engine, one evaluation per dealer. */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void camundaDmn(Blackhole out) {
		for (Dealer dealer : dealers) {
			out.consume(dmnTier(dealer));
		}
	}

	/** Hand-written Java: the floor. */
	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public void plainJava(Blackhole out) {
		List<DealerFlag> flags = new ArrayList<>();
		for (Dealer dealer : dealers) {
			out.consume(PlainJavaTiers.classify(dealer, flags));
		}
		out.consume(flags);
	}

	/**
	 * The policy of rules/dealer-classification with its default parameters, written as
	 * Java.
	 */
	static final class PlainJavaTiers {

		static DealerTier classify(Dealer d, List<DealerFlag> flags) {
			BigDecimal growth = d.growth();
			if (d.overdueDays() > 30) {
				flags.add(new DealerFlag(d.dealerId(), "OVERDUE", "逾期 " + d.overdueDays() + " 天 > 30",
						"overdue " + d.overdueDays() + " days > 30"));
			}
			if (growth != null && growth.signum() < 0) {
				flags.add(new DealerFlag(d.dealerId(), "DECLINING", "销售同比 " + d.growthPercent(),
						"sales " + d.growthPercent() + " YoY"));
			}
			if (d.crossRegionIncidents() > 0) {
				flags.add(new DealerFlag(d.dealerId(), "CROSS_REGION", "窜货 " + d.crossRegionIncidents() + " 次",
						d.crossRegionIncidents() + " cross-region incidents"));
			}
			if (d.coverage() != null && d.coverage().compareTo(new BigDecimal("0.60")) < 0) {
				flags.add(new DealerFlag(d.dealerId(), "LOW_COVERAGE", "覆盖率 " + d.coveragePercent(),
						"coverage " + d.coveragePercent()));
			}
			if (growth != null && growth.compareTo(new BigDecimal("-0.20")) < 0) {
				return new DealerTier(d.dealerId(), "D", "D：销售同比 " + d.growthPercent(),
						"D: sales " + d.growthPercent());
			}
			if (d.overdueDays() > 90) {
				return new DealerTier(d.dealerId(), "D", "D：逾期 " + d.overdueDays() + " 天",
						"D: overdue " + d.overdueDays());
			}
			if (d.crossRegionIncidents() >= 2) {
				return new DealerTier(d.dealerId(), "D", "D：窜货", "D: cross-region selling");
			}
			if (d.percentile().compareTo(new BigDecimal("0.80")) >= 0 && growth != null && growth.signum() >= 0
					&& d.overdueDays() <= 30 && d.crossRegionIncidents() == 0) {
				return new DealerTier(d.dealerId(), "A", "A：百分位 " + d.percentileText(),
						"A: percentile " + d.percentileText());
			}
			if (growth != null && growth.compareTo(new BigDecimal("0.15")) >= 0 && d.overdueDays() <= 60) {
				return new DealerTier(d.dealerId(), "B", "B：增长 " + d.growthPercent(), "B: growth " + d.growthPercent());
			}
			if (d.percentile().compareTo(new BigDecimal("0.50")) >= 0 && d.overdueDays() <= 60) {
				return new DealerTier(d.dealerId(), "B", "B：百分位 " + d.percentileText(),
						"B: percentile " + d.percentileText());
			}
			return new DealerTier(d.dealerId(), "C", "C：其他", "C: other");
		}

	}

}
