package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.regionplan.rules.fact.VolumeGap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile review of the rule sandbox (issue 15). Every test states the secure
 * behaviour: the ones under "BROKEN" failed on the sandbox as first built (d5da499) and
 * guard the fixes; the ones under "BLOCKED" were refused or stopped from the start. A
 * rule file that is refused must be refused as a {@link RuleSetCompilationException} (a
 * 400 with positions in the preview and the deployment, audited): any other exception out
 * of {@link RuleSetCompiler#compile} escapes {@code ProcessFilesValidator} (it catches
 * only that one), so the preview/deployment answers 500, or 400 with the exception's own
 * message for an {@link IllegalArgumentException}, and is not audited.
 */
@Tag("exhaustive")
class RuleSandboxAttackTests {

	private static final String HEADER = """
			package rules.review;
			import io.regionplan.rules.fact.Parameters;
			import io.regionplan.rules.fact.VolumeGap;
			import io.regionplan.rules.fact.GapBand;
			""";

	private static final RuleLimits LIMITS = new RuleLimits(10_000, Duration.ofSeconds(1), 256L << 20, 512L << 10);

	private static RuleSetSource ruleSet(String drl) {
		return new RuleSetSource("review",
				new TreeMap<>(Map.of("rules/review/attack.drl", drl.getBytes(StandardCharsets.UTF_8))));
	}

	private static Throwable compiling(String drl) {
		return catchThrowable(() -> new RuleSetCompiler().compile(ruleSet(drl)));
	}

	private static String rule(String head, String when, String then) {
		return HEADER + head + "\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
	}

	// ---------------------------------------------------------------------------------------------------
	// BROKEN 1. Rule names and string attribute values are pasted unescaped into the Java
	// that the
	// executable model generates (the javadoc "Rule name: ..." and D.rule("pkg", "name"),
	// .attribute(
	// AGENDA_GROUP, "...")). A single-quoted DRL string may hold '"', and a \u0022 escape
	// is decoded by the
	// Java compiler even inside a string literal. The injected code sits in
	// RulesXXXRuleMethods0, a class the
	// bytecode check treats as GENERATED scope: loops, try/catch, synchronized and
	// computed arrays are allowed
	// there, and it runs while the KieBase is built, on the compile thread, with no time
	// or memory limit.
	// ---------------------------------------------------------------------------------------------------

	/**
	 * The division by zero only shows that the injected expression ran (at compile time).
	 */
	private static final String PAYLOAD = "x\" + (Math.max(1, 2) / Math.min(0, 0)) + \"";

	private static final String ESCAPED_PAYLOAD = "x\\u0022 + (Math.max(1, 2) / Math.min(0, 0)) + \\u0022";

	static Stream<Arguments> injections() {
		return Stream.of(
				Arguments.of("rule name in single quotes", rule("rule '" + PAYLOAD + "'", "$g : VolumeGap()", "")),
				Arguments.of("rule name with \\u0022",
						rule("rule \"" + ESCAPED_PAYLOAD + "\"", "$g : VolumeGap()", "")),
				Arguments.of("agenda-group in single quotes",
						rule("rule \"Evil\" agenda-group '" + PAYLOAD + "'", "$g : VolumeGap()", "")),
				Arguments.of("activation-group with \\u0022",
						rule("rule \"Evil\" activation-group \"" + ESCAPED_PAYLOAD + "\"", "$g : VolumeGap()", "")),
				Arguments.of("ruleflow-group in single quotes",
						rule("rule \"Evil\" ruleflow-group '" + PAYLOAD + "'", "$g : VolumeGap()", "")),
				Arguments.of("package-level agenda-group", HEADER + "agenda-group '" + PAYLOAD + "'\n"
						+ rule("rule \"Evil\"", "$g : VolumeGap()", "").substring(HEADER.length())));
	}

	/**
	 * BROKEN: today the injected code runs while compiling and its ArithmeticException
	 * escapes (a 500).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("injections")
	void textOfARuleNameOrAttributeIsNeverCompiledAsCode(String what, String drl) {
		assertThat(compiling(drl)).as(what).isInstanceOf(RuleSetCompilationException.class);
	}

	/**
	 * BROKEN: a static initializer injected through the javadoc of the rule method
	 * ("*&#47;" closes it) loops, catches and synchronizes, all refused in rule code, and
	 * is accepted; with {@code while (true) {}} the compilation (a preview, a deployment)
	 * never ends: {@code RuleSetCompiler.compile} joins without a timeout.
	 */
	@Test
	void aRuleNameCannotAddALoopingStaticInitializerToTheGeneratedClasses() {
		String name = "Evil */ static String sink; static { java.math.BigDecimal x = java.math.BigDecimal.ONE; "
				+ "synchronized (java.math.BigDecimal.class) { for (int k = 0; k < 100000; k++) { try { x = x.add(java.math.BigDecimal.ONE); } "
				+ "catch (RuntimeException e) { } } } sink = x.toString(); } /** x";

		assertThat(compiling(rule("rule '" + name + "'", "$g : VolumeGap()", "")))
			.isInstanceOf(RuleSetCompilationException.class);
	}

