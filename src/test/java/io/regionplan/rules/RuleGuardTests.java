package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.regionplan.deployment.ProcessFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard refuses what a rule file must not do, also when a person tries to hide it, and accepts every
 * shipped rule set.
 */
class RuleGuardTests {

	private static final String HEAD = "package rules.test;\nimport io.regionplan.rules.fact.Dealer;\n";

	private static List<RuleFileProblem> check(String drl) {
		return RuleGuard.check("rules/test/evil.drl", drl.getBytes(StandardCharsets.UTF_8));
	}

	private static String rhs(String statement) {
		return HEAD + "rule \"Evil\"\nwhen\n    $d : Dealer()\nthen\n    " + statement + "\nend\n";
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			// the plain forms
			"System.exit(0);",
			"Runtime.getRuntime().exec(\"rm -rf /\");",
			"new ProcessBuilder(\"sh\").start();",
			"new Thread(() -> {}).start();",
			"java.util.concurrent.Executors.newSingleThreadExecutor();",
			"Class.forName(\"java.lang.Runtime\");",
			"$d.getClass().getClassLoader();",
			"String.class.getMethods();",
			"java.lang.reflect.Method m = null;",
			"java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));",
			"new java.io.File(\"/etc/passwd\");",
			"new java.net.Socket(\"example.org\", 80);",
			"javax.script.ScriptEngine e = null;",
			"kcontext.getKieRuntime().halt();",
			// fully qualified, spaced and commented names
			"java.lang.System.exit(0);",
			"java . lang . System . exit(0);",
			"java./* hide */lang.Runtime.getRuntime();",
			"java\n.io.File f = null;",
			// unicode escapes, which Java decodes before compiling
			"\\u0053ystem.exit(0);",
			"\\u0052untime.getRuntime();",
			// a name built from strings still needs reflection
			"Class.forName(\"java.lang.Sys\" + \"tem\");",
			"java.lang.invoke.MethodHandles.lookup();",
			"org.springframework.context.ApplicationContext c = null;",
			"io.regionplan.market.MarketImports i = null;" })
	void refusesWhatARuleMustNotDo(String statement) {
		assertThat(check(rhs(statement))).isNotEmpty()
			.allSatisfy(problem -> assertThat(problem.file()).isEqualTo("rules/test/evil.drl"))
			.anySatisfy(problem -> assertThat(problem.line()).isEqualTo(7));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "import java.io.File;", "import java.net.URL;", "import org.slf4j.Logger;",
			"import static java.lang.System.exit;", "import function java.lang.System.exit;",
			"import io.regionplan.market.MarketMetrics;" })
	void refusesImportsOutsideTheFactsAndJavaLangMathUtil(String importLine) {
		List<RuleFileProblem> problems = check("package rules.test;\n" + importLine + "\n");

		assertThat(problems).isNotEmpty().anySatisfy(problem -> assertThat(problem.line()).isEqualTo(2));
	}

	@Test
	void functionBlocksAreHeldToTheSameLimits() {
		assertThat(check(HEAD + "function void boom() { java.lang.Runtime.getRuntime().halt(1); }\n")).isNotEmpty();
		assertThat(check(HEAD + "function int twice(int x) { return 2 * x; }\n")).isEmpty();
	}

	@Test
	void namesInsideStringsAndCommentsAreHarmless() {
		assertThat(check(HEAD + "// System.exit is not called here\nrule \"Ok\" when $d : Dealer() then\n"
				+ "    String why = \"System Runtime Thread File\";\nend\n")).isEmpty();
	}

	@Test
	void everyShippedRuleSetPasses() {
		ProcessFiles.fromFolder(Path.of(".")).ruleSets().values().forEach(ruleSet -> ruleSet.files().forEach((file, bytes) -> {
			if (file.endsWith(".drl")) {
				assertThat(RuleGuard.check(file, bytes)).as(file).isEmpty();
			}
		}));
	}

	@Test
	void compilingARuleSetRunsTheGuardFirst() {
		java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>();
		files.put("rules/test/evil.drl", rhs("System.exit(0);").getBytes(StandardCharsets.UTF_8));

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RuleSetCompiler().compile(new RuleSetSource("test", files)))
			.isInstanceOf(RuleSetCompilationException.class)
			.hasMessageContaining("rules/test/evil.drl:7")
			.hasMessageContaining("System is not allowed in a rule file");
	}

}
