package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.regionplan.rules.fact.GapBand;
import io.regionplan.rules.fact.VolumeGap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The volume-gap policy is shipped twice: as DRL ({@code rules/volume-gap}) and as a
 * Drools decision table, the example of a rule set as a spreadsheet in
 * {@code docs/examples/volume-gap-table/volume-gap.xlsx} (not deployed). Both must decide
 * every gap alike.
 */
class VolumeGapDecisionTableTests {

	static CompiledRuleSet drl;

	static CompiledRuleSet table;

	@BeforeAll
	static void compile() {
		drl = RuleSets.compile("volume-gap");
		table = new RuleSetCompiler().compile(RuleSets.example("volume-gap-table"));
	}

	private static List<GapBand> bands(CompiledRuleSet rules, List<VolumeGap> gaps) {
		return RuleSets.run(rules, gaps)
			.factsOf(GapBand.class)
			.stream()
			.sorted((a, b) -> a.subjectId().compareTo(b.subjectId()))
			.toList();
	}

	@Test
	void theSpreadsheetAndTheRuleFileGiveTheSameBandsAndReasons() {
		List<VolumeGap> gaps = new ArrayList<>();
		// the edges, one step either side, no gap at all and forecast above target
		for (String forecast : List.of("100000", "120000", "95010", "95000", "94990", "85010", "85000", "84990", "0")) {
			gaps.add(new VolumeGap("edge-" + forecast, new BigDecimal("100000"), new BigDecimal(forecast)));
		}
		Random random = new Random(7);
		for (int i = 0; i < 500; i++) {
			gaps.add(new VolumeGap(String.format("random-%03d", i), BigDecimal.valueOf(1 + random.nextInt(2_000_000)),
					BigDecimal.valueOf(random.nextInt(2_400_000))));
		}

		List<GapBand> fromDrl = bands(drl, gaps);
		List<GapBand> fromTable = bands(table, gaps);

		assertThat(fromDrl).hasSize(gaps.size());
		assertThat(fromTable).isEqualTo(fromDrl);
		Map<String, Integer> perBand = new TreeMap<>();
		fromTable.forEach(band -> perBand.merge(band.band(), 1, Integer::sum));
		assertThat(perBand).as("all three bands are exercised")
			.containsOnlyKeys("ACCEPTED", "GAP_PLAN", "DIRECTOR_APPROVAL");
		assertThat(fromTable.stream().filter(b -> b.subjectId().equals("edge-95000")).findFirst().orElseThrow().band())
			.isEqualTo("ACCEPTED");
		assertThat(fromTable.stream().filter(b -> b.subjectId().equals("edge-85000")).findFirst().orElseThrow().band())
			.isEqualTo("GAP_PLAN");
	}

	@Test
	void theSpreadsheetsRulesKeepTheirNames() {
		RuleRun run = RuleSets.run(table, List.of(new VolumeGap("east", new BigDecimal("100"), new BigDecimal("90"))));
		assertThat(run.firedRules()).containsExactly("Gap_NeedsPlan");
	}

	private static RuleSetSource withTable(byte[] xlsx) {
		return new RuleSetSource("volume-gap-table",
				new TreeMap<>(Map.of("rules/volume-gap-table/volume-gap.xlsx", xlsx)));
	}

	@Test
	void aFileThatIsNoSpreadsheetIsRefusedNamingIt() {
		assertThatThrownBy(
				() -> new RuleSetCompiler().compile(withTable("not a workbook".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(RuleSetCompilationException.class,
					ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
						assertThat(problem.file()).isEqualTo("rules/volume-gap-table/volume-gap.xlsx");
						assertThat(problem.message()).contains("not a valid Drools decision table");
					}));
	}

	@Test
	void aSpreadsheetWithoutARuleTableIsRefused() throws IOException {
		assertThatThrownBy(() -> new RuleSetCompiler().compile(withTable(Workbooks.workbook("Notes", "nothing here"))))
			.isInstanceOf(RuleSetCompilationException.class)
			.isInstanceOfSatisfying(RuleSetCompilationException.class,
					ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
						assertThat(problem.file()).isEqualTo("rules/volume-gap-table/volume-gap.xlsx");
						assertThat(problem.message()).contains("not a valid Drools decision table")
							.contains("No RuleTable");
					}));
	}

	@Test
	void theGuardReadsTheRulesASpreadsheetGenerates() throws IOException {
		byte[] sneaky = Workbooks.workbook("RuleSet", "rules.x", "Import", "io.regionplan.rules.fact.VolumeGap", "", "",
				"RuleTable X", "", "NAME", "CONDITION|ACTION", "", "$g : VolumeGap|", "",
				"gapRatio > new java.math.BigDecimal(\"$param\")|System.exit($param);", "rule", "gap over|then", "R1",
				"0|0");

		assertThatThrownBy(() -> new RuleSetCompiler().compile(withTable(sneaky))).isInstanceOfSatisfying(
				RuleSetCompilationException.class, ex -> assertThat(ex.problems()).anySatisfy(problem -> {
					assertThat(problem.file()).isEqualTo("rules/volume-gap-table/volume-gap.xlsx");
					assertThat(problem.message()).contains("generated from the decision table").contains("System");
				}));
	}

}