	/**
	 * BROKEN: code injected into the generated classes throws an IllegalArgumentException
	 * with a message it computed; it escapes the compiler as is, so the preview answers
	 * 400 with "42000" (computed text), and the attempt is not audited
	 * (DeploymentPreview.preview and DeploymentService.deploy validate before they
	 * audit).
	 */
	@Test
	void compileTimeCodeCannotPutComputedTextIntoTheAnswer() {
		String name = "Evil\" + thrower() + \"*/ static String thrower() { int i = 0; while (i < 42) { i++; } "
				+ "if (i == 42) { throw new IllegalArgumentException(String.valueOf(i * 1000)); } return null; } /** x";

		Throwable thrown = compiling(rule("rule '" + name + "'", "$g : VolumeGap()", ""));

		assertThat(thrown).isInstanceOf(RuleSetCompilationException.class);
		assertThat(thrown.getMessage()).doesNotContain("42000");
	}

	/**
	 * BROKEN: the same injection through the NAME column of a decision table (issue item
	 * 3).
	 */
	@Test
	void aDecisionTableRuleNameIsNeverCompiledAsCode() {
		byte[] xlsx = Workbooks.workbook("RuleSet", "rules.hostiletable", "Import",
				"io.regionplan.rules.fact.VolumeGap, io.regionplan.rules.fact.GapBand", "", "", "RuleTable Evil", "",
				"NAME", "CONDITION|ACTION", "", "$g : VolumeGap|", "",
				"target > $param|insert(new GapBand($g.subjectId(), \"$param\", \"\", \"\"));", "rule", "gap|then",
				ESCAPED_PAYLOAD, "0|0");
		RuleSetSource source = new RuleSetSource("hostile-table",
				new TreeMap<>(Map.of("rules/hostile-table/table.xlsx", xlsx)));

		assertThat(catchThrowable(() -> new RuleSetCompiler().compile(source)))
			.isInstanceOf(RuleSetCompilationException.class);
	}

	// ---------------------------------------------------------------------------------------------------
	// BROKEN 2. Rule annotations are not looked at by RuleLanguageCheck; one with several
	// values makes the
	// executable model throw UnsupportedOperationException out of KieBuilder.buildAll: a
	// 500, not audited.
	// ---------------------------------------------------------------------------------------------------

	@Test
	void aRuleAnnotationWithSeveralValuesIsRefusedNotA500() {
		assertThat(compiling(rule("rule \"Evil\" @meta(a = \"x\", b = 5)", "$g : VolumeGap()", "")))
			.isInstanceOf(RuleSetCompilationException.class);
	}

	// ---------------------------------------------------------------------------------------------------
	// BROKEN 3. Compile-time cost is unbounded: "or" is expanded into one sub-rule per
	// combination when the
	// KieBase is built (2^n for n binary ors), on the compile thread, with no time limit.
	// 12 ors of 2 are 4096
	// sub-rules; 18 (a 1.2 KB file) ran 230 s and ended in OutOfMemoryError, thrown in
	// other threads too.
	// ---------------------------------------------------------------------------------------------------

	@Test
	void anExponentialNumberOfSubRulesIsRefused() {
		String ors = IntStream.range(0, 12)
			.mapToObj(i -> "( VolumeGap( target > " + i + " ) or VolumeGap( forecast > " + i + " ) )")
			.collect(Collectors.joining("\n    "));

		assertThat(compiling(rule("rule \"Evil\"", ors, ""))).isInstanceOf(RuleSetCompilationException.class);
	}

	// ---------------------------------------------------------------------------------------------------
	// BROKEN 4. String.indexOf (also contains, replace(CharSequence, CharSequence) and
	// the contains, excludes
	// and memberOf operators on two texts) costs O(n*m) and runs as a JIT intrinsic
	// without safepoint polls:
	// Thread.stop cannot end it and every GC of the JVM waits for it. Seen: limit 2 s,
	// the evaluation returned
	// after 87 s, and an unrelated thread was stalled 86 s. Now off the allow-list:
	// refused when compiled.
	// ---------------------------------------------------------------------------------------------------

