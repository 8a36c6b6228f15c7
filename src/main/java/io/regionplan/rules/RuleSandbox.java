package io.regionplan.rules;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one evaluation on a thread of its own and holds it to its {@link RuleLimits} from
 * outside, so a limit holds inside a single firing too: the caller watches the wall time
 * and the memory the thread allocates, and past a limit halts the session, interrupts the
 * thread and, if it does not end within a second, stops it. The thread's stack is the
 * stack limit; a {@link StackOverflowError} or {@link OutOfMemoryError} ends the
 * evaluation like any other limit. Every end is a {@link RuleEvaluationException} naming
 * the rule set, the rule and the limit, with a fixed text: nothing the rule code produced
 * is passed on.
 */
final class RuleSandbox {

	private static final Logger log = LoggerFactory.getLogger(RuleSandbox.class);

	/** How often the caller looks at the running evaluation. */
	private static final long POLL_MILLIS = 10;

	/**
	 * How long a halted or interrupted evaluation has to end before its thread is
	 * stopped.
	 */
	private static final long GRACE_MILLIS = 1000;

	private static final com.sun.management.ThreadMXBean THREADS = threads();

	/** What tripped, for the message. */
	enum Limit {

		TIME, MEMORY

	}

	private final String ruleSet;

	private final RuleLimits limits;

	private final Map<String, List<String>> rulesByClass;

	RuleSandbox(String ruleSet, RuleLimits limits, Map<String, List<String>> rulesByClass) {
		this.ruleSet = ruleSet;
		this.limits = limits;
		this.rulesByClass = rulesByClass;
	}

	/**
	 * @param work the evaluation
	 * @param firing the rule firing now, if any
	 * @param mostFired the rule that fired most often with its count, when a limit is
	 * reached after many firings
	 * @param halt asks the evaluation to end after the current firing
	 */
	<T> T run(Callable<T> work, Supplier<String> firing, Supplier<String> mostFired, Runnable halt) {
		Object[] outcome = new Object[1];
		Throwable[] failure = new Throwable[1];
		Thread worker = new Thread(null, () -> {
			try {
				outcome[0] = work.call();
			}
			catch (Throwable ex) { // every end, errors too, is reported to the caller
				failure[0] = ex;
			}
		}, "rules-" + ruleSet, limits.stackBytes());
		worker.setDaemon(true);
		long started = System.nanoTime();
		worker.start();
		Limit tripped = null;
		String rule = null;
		try {
			while (worker.isAlive()) {
				worker.join(POLL_MILLIS);
				if (!worker.isAlive()) {
					break;
				}
				tripped = Duration.ofNanos(System.nanoTime() - started).compareTo(limits.maxTime()) > 0 ? Limit.TIME
						: allocated(worker) > limits.maxMemoryBytes() ? Limit.MEMORY : null;
				if (tripped != null) {
					rule = firing.get() != null ? firing.get() : ruleIn(worker.getStackTrace());
					end(worker, halt);
					break;
				}
			}
		}
		catch (InterruptedException ex) {
			end(worker, halt);
			Thread.currentThread().interrupt();
			throw new RuleEvaluationException(message(rule, "被中断", "was interrupted", "", ""), null);
		}
		String loop = tripped == null ? null : mostFired.get();
		String loopZh = loop == null ? "" : "，最多的规则 " + loop;
		String loopEn = loop == null ? "" : ", most often rule " + loop;
		if (tripped == Limit.TIME) {
			throw new RuleEvaluationException(
					message(rule, "运行超过时间限制 " + limits.maxTime().toMillis() + " 毫秒",
							"ran longer than " + limits.maxTime().toMillis() + " ms (the time limit)", loopZh, loopEn),
					null);
		}
		if (tripped == Limit.MEMORY) {
			throw new RuleEvaluationException(message(rule, "超过内存限制 " + megabytes(limits.maxMemoryBytes()) + " MB",
					"allocated more than " + megabytes(limits.maxMemoryBytes()) + " MB (the memory limit)", loopZh,
					loopEn), null);
		}
		if (failure[0] != null) {
			throw failed(failure[0], firing.get());
		}
		@SuppressWarnings("unchecked")
		T result = (T) outcome[0];
		return result;
	}

