package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.regionplan.rules.fact.GapBand;
import io.regionplan.rules.fact.VolumeGap;

import org.junit.jupiter.api.Test;

class RuleSetCompilerTests {

	private static final String HEADER = """
			package rules.test;
			import io.regionplan.rules.fact.VolumeGap;
			import io.regionplan.rules.fact.GapBand;
			import io.regionplan.rules.fact.Parameters;
			""";

	private static RuleSetSource ruleSet(Map<String, String> files) {
		TreeMap<String, byte[]> bytes = new TreeMap<>();
		files.forEach((name, text) -> bytes.put("rules/test/" + name, text.getBytes(StandardCharsets.UTF_8)));
		return new RuleSetSource("test", bytes);
	}

	private static final VolumeGap GAP = new VolumeGap("east", java.math.BigDecimal.TEN, java.math.BigDecimal.ONE);

	@Test
	void syntaxErrorNamesFileAndLine() {
		RuleSetSource broken = ruleSet(Map.of("broken.drl", HEADER + """
				rule "Broken"
				when
				    $g : VolumeGap( gapRatio >> 1 )
				then
				end
				"""));

		assertThatThrownBy(() -> new RuleSetCompiler().compile(broken))
			.isInstanceOfSatisfying(RuleSetCompilationException.class, ex -> {
				assertThat(ex.problems()).isNotEmpty();
				assertThat(ex.problems().get(0).file()).isEqualTo("rules/test/broken.drl");
				// the executable model reports a bad constraint at the line of its rule
				assertThat(ex.problems().get(0).line()).as(ex.getMessage()).isEqualTo(5);
				assertThat(ex.getMessage())
					.contains("rules/test/broken.drl:5: Predicate 'gapRatio >> 1' must be a Boolean expression");
			});
	}

	@Test
	void unknownTypeIsAnError() {
		RuleSetSource broken = ruleSet(Map.of("unknown.drl", HEADER + """
				rule "UsesAnUnknownType"
				when
				    $d : Dealer( tier == "A" )
				then
				end
				"""));

		assertThatThrownBy(() -> new RuleSetCompiler().compile(broken)).isInstanceOf(RuleSetCompilationException.class)
			.hasMessageContaining("rules/test/unknown.drl");
	}

