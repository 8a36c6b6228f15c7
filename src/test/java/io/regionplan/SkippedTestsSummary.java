package io.regionplan;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one summary line of what was skipped and why at the end of a test run, so that a
 * skip is never silent behind "BUILD SUCCESS" (registered in META-INF/services).
 * {@code .ci/run} also fails on a skip it does not expect.
 */
public class SkippedTestsSummary implements TestExecutionListener {

	private final Map<String, AtomicInteger> reasons = new TreeMap<>();

	@Override
	public synchronized void executionSkipped(TestIdentifier test, String reason) {
		reasons.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
	}

	@Override
	public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
			reasons.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
		}
	}

	@Override
	public synchronized void testPlanExecutionFinished(TestPlan plan) {
		if (!reasons.isEmpty()) {
			int total = reasons.values().stream().mapToInt(AtomicInteger::get).sum();
			StringBuilder line = new StringBuilder("[SKIPPED] ").append(total).append(" skipped or aborted:");
			reasons.forEach((reason, count) -> line.append(" ").append(count).append(" × ").append(reason).append(";"));
			System.out.println(line);
		}
	}

}