	/** A failure inside the evaluation as the fixed message of its kind. */
	private RuleEvaluationException failed(Throwable failure, String firing) {
		Throwable root = failure;
		while (true) {
			if (root instanceof RuleEvaluationException known) {
				return known;
			}
			if (root.getCause() == null || root.getCause() == root) {
				break;
			}
			root = root.getCause();
		}
		String rule = ruleIn(root.getStackTrace());
		if (rule == null) {
			rule = ruleIn(failure.getStackTrace());
		}
		if (rule == null) {
			rule = firing;
		}
		log.warn("Rule set '{}' failed in rule '{}'", ruleSet, rule, failure);
		if (root instanceof StackOverflowError) {
			return new RuleEvaluationException(message(rule, "超过栈限制 " + limits.stackBytes() / 1024 + " KB（递归太深）",
					"went deeper than the stack limit of " + limits.stackBytes() / 1024 + " KB (recursion)", "", ""),
					null);
		}
		if (root instanceof OutOfMemoryError) {
			return new RuleEvaluationException(
					message(rule, "内存不足（超过内存限制）", "ran out of memory (the memory limit)", "", ""), null);
		}
		if (root instanceof LinkageError linkage) {
			return new RuleEvaluationException(message(rule, "使用了规则不能用的类型 " + linkage.getMessage(),
					"used a type rules may not use (" + linkage.getMessage() + ")", "", ""), null);
		}
		return new RuleEvaluationException(
				message(rule, "执行失败：" + RuleFailures.zh(root), "failed", "", ": " + RuleFailures.en(root)), null,
				root.getMessage());
	}

	/**
	 * e.g. "规则集 x 的规则 R 运行超过… / rule set 'x' ran longer than … in rule 'R'", then
	 * {@code after}.
	 */
	private String message(String rule, String zh, String en, String afterZh, String afterEn) {
		String ofRule = rule == null ? "" : " 的规则 " + rule;
		String inRule = rule == null ? "" : " in rule '" + rule + "'";
		return "规则集 " + ruleSet + ofRule + " " + zh + afterZh + " / rule set '" + ruleSet + "' " + en + inRule
				+ afterEn;
	}

	/** The rule whose compiled code is on the stack (a condition or a consequence). */
	private String ruleIn(StackTraceElement[] stack) {
		for (StackTraceElement frame : stack) {
			List<String> rules = rulesByClass.get(frame.getClassName() + "." + frame.getMethodName());
			if (rules == null) {
				rules = rulesByClass.get(frame.getClassName());
			}
			if (rules != null && !rules.isEmpty()) {
				return String.join("/", rules);
			}
		}
		return null;
	}

	/**
	 * Halt, interrupt, and past the grace period stop the thread (Java 17 to 19; later
	 * JVMs refuse).
	 */
	@SuppressWarnings({ "deprecation", "removal" })
	private void end(Thread worker, Runnable halt) {
		try {
			halt.run();
		}
		catch (RuntimeException ex) {
			log.debug("Could not halt the session of rule set '{}'", ruleSet, ex);
		}
		worker.interrupt();
		try {
			worker.join(GRACE_MILLIS);
			if (worker.isAlive()) {
				try {
					worker.stop();
				}
				catch (UnsupportedOperationException ex) {
					log.error("Rule set '{}' went past a limit inside one firing and this JVM cannot stop its thread; "
							+ "it runs on until the call returns", ruleSet);
					return;
				}
				worker.join(GRACE_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long allocated(Thread worker) {
		return THREADS == null ? 0 : Math.max(0, THREADS.getThreadAllocatedBytes(worker.getId()));
	}

	private static long megabytes(long bytes) {
		return bytes >> 20;
	}

	private static com.sun.management.ThreadMXBean threads() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported()) {
			threads.setThreadAllocatedMemoryEnabled(true);
			return threads;
		}
		log.warn("This JVM does not count the memory a thread allocates: rule evaluations run without a memory limit");
		return null;
	}

}
