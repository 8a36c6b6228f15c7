package io.regionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The traceability tables of docs/testing.md name tests that exist, so that a renamed or
 * deleted test shows up as a broken promise-to-test link.
 */
class TraceabilityTests {

	private static final Path DOCUMENT = Path.of("docs/testing.md");

	private static final Path TESTS = Path.of("src/test/java");

	private static final Pattern REFERENCE = Pattern.compile("^([A-Z]\\w*)#([a-z]\\w*)$");

	@Test
	void everyReferencedTestExists() throws IOException {
		List<String> cells = testCells(Files.readAllLines(DOCUMENT));
		assertThat(cells).as("the test column of the tables under \"## Traceability\" in " + DOCUMENT).isNotEmpty();

		Set<String> references = new LinkedHashSet<>();
		List<String> malformed = new ArrayList<>();
		for (String cell : cells) {
			if (cell.equals("—")) {
				continue;
			}
			for (String reference : cell.split(",")) {
				(REFERENCE.matcher(reference.strip()).matches() ? references : malformed).add(reference.strip());
			}
		}
		Map<String, List<Path>> sources = testSources();
		List<String> broken = references.stream().filter(reference -> !exists(reference, sources)).toList();

		assertThat(references).as("references in " + DOCUMENT).isNotEmpty();
		assertThat(malformed).as("cells that are neither — nor ClassName#methodName").isEmpty();
		assertThat(broken).as("references to a test class or method that does not exist").isEmpty();
	}

	/**
	 * The "test(s)" cell of every table row in the Traceability section, up to the next
	 * second-level heading.
	 */
	private static List<String> testCells(List<String> lines) {
		List<String> cells = new ArrayList<>();
		boolean inSection = false;
		int column = -1;
		for (String line : lines) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Traceability") || line.startsWith("## Traceability ");
				column = -1;
			}
			else if (!inSection || !line.startsWith("|")) {
				column = -1;
			}
			else if (column < 0) {
				column = columns(line).indexOf("test(s)");
			}
			else if (!line.startsWith("|-")) {
				List<String> row = columns(line);
				if (column < row.size()) {
					cells.add(row.get(column));
				}
			}
		}
		return cells;
	}

	private static List<String> columns(String row) {
		String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
		return Stream.of(inner.split("(?<!\\\\)\\|")).map(String::strip).toList();
	}

	private static Map<String, List<Path>> testSources() throws IOException {
		try (Stream<Path> files = Files.walk(TESTS)) {
			return files.filter(file -> file.toString().endsWith(".java"))
				.collect(Collectors.groupingBy(file -> file.getFileName().toString().replaceFirst("\\.java$", "")));
		}
	}

	private static boolean exists(String reference, Map<String, List<Path>> sources) {
		Matcher matcher = REFERENCE.matcher(reference);
		matcher.matches();
		Pattern declaration = Pattern.compile("(?m)^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*"
				+ "(?:<[^>]+>\\s+)?(?!return\\b|new\\b|throw\\b|else\\b)[\\w.]+(?:<[^;{}()=]*>)?(?:\\[\\])*\\s+"
				+ Pattern.quote(matcher.group(2)) + "\\s*\\(");
		return sources.getOrDefault(matcher.group(1), List.of())
			.stream()
			.anyMatch(file -> declaration.matcher(read(file)).find());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
