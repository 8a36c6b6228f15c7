package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.regionplan.rules.fact.VolumeGap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile rule files in {@code src/test/resources/hostile-rules}: each file
 * says its family and what must happen to it, either refused when it is compiled, with
 * the file, the line marked {@code // <- refused} and a message that matches, or compiled
 * and then stopped by a limit with a message naming the rule set, the rule and the limit.
 * Either way nothing happens: the marker file the payloads write is not written, the row
 * they delete is still there, the system property they set is not set.
 */
@Tag("exhaustive")
class HostileRuleFilesTests {

	private static final Path CORPUS = Path.of("src/test/resources/hostile-rules");

	private static final String VICTIM = "jdbc:h2:mem:hostile-rules-victim;DB_CLOSE_DELAY=-1";

	private static final RuleLimits TIGHT = new RuleLimits(10_000, Duration.ofSeconds(2), 256L << 20, 512L << 10);

	private static Connection victim;

	@TempDir
	static Path folder;

	@BeforeAll
	static void aDatabaseWithARowToProtect() throws SQLException {
		victim = DriverManager.getConnection(VICTIM, "sa", "");
		try (Statement statement = victim.createStatement()) {
			statement.execute("create table secret (v varchar(20))");
			statement.execute("insert into secret values ('kept')");
		}
	}

	@AfterAll
	static void closeTheDatabase() throws SQLException {
		victim.close();
	}

	static Stream<String> corpus() throws IOException {
		try (Stream<Path> files = Files.list(CORPUS)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".drl"))
				.sorted()
				.toList()
				.stream();
		}
	}

	@Test
	void theCorpusCoversEveryFamilyWithAtLeastFortyFiles() throws IOException {
		List<String> families = corpus().map(name -> header(read(name), "family")).distinct().toList();

		assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
		assertThat(families).contains("reflection by strings", "JDBC", "JNDI", "scripting", "serialization",
				"class loaders", "threads", "timers", "files", "sockets", "processes", "management beans", "System",
				"Unsafe", "huge arrays", "deep recursion", "infinite loops", "string blow-up", "DRL constructs");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void isRefusedOrStoppedWithNoSideEffect(String name) throws SQLException {
		String text = read(name).replace("MARKER", marker().toString()).replace("JDBC_URL", VICTIM);
		String expect = header(text, "expect");
		String path = "rules/hostile/" + name;
		RuleSetSource source = new RuleSetSource("hostile",
				new TreeMap<>(Map.of(path, text.getBytes(StandardCharsets.UTF_8))));

		if (expect.startsWith("compile ")) {
			Pattern message = Pattern.compile(expect.substring("compile ".length()));
			int line = markedLine(text);
			RuleSetCompilationException refused = catchThrowableOfType(() -> new RuleSetCompiler().compile(source),
					RuleSetCompilationException.class);
			assertThat(refused).as("refused at compile time").isNotNull();
			assertThat(refused.problems()).as(refused.getMessage()).anySatisfy(problem -> {
				assertThat(problem.file()).isEqualTo(path);
				assertThat(message.matcher(problem.message()).find()).as(problem.message()).isTrue();
				if (line > 0) {
					assertThat(problem.line()).as(problem.message()).isEqualTo(line);
				}
			});
		}
		else {
			String limit = expect.substring("limit ".length());
			CompiledRuleSet rules = new RuleSetCompiler().compile(source);
			RuleLimits limits = text.contains("// memory: ") ? TIGHT
				.withMaxMemory(org.springframework.util.unit.DataSize.parse(header(text, "memory")).toBytes()) : TIGHT;
			assertThatThrownBy(() -> rules.run(new RuleSetVersion("hostile", "test", rules.contentHash()),
					List.of(new VolumeGap("east", new BigDecimal("100"), new BigDecimal("90"))), limits))
				.isInstanceOf(RuleEvaluationException.class)
				.hasMessageContaining("rule set 'hostile'")
				.hasMessageContaining(limit)
				.hasMessageMatching("(?s).*rule '(Evil|Seed)'.*");
		}
		assertThat(marker()).as("the file the payload writes").doesNotExist();
		assertThat(System.getProperty("regionplan.hostile")).as("the property the payload sets").isNull();
		try (Statement statement = victim.createStatement();
				ResultSet rows = statement.executeQuery("select v from secret")) {
			assertThat(rows.next()).as("the row the payload deletes").isTrue();
			assertThat(rows.getString(1)).isEqualTo("kept");
		}
	}

	@AfterEach
	void noMarkerLeftForTheNext() throws IOException {
		Files.deleteIfExists(marker());
	}

	private static Path marker() {
		return folder.resolve("marker");
	}

	private static String read(String name) {
		try {
			return Files.readString(CORPUS.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String header(String text, String key) {
		return text.lines()
			.filter(line -> line.startsWith("// " + key + ": "))
			.findFirst()
			.map(line -> line.substring(("// " + key + ": ").length()).strip())
			.orElseThrow(() -> new IllegalStateException("no '// " + key + ":' line"));
	}

	/** The line marked {@code // <- refused}, 1-based; 0 when none is marked. */
	private static int markedLine(String text) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("// <- refused")) {
				return i + 1;
			}
		}
		return 0;
	}

}
