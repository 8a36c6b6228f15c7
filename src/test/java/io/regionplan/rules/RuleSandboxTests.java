package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.CityStrategy;
import io.regionplan.rules.fact.GapBand;
import io.regionplan.rules.fact.VolumeGap;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The sandbox's two run-time holds: the class loader under every compiled rule set, and
 * the limits of an evaluation, which end it inside a single call too, with a message
 * naming the rule set and the limit; and that everything a rule is meant to do still
 * works in it.
 */
class RuleSandboxTests {

	private static final RuleLimits LIMITS = new RuleLimits(1_000, Duration.ofSeconds(1), 64L << 20, 256L << 10);

	private static <T> T sandboxed(RuleLimits limits, Callable<T> work) {
		return new RuleSandbox("test", limits, Map.of()).run(work, () -> null, () -> null, () -> {
		});
	}

	@Test
	void theClassLoaderOfCompiledRulesLetsThroughOnlyTheAllowList() throws Exception {
		RuleClassLoader loader = new RuleClassLoader(getClass().getClassLoader());

		assertThat(loader.loadClass("java.math.BigDecimal")).isEqualTo(BigDecimal.class);
		assertThat(loader.loadClass("io.regionplan.rules.fact.City")).isEqualTo(City.class);
		for (String refused : List.of("java.lang.Runtime", "java.lang.System", "java.lang.Class", "java.lang.Thread",
				"java.lang.ClassLoader", "java.sql.DriverManager", "java.lang.invoke.MethodHandles", "java.io.File",
				"io.regionplan.market.imports.MarketImports", "org.springframework.jdbc.core.JdbcTemplate",
				"org.drools.util.IoUtils", "sun.misc.Unsafe")) {
			assertThatThrownBy(() -> loader.loadClass(refused)).as(refused).isInstanceOf(ClassNotFoundException.class);
		}
	}

