package io.regionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The fast loop {@code ./mvnw test} stays fast and the split stays honest: a test class
 * that starts what takes seconds (a Spring context, a process engine, a browser or Node,
 * another JVM) carries the tag that sends it to Failsafe (docs/testing.md, "The suite").
 */
class TestTagsTests {

	private static final Path TESTS = Path.of("src/test/java");

	/**
	 * What a test class starts, as it reads in the source → the tags that may carry it.
	 */
	private static final Map<Pattern, String> NEEDS = Map.of(
			Pattern.compile("@SpringBootTest|@ApplicationModuleTest|SpringApplication\\.run"),
			"integration (Spring context)",
			Pattern.compile("ProcessTestEngine|ProcessEngineExtension|buildProcessEngine\\(\\)"),
			"process (process engine)", Pattern.compile("@Requires\\(|new Browser\\("), "browser (Chromium or Node)",
			Pattern.compile("new ProcessBuilder\\("), "jvm (another process)");

	private static final Pattern TAGGED = Pattern
		.compile("@IntegrationTest|@Tag\\(\"(integration|process|browser|jvm|cluster)\"\\)");

	@Test
	void everyTestThatStartsSomethingSlowIsTaggedForFailsafe() throws IOException {
		List<String> untagged;
		try (Stream<Path> files = Files.walk(TESTS)) {
			untagged = files.filter(file -> file.getFileName().toString().endsWith("Tests.java"))
				.flatMap(file -> untaggedNeeds(file).stream())
				.toList();
		}

		assertThat(untagged).as("test classes that start something slow without the tag for Failsafe").isEmpty();
	}

	@Test
	void theCheckSeesASpringTestWithoutItsTag() {
		assertThat(untaggedNeeds("@SpringBootTest\nclass SomeTests {}", "SomeTests"))
			.containsExactly("SomeTests: integration (Spring context)");
		assertThat(untaggedNeeds("@IntegrationTest\nclass SomeTests {}", "SomeTests")).isEmpty();
		assertThat(untaggedNeeds("@Tag(\"jvm\")\nclass SomeTests { Object p = new ProcessBuilder(\"java\"); }",
				"SomeTests"))
			.isEmpty();
	}

	private static List<String> untaggedNeeds(Path file) {
		try {
			return untaggedNeeds(Files.readString(file), file.getFileName().toString().replace(".java", ""));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> untaggedNeeds(String source, String name) {
		if (TAGGED.matcher(source).find()) {
			return List.of();
		}
		return NEEDS.entrySet()
			.stream()
			.filter(need -> need.getKey().matcher(source).find())
			.map(need -> name + ": " + need.getValue())
			.sorted()
			.toList();
	}

}
