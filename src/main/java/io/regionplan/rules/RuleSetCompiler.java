package io.regionplan.rules;

import java.util.List;

/**
 * Compiles one rule set with the Drools executable model inside the rule sandbox
 * ({@link RuleSetBuild}), on a thread of its own with a time limit, so that whatever the
 * rule files do to the compiler ends in a refusal with fixed text. Plain Java: rule tests
 * use it without Spring.
 */
public class RuleSetCompiler {

	/**
	 * The stack the compiler gets: deeply nested expressions are refused, not a crash of
	 * the caller.
	 */
	private static final long COMPILER_STACK = 64L << 20;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleSetCompiler.class);

	private final java.time.Duration maxTime;

	/** With the longest a compilation may take, two minutes. */
	public RuleSetCompiler() {
		this(java.time.Duration.ofMinutes(2));
	}

	/**
	 * @param maxTime the longest a compilation may take: it runs on a thread of its own,
	 * stopped past it
	 */
	public RuleSetCompiler(java.time.Duration maxTime) {
		this.maxTime = maxTime;
	}

	/**
	 * Compiles on a thread of its own with a large stack and a time limit. Every way it
	 * can fail ends in a {@link RuleSetCompilationException} with positions, or with a
	 * fixed text: never the message of an exception thrown inside the compiler, which
	 * could carry what code running there computed.
	 */
	@SuppressWarnings({ "deprecation", "removal" })
	public CompiledRuleSet compile(RuleSetSource source) {
		Object[] result = new Object[1];
		Throwable[] failure = new Throwable[1];
		Thread compiler = new Thread(null, () -> {
			try {
				result[0] = RuleSetBuild.build(source);
			}
			catch (Throwable ex) { // handed to the caller, errors too
				failure[0] = ex;
			}
		}, "rules-compile-" + source.name(), COMPILER_STACK);
		compiler.setDaemon(true);
		compiler.start();
		try {
			compiler.join(maxTime.toMillis());
			if (compiler.isAlive()) {
				logWhereItHangs(compiler);
				compiler.interrupt();
				compiler.join(1000);
				if (compiler.isAlive()) {
					try {
						compiler.stop();
					}
					catch (UnsupportedOperationException ex) {
						log.error("Compiling rule set '{}' went past its time limit and this JVM cannot stop it",
								source.name());
					}
				}
				throw refused(source, "编译超过 " + maxTime.toSeconds() + " 秒",
						"took longer than " + maxTime.toSeconds() + " s to compile: fewer or simpler rules");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw refused(source, "编译被中断", "compilation was interrupted");
		}
		if (failure[0] instanceof RuleSetCompilationException refused) {
			throw refused;
		}
		if (failure[0] instanceof StackOverflowError || failure[0] instanceof OutOfMemoryError) {
			throw refused(source, "太复杂，无法编译（" + failure[0].getClass().getSimpleName() + "）",
					"is too complex to compile (" + failure[0].getClass().getSimpleName()
							+ "): nest less deeply, split long rules");
		}
		if (failure[0] != null) {
			log.warn("Rule set '{}' could not be compiled", source.name(), failure[0]);
			throw refused(source, "无法编译（" + failure[0].getClass().getSimpleName() + "）",
					"does not compile (" + failure[0].getClass().getSimpleName() + ")");
		}
		return (CompiledRuleSet) result[0];
	}

	/**
	 * A refusal of the whole rule set, at its only rule file or at its folder, with fixed
	 * text.
	 */
	private static RuleSetCompilationException refused(RuleSetSource source, String zh, String en) {
		List<String> ruleFiles = source.files().keySet().stream().filter(RuleSetCompiler::isRuleFile).toList();
		return new RuleSetCompilationException(source.name(),
				List.of(new RuleFileProblem(ruleFiles.size() == 1 ? ruleFiles.get(0) : source.folder(), 0, 0,
						"规则集" + zh + " / the rule set " + en)));
	}

	private static boolean isRuleFile(String path) {
		return path.endsWith(".drl") || path.endsWith(RuleSetBuild.DECISION_TABLE);
	}

	/**
	 * For the operator, never for the process owner: where the compiler thread and every
	 * other compilation stood when the time limit passed, so that a compilation that
	 * waits on another (a lock, a class being initialised) can be told from a slow one.
	 */
	private static void logWhereItHangs(Thread compiler) {
		StringBuilder where = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread == compiler || thread.getName().startsWith("rules-compile-")) {
				where.append('\n').append(thread.getName()).append(" (").append(thread.getState()).append(')');
				for (StackTraceElement frame : stack) {
					where.append("\n\tat ").append(frame);
				}
			}
		});
		log.warn("Compiling '{}' passed its time limit; the compilations at that moment:{}", compiler.getName(), where);
	}

}
