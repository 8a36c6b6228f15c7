package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tasklist's configuration and custom scripts that the application serves in place of the
 * webjar's (app/tasklist/scripts): every script is one config.js loads, and none
 * evaluates text or builds HTML from it, so none needs more of the webapps'
 * Content-Security-Policy than Tasklist itself.
 */
class TasklistScriptsTests {

	static final Path SCRIPTS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts");

	private static final Pattern CUSTOM_SCRIPT = Pattern.compile("'scripts/([a-z-]+)'");

	private static final Pattern EVALUATES_OR_BUILDS_HTML = Pattern
		.compile("\\beval\\s*\\(|new\\s+Function|setTimeout\\s*\\(\\s*['\"`]|innerHTML|outerHTML|insertAdjacentHTML"
				+ "|document\\.write|createContextualFragment|DOMParser|srcdoc");

	private static List<String> scripts() throws IOException {
		try (Stream<Path> files = Files.list(SCRIPTS)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".js") && !name.equals("config.js"))
				.map(name -> name.substring(0, name.length() - ".js".length()))
				.sorted()
				.toList();
		}
	}

	@Test
	void configLoadsEveryScriptThereIs() throws IOException {
		Matcher listed = CUSTOM_SCRIPT.matcher(Files.readString(SCRIPTS.resolve("config.js"), StandardCharsets.UTF_8));

		assertThat(listed.results().map(match -> match.group(1)).sorted().toList()).containsExactlyElementsOf(scripts())
			.contains("complete-follows-shown-errors");
	}

	@Test
	void noScriptEvaluatesTextOrBuildsHtml() throws IOException {
		try (Stream<Path> files = Files.list(SCRIPTS)) {
			for (Path file : files.toList()) {
				assertThat(EVALUATES_OR_BUILDS_HTML.matcher(Files.readString(file, StandardCharsets.UTF_8))
					.results()
					.map(java.util.regex.MatchResult::group)
					.toList()).as(file.toString()).isEmpty();
			}
		}
	}

}