	@Test
	void malformedParameterLineNamesFileAndLine() {
		RuleSetSource broken = ruleSet(Map.of("ok.drl", HEADER, "parameters.properties", "# thresholds\nlimit 5\n"));

		assertThatThrownBy(() -> new RuleSetCompiler().compile(broken)).isInstanceOfSatisfying(
				RuleSetCompilationException.class,
				ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
					assertThat(problem.file()).isEqualTo("rules/test/parameters.properties");
					assertThat(problem.line()).isEqualTo(2);
				}));
	}

	/**
	 * A misspelt parameter is refused when the rule set is compiled, not when the rule
	 * first fires.
	 */
	@Test
	void aRuleReadingAParameterTheFileLacksIsRefusedWithFileLineAndKey() {
		RuleSetSource misspelt = ruleSet(
				Map.of("parameters.properties", "gap.accepted.max = 0.05\n", "bands.drl", HEADER + """
						rule "Accepted"
						when
						    $p : Parameters()
						    $g : VolumeGap( gapRatio <= $p.decimal("gap.accepted.max") )
						then
						    insert(new GapBand($g.subjectId(), "ACCEPTED", $p.text("gap.acepted.max"), ""));
						end
						"""));

		assertThatThrownBy(() -> new RuleSetCompiler().compile(misspelt)).isInstanceOfSatisfying(
				RuleSetCompilationException.class,
				ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
					assertThat(problem.file()).isEqualTo("rules/test/bands.drl");
					assertThat(problem.line()).isEqualTo(10);
					assertThat(problem.message()).contains("rule 'Accepted'")
						.contains("reads the parameter 'gap.acepted.max', which parameters.properties does not have");
				}));
	}

	@Test
	void folderWithoutRuleFileIsAnError() {
		assertThatThrownBy(() -> new RuleSetCompiler().compile(ruleSet(Map.of("parameters.properties", "a = 1\n"))))
			.isInstanceOf(RuleSetCompilationException.class)
			.hasMessageContaining("no rule file");
	}

	/**
	 * The message names the rule set and the rule with a fixed text: nothing the rule
	 * computed is passed on but in the detail, which only an incident shows.
	 */
	@Test
	void ruleThatThrowsFailsTheRunWithTheRuleSetNamed() {
		CompiledRuleSet rules = new RuleSetCompiler().compile(ruleSet(Map.of("throws.drl", HEADER + """
				rule "Throws"
				when
				    $p : Parameters()
				    $g : VolumeGap()
				then
				    insert(new GapBand($g.subjectId(), "" + (100 / ($g.target().intValue() - 10)), "", ""));
				end
				""")));

		assertThatThrownBy(() -> RuleSets.run(rules, List.of(GAP))).isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("rule set 'test' failed in rule 'Throws'")
			.hasMessageContaining("ArithmeticException")
			.hasMessageNotContaining("/ by zero")
			.satisfies(ex -> assertThat(((RuleEvaluationException) ex).detail()).isEqualTo("/ by zero"));
	}

	/**
	 * A rule that inserts a new fact for every fact it matches: it never ends by itself.
	 */
	static final String LOOP = HEADER + """
			rule "Loops"
			when
			    $g : VolumeGap()
			then
			    insert(new VolumeGap($g.subjectId(), $g.target().add(java.math.BigDecimal.ONE), $g.forecast()));
			end
			""";

	@Test
	void loopPastTheFiringCapFails() {
		CompiledRuleSet rules = new RuleSetCompiler().compile(ruleSet(Map.of("loop.drl", LOOP)));

		assertThatThrownBy(() -> RuleSets.run(rules, List.of(GAP))).isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("fired more than 10000 rules")
			.hasMessageContaining("most often rule 'Loops' (10001×)");
	}

	@Test
	void aLoopIsStoppedByTheTimeLimitBeforeTheFiringCap() {
		CompiledRuleSet rules = new RuleSetCompiler().compile(ruleSet(Map.of("loop.drl", LOOP)));
		RuleSetVersion version = new RuleSetVersion(rules.name(), "test", rules.contentHash());

		// a cap of 100 million firings would take minutes; the time limit ends it after
		// 200 ms
		long started = System.nanoTime();
		assertThatThrownBy(() -> rules.run(version, List.of(GAP), 100_000_000, java.time.Duration.ofMillis(200)))
			.isInstanceOf(RuleEvaluationException.class)
			.hasMessageContaining("ran longer than 200 ms")
			.hasMessageContaining("most often rule 'Loops'");
		assertThat((System.nanoTime() - started) / 1_000_000).as("stopped soon after the limit, ms").isLessThan(20_000);
	}

	@Test
	void sameContentGivesTheSameVersionHash() {
		Map<String, String> files = Map.of("a.drl", HEADER, "parameters.properties", "a = 1\n");

		assertThat(ruleSet(files).contentHash()).isEqualTo(ruleSet(files).contentHash())
			.hasSize(64)
			.isNotEqualTo(ruleSet(Map.of("a.drl", HEADER, "parameters.properties", "a = 2\n")).contentHash());
	}

	@Test
	void resultsAndFiringsAreReported() {
		CompiledRuleSet rules = new RuleSetCompiler().compile(ruleSet(Map.of("one.drl", HEADER + """
				rule "Decide"
				when
				    $g : VolumeGap()
				then
				    insert(new GapBand($g.subjectId(), "B", "原因", "reason"));
				end
				""")));

		RuleRun run = RuleSets.run(rules, List.of(GAP));

		assertThat(run.firedRules()).containsExactly("Decide");
		assertThat(run.firings().get(0).matched()).containsExactly(GAP);
		assertThat(run.factsOf(GapBand.class)).containsExactly(new GapBand("east", "B", "原因", "reason"));
	}

}
