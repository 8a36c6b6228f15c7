package io.regionplan.rules;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.regionplan.rules.fact.Dealer;

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

/**
 * What the rule sandbox costs (issue 15): the dealer classification of the benchmark's
 * 5,000 dealers as the rule task runs it, in the sandbox (its own thread, watched for
 * time and memory, classes from the allow-list class loader) and the same evaluation on
 * the calling thread, in one run. {@code scripts/bench.sh RuleSandbox}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class RuleSandboxBenchmark {

	static final int DEALERS = 5_000;

	private CompiledRuleSet rules;

	private RuleSetVersion version;

	private List<Dealer> dealers;

	@Setup
	public void setUp() {
		rules = RuleSets.compile("dealer-classification");
		version = new RuleSetVersion("dealer-classification", "bench", rules.contentHash());
		dealers = io.regionplan.bench.BenchDealers.dealers(DEALERS, 42);
		int sandboxed = rules.run(version, dealers, RuleLimits.DEFAULT).firings().size();
		if (sandboxed != rules.runOnThisThread(version, dealers, 1_000_000).firings().size()) {
			throw new IllegalStateException("the sandbox decides differently");
		}
	}

	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public int inTheSandbox() {
		return rules.run(version, dealers, RuleLimits.DEFAULT).firings().size();
	}

	@Benchmark
	@OperationsPerInvocation(DEALERS)
	public int onTheCallingThread() {
		return rules.runOnThisThread(version, dealers, 1_000_000).firings().size();
	}

}