	@Test
	void aQuadraticStringSearchIsRefusedWhenCompiled() {
		String doubling = IntStream.range(0, 20).mapToObj(i -> "a = a + a;").collect(Collectors.joining("\n    "));
		for (String search : List.of("a.indexOf(needle)", "a.lastIndexOf(needle)", "a.contains(needle)",
				"a.replace(needle, \"x\")")) {
			Throwable thrown = compiling(rule("rule \"Evil\"", "$g : VolumeGap()", "String a = \"a\";\n    " + doubling
					+ "\n    String needle = a.substring(0, 524287) + \"b\";\n    insert(new GapBand(\"x\", \"\" + "
					+ search + ", \"\", \"\"));"));

			assertThat(thrown).as(search).isInstanceOf(RuleSetCompilationException.class);
			assertThat(thrown.getMessage()).as(search)
				.contains("java.lang.String." + search.substring(2, search.indexOf('(')));
		}
		for (String operator : List.of("subjectId contains \"b\"", "\"b\" memberOf subjectId",
				"subjectId excludes \"b\"")) {
			assertThat(compiling(rule("rule \"Evil\"", "$g : VolumeGap( " + operator + " )", ""))).as(operator)
				.isInstanceOf(RuleSetCompilationException.class);
		}
	}

	// ---------------------------------------------------------------------------------------------------
	// BLOCKED: attempts the sandbox refuses when compiling (these pass now).
	// ---------------------------------------------------------------------------------------------------