	/**
	 * Generated code that names a type off the list cannot link, whatever let it through
	 * before.
	 */
	@Test
	void generatedCodeCannotLinkToATypeOffTheList() throws Exception {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "rules/test/Sneaky", null, "java/lang/Object", null);
		MethodVisitor call = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "call", "()Ljava/lang/Object;",
				null, null);
		call.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
		call.visitInsn(Opcodes.ARETURN);
		call.visitMaxs(0, 0);
		byte[] bytes = writer.toByteArray();
		ClassLoader generated = new ClassLoader(new RuleClassLoader(getClass().getClassLoader())) {
			@Override
			protected Class<?> findClass(String name) throws ClassNotFoundException {
				if (!name.equals("rules.test.Sneaky")) {
					throw new ClassNotFoundException(name);
				}
				return defineClass(name, bytes, 0, bytes.length);
			}
		};
		java.lang.reflect.Method sneaky = generated.loadClass("rules.test.Sneaky").getMethod("call");

		assertThatThrownBy(() -> sneaky.invoke(null)).isInstanceOf(java.lang.reflect.InvocationTargetException.class)
			.cause()
			.isInstanceOf(NoClassDefFoundError.class)
			.hasMessageContaining("java/lang/Runtime");
	}

	@Test
	void theStackLimitEndsDeepRecursionWithAMessage() {
		assertThatThrownBy(() -> sandboxed(LIMITS, () -> deep(0))).isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("rule set 'test'")
			.hasMessageContaining("stack limit of 256 KB");
	}

	private static int deep(int depth) {
		return deep(depth + 1) + 1;
	}

	@Test
	void anOutOfMemoryErrorEndsTheEvaluationWithAMessage() {
		assertThatThrownBy(() -> sandboxed(LIMITS, () -> {
			throw new OutOfMemoryError("Java heap space");
		})).isInstanceOf(RuleEvaluationException.class).hasMessageContaining("ran out of memory (the memory limit)");
	}

	@Test
	void theTimeLimitHoldsInsideOneCallThatIgnoresInterrupts() {
		AtomicReference<Thread> worker = new AtomicReference<>();
		long started = System.nanoTime();

		assertThatThrownBy(() -> sandboxed(LIMITS, () -> {
			worker.set(Thread.currentThread());
			long spins = 0;
			while (spins >= 0) {
				spins++;
			}
			return spins;
		})).isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("ran longer than 1000 ms (the time limit)");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(worker.get().isAlive()).as("the evaluation's thread was stopped").isFalse();
	}

	@Test
	void theMemoryLimitCountsWhatTheEvaluationAllocates() {
		assertThatThrownBy(() -> sandboxed(LIMITS, () -> {
			List<byte[]> kept = new ArrayList<>();
			while (kept.size() < 10_000) {
				kept.add(new byte[1 << 20]);
				Thread.sleep(1);
			}
			return kept.size();
		})).isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("allocated more than 64 MB (the memory limit)");
	}

	/**
	 * Constructs of the DRL that are allowed compile (the generated code's shapes
	 * included).
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "$g : VolumeGap( this != null )",
			"$g : VolumeGap( $t : target, $t > 0 )", "$g : VolumeGap( subjectId!.length() > 0 )",
			"exists( VolumeGap( target > 1 ) or VolumeGap( forecast > 1 ) )",
			"forall( $x : VolumeGap() VolumeGap( this == $x ) )",
			"$g : VolumeGap() and not GapBand( subjectId == $g.subjectId() )",
			"$g : VolumeGap( subjectId str[startsWith] \"e\" )",
			"$n : Number( intValue > 0 ) from accumulate( VolumeGap( $t : target ), sum($t) )",
			"$l : java.util.List() from collect( VolumeGap() )", "$s : String() from \"a\"" })
	void allowedConditionsCompile(String condition) {
		String drl = "package rules.allowed;\nimport io.regionplan.rules.fact.VolumeGap;\nimport io.regionplan.rules.fact.GapBand;\n"
				+ "rule \"Allowed\" no-loop\nwhen\n    " + condition
				+ "\nthen\n    insert(new GapBand(\"x\", \"A\", \"\", \"\"));\nend\n"
				+ "rule \"Updates\" no-loop\nwhen\n    $b : GapBand( band == \"A\" )\nthen\n    update($b);\nend\n";

		CompiledRuleSet rules = new RuleSetCompiler().compile(new RuleSetSource("allowed",
				new TreeMap<>(Map.of("rules/allowed/all.drl", drl.getBytes(StandardCharsets.UTF_8)))));

		assertThat(RuleSets.run(rules, List.of(new VolumeGap("east", BigDecimal.TEN, BigDecimal.ONE))).firedRules())
			.contains("Allowed");
	}

	/** Every construct a rule is meant to use compiles and decides. */
	@Test
	void theAllowedConstructsWork() {
		String drl = """
				package rules.allowed;

				import io.regionplan.rules.fact.City;
				import io.regionplan.rules.fact.CityStrategy;
				import io.regionplan.rules.fact.GapBand;
				import io.regionplan.rules.fact.Parameters;
				import java.math.BigDecimal;
				import java.math.RoundingMode;
				import java.util.List;

				rule "Everything" salience 10 no-loop true activation-group "one"
				when
				    $p : Parameters()
				    $c : City( name.startsWith("苏"), isNeighbour("wuxi"), neighbours.size() == 1 || true )
				    exists City( cityId == "wuxi" )
				    not CityStrategy( cityId == $c.cityId() )
				    forall( $o : City() City( this == $o, marketSize != null ) )
				    $all : List( size == 2 ) from collect( City() )
				    $n : Number() from accumulate( City(), count(1) )
				    $sum : BigDecimal() from accumulate( City( $m : marketSize ), sum($m) )
				    accumulate( City( $s : marketSize, $nm : name, $id : cityId ), $max : max($s), $min : min($s),
				                $avg : average($s), $names : collectList($nm), $set : collectSet($id) )
				    $neighbour : String() from $c.neighbours()
				then
				    BigDecimal share = $sum.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP).max(BigDecimal.ONE);
				    String text = $c.name().substring(0, 1) + "|" + $all.size() + "|" + $n.intValue() + "|" + share.toPlainString()
				        + "|" + Math.max(1, 2) + "|" + $names.size() + "|" + $set.contains("wuxi") + "|" + $neighbour
				        + "|" + $p.values().getOrDefault("x", "none") + "|" + String.join("/", "a", "b");
				    insert(new GapBand($c.cityId(), text, "原因", "reason"));
				end
				""";
		CompiledRuleSet rules = new RuleSetCompiler().compile(new RuleSetSource("allowed",
				new TreeMap<>(Map.of("rules/allowed/all.drl", drl.getBytes(StandardCharsets.UTF_8)))));
		City suzhou = new City("suzhou", "east", "苏州", new BigDecimal("0.1"), new BigDecimal("3"), new BigDecimal("80"),
				List.of("wuxi"), 24, null);
		City wuxi = new City("wuxi", "east", "无锡", new BigDecimal("0.1"), new BigDecimal("6"), new BigDecimal("80"),
				List.of("suzhou"), 24, null);

		RuleRun run = RuleSets.run(rules, List.of(suzhou, wuxi));

		assertThat(run.factsOf(GapBand.class)).extracting(GapBand::band)
			.containsExactly("苏|2|2|3.00|2|2|true|wuxi|none|a/b");
		assertThat(run.factsOf(CityStrategy.class)).isEmpty();
	}

}
