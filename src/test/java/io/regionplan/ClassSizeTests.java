package io.regionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A class of the application longer than 250 lines does several jobs: it is split at its
 * seams before it grows further (STYLE.md, Code).
 */
class ClassSizeTests {

	private static final int MAX_LINES = 250;

	@Test
	void noMainClassIsLongerThan250Lines() throws IOException {
		List<String> tooLong;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			tooLong = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> lines(file) > MAX_LINES)
				.sorted()
				.map(file -> file + ": " + lines(file) + " lines")
				.toList();
		}

		assertThat(tooLong).as("main classes longer than %d lines", MAX_LINES).isEmpty();
	}

	private static int lines(Path file) {
		try {
			return Files.readAllLines(file).size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
