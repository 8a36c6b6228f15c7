package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A decision table is turned into DRL, which then goes through exactly the checks of a
 * rule file: hostile code in an action cell, a condition cell, or the table's function,
 * global and import rows is refused, naming the spreadsheet, and nothing runs.
 */
class HostileDecisionTableTests {

	private static final String PATH = "rules/hostile-table/table.xlsx";

	@TempDir
	static Path folder;

	/**
	 * A rule set of one table: imports, then the RuleTable with one condition and one
	 * action column.
	 */
	private static byte[] table(String headerKey, String headerValue, String condition, String action) {
		return Workbooks.workbook("RuleSet", "rules.hostiletable", "Import",
				"io.regionplan.rules.fact.VolumeGap, io.regionplan.rules.fact.GapBand", headerKey, headerValue, "", "",
				"RuleTable Evil", "", "NAME", "CONDITION|ACTION", "", "$g : VolumeGap|", "", condition + "|" + action,
				"rule", "gap|then", "R1", "0|0");
	}

	static Stream<Arguments> tables() {
		String marker = folder.resolve("marker").toString();
		String ordinary = "gapRatio > new java.math.BigDecimal(\"$param\")";
		String decide = "insert(new GapBand($g.subjectId(), \"$param\", \"\", \"\"));";
		return Stream.of(
				Arguments.of("a command in an action cell",
						table("", "", ordinary,
								"java.lang.Runtime.getRuntime().exec(new String[] { \"touch\", \"" + marker + "\" });"),
						"java.lang.Runtime"),
				Arguments.of("a loop in an action cell", table("", "", ordinary, "while (true) { }"), "loop"),
				Arguments.of("a database in a condition cell", table("", "",
						"gapRatio > java.math.BigDecimal.valueOf(java.sql.DriverManager.getLoginTimeout() + $param)",
						decide), "java.sql.DriverManager"),
				Arguments.of("a function row",
						table("Functions",
								"function void boom() { java.lang.Runtime.getRuntime().exec(\"touch " + marker
										+ "\"); }",
								ordinary, decide),
						"function"),
				Arguments.of("a global row", table("Variables", "java.lang.Runtime runtime", ordinary, decide),
						"global"),
				Arguments.of("a file reached through a string",
						table("", "", ordinary, "new java.io.FileOutputStream(\"" + marker + "\").close();"),
						"java.io.FileOutputStream"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tables")
	void isRefusedNamingTheSpreadsheet(String what, byte[] xlsx, String named) {
		RuleSetSource source = new RuleSetSource("hostile-table", new TreeMap<>(Map.of(PATH, xlsx)));

		RuleSetCompilationException refused = catchThrowableOfType(() -> new RuleSetCompiler().compile(source),
				RuleSetCompilationException.class);

		assertThat(refused).as(what + ": refused when compiled").isNotNull();
		assertThat(refused.problems()).as(refused.getMessage()).anySatisfy(problem -> {
			assertThat(problem.file()).isEqualTo(PATH);
			assertThat(problem.message()).contains("generated from the decision table").contains(named);
		});
		assertThat(folder.resolve("marker")).doesNotExist();
	}

}