	static Stream<Arguments> refused() {
		return Stream.of(
				Arguments.of("matches operator", "$g : VolumeGap( subjectId matches \"(a+)+b\" )", "",
						"MatchesOperator"),
				Arguments.of("soundslike operator", "$g : VolumeGap( subjectId soundslike \"east\" )", "",
						"SoundsLikeOperator"),
				Arguments.of("in operator", "$g : VolumeGap( subjectId in (\"east\", \"west\") )", "", "InOperator"),
				Arguments.of("drools.halt", "$g : VolumeGap()", "drools.halt();", "halt"),
				Arguments.of("drools.getRuntime", "$g : VolumeGap()", "Object o = drools.getRuntime(Object.class);",
						"getRuntime"),
				Arguments.of("drools.logicalInsert", "$g : VolumeGap()",
						"drools.logicalInsert(new GapBand(\"x\", \"\", \"\", \"\"));", "logicalInsert"),
				Arguments.of("drools.insertAsync", "$g : VolumeGap()",
						"drools.insertAsync(new GapBand(\"x\", \"\", \"\", \"\"));", "insertAsync"),
				Arguments.of("drools.getEntryPoint", "$g : VolumeGap()", "Object o = drools.getEntryPoint(\"x\");",
						"getEntryPoint"),
				Arguments.of("kcontext", "$g : VolumeGap()", "Object o = kcontext;", "drools|kcontext|RuleContext"),
				Arguments.of("getClass through a cast", "$g : VolumeGap()", "Object o = ((Object) $g).getClass();",
						"getClass"),
				Arguments.of("class loader of a JDK map", "$p : Parameters()",
						"Object o = $p.values().getClass().getClassLoader();", "getClass"),
				Arguments.of("Map.entrySet", "$p : Parameters()", "Object o = $p.values().entrySet();", "entrySet"),
				Arguments.of("Set.iterator", "$p : Parameters()", "Object o = $p.values().keySet().iterator();",
						"iterator"),
				Arguments.of("Collection.stream", "$p : Parameters()", "Object o = $p.values().values().stream();",
						"stream"),
				Arguments.of("Set.toArray", "$p : Parameters()", "Object o = $p.values().keySet().toArray();",
						"toArray"),
				Arguments.of("Map.computeIfAbsent", "$p : Parameters()",
						"Object o = $p.values().computeIfAbsent(\"x\", k -> k);", "computeIfAbsent|lambda"),
				Arguments.of("String.chars", "$g : VolumeGap()", "int n = \"abc\".chars().sum();", "chars"),
				Arguments.of("String.split (regex)", "$g : VolumeGap()", "String[] parts = \"a,b\".split(\",\");",
						"split"),
				Arguments.of("String.format", "$g : VolumeGap()", "String s = String.format(\"%s\", 1);", "format"),
				Arguments.of("String.formatted", "$g : VolumeGap()", "String s = \"%s\".formatted(1);", "formatted"),
				Arguments.of("String.intern", "$g : VolumeGap()", "String s = $g.subjectId().intern();", "intern"),
				Arguments.of("String.describeConstable", "$g : VolumeGap()",
						"String s = \"x\".describeConstable().get();", "describeConstable"),
				Arguments.of("String.join over an Iterable", "$g : VolumeGap()",
						"String s = String.join(\",\", java.util.List.of(\"a\"));", "join|List.of"),
				Arguments.of("StringBuilder capacity", "$g : VolumeGap()",
						"StringBuilder b = new StringBuilder(1 << 30);", "StringBuilder"),
				Arguments.of("Optional.orElseThrow(Supplier)", "$g : VolumeGap()",
						"Object o = java.util.Optional.empty().orElseThrow(() -> new RuntimeException(\"x\"));",
						"RuntimeException|lambda"),
				Arguments.of("BigDecimal.sqrt(MathContext)", "$g : VolumeGap()",
						"java.math.BigDecimal d = java.math.BigDecimal.TEN.sqrt(java.math.MathContext.DECIMAL128);",
						"MathContext"),
				Arguments.of("BigDecimal.toBigInteger", "$g : VolumeGap()",
						"Object o = java.math.BigDecimal.TEN.toBigInteger();", "toBigInteger"),
				Arguments.of("BigDecimal.unscaledValue", "$g : VolumeGap()",
						"Object o = java.math.BigDecimal.TEN.unscaledValue();", "unscaledValue"),
				Arguments.of("Enum.getDeclaringClass", "$g : VolumeGap()",
						"Object o = java.math.RoundingMode.HALF_UP.getDeclaringClass();", "getDeclaringClass"),
				Arguments.of("EvaluationUtil.DATE_TIME_FORMATTER", "$g : VolumeGap()",
						"Object o = org.drools.modelcompiler.util.EvaluationUtil.DATE_TIME_FORMATTER;",
						"DATE_TIME_FORMATTER"),
				Arguments.of("EvaluationUtil.convertDate", "$g : VolumeGap()",
						"Object o = org.drools.modelcompiler.util.EvaluationUtil.convertDate(\"01-Jan-2020\");",
						"convertDate"),
				Arguments.of("BitMask.getPatternClass", "$g : VolumeGap()",
						"org.drools.model.BitMask m = org.drools.model.BitMask.getFull(3); Object c = m.getPatternClass();",
						"getPatternClass"),
				Arguments.of("the global operator registry", "$g : VolumeGap()",
						"org.drools.model.functions.Operator.Register.register(org.drools.model.operators.ContainsOperator.INSTANCE);",
						"Register"),
				Arguments.of("Object.notifyAll", "$g : VolumeGap()", "$g.notifyAll();", "notifyAll"),
				Arguments.of("Thread", "$g : VolumeGap()", "Object o = Thread.currentThread();", "java.lang.Thread"),
				Arguments.of("groupby", "groupby( $g : VolumeGap() ; $k : $g.subjectId() ; $n : count() )", "",
						"SerializedLambda|groupby"),
				Arguments.of("enabled as an expression", "$g : VolumeGap()", "", "enabled"),
				Arguments.of("salience as a string", "$g : VolumeGap()", "", "salience"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void isRefusedWhenCompiled(String what, String when, String then, String named) {
		String head = switch (what) {
			case "enabled as an expression" -> "rule \"Evil\" enabled 'Math.max(1, 2) / Math.min(0, 0) == 0'";
			case "salience as a string" -> "rule \"Evil\" salience '1'";
			default -> "rule \"Evil\"";
		};

		Throwable thrown = compiling(rule(head, when, then));

		assertThat(thrown).as(what).isInstanceOf(RuleSetCompilationException.class);
		assertThat(thrown.getMessage()).as(what).containsPattern(named);
	}

	/**
	 * REFUSED: 300 nested "not" used to compile and end in the engine's recursion at the
	 * stack limit, or, when the stack ran out inside a lock, as an
	 * IllegalMonitorStateException that hid the cause; the nesting is refused first.
	 */
	@Test
	void deeplyNestedNotsAreRefusedWhenCompiled() {
		String nots = "not( ".repeat(300) + "VolumeGap()" + " )".repeat(300);

		assertThat(compiling(rule("rule \"Evil\"", nots, ""))).isInstanceOf(RuleSetCompilationException.class)
			.hasMessageContaining("rule 'Evil': its conditions nest more than 16 levels deep");
	}

	/**
	 * 16 levels (the rule's own and, then 15 nots), the most allowed, compile and run.
	 */
	@Test
	void sixteenLevelsOfNestingAreAllowed() {
		String nots = "not( ".repeat(15) + "VolumeGap()" + " )".repeat(15);
		CompiledRuleSet rules = new RuleSetCompiler().compile(ruleSet(rule("rule \"Deep\"", nots, "")));

		assertThat(rules
			.run(new RuleSetVersion("review", "test", rules.contentHash()),
					List.of(new VolumeGap("east", new BigDecimal("100"), new BigDecimal("90"))), LIMITS)
			.firedRules()).isEmpty();
	}

}
