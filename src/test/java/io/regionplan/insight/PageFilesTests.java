package io.regionplan.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The pages' files keep to what their Content-Security-Policy allows and build no HTML
 * from text: no inline script, style or event handler in the HTML, no HTML parsing from
 * script.
 */
class PageFilesTests {

	static final Path STATIC = Path.of("src/main/resources/static");

	private static final Pattern HTML_FROM_TEXT = Pattern.compile(
			"innerHTML|outerHTML|insertAdjacentHTML|document\\.write" + "|createContextualFragment|DOMParser|srcdoc");

	private static final Pattern INLINE = Pattern.compile(
			"<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=" + "|javascript:",
			Pattern.CASE_INSENSITIVE);

	private static List<Path> files(String suffix) throws IOException {
		try (Stream<Path> files = Files.walk(STATIC)) {
			return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
		}
	}

	private static List<String> matches(List<Path> files, Pattern pattern) throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : files) {
			Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
			while (matcher.find()) {
				found.add(file + ": " + matcher.group());
			}
		}
		return found;
	}

	@Test
	void noScriptBuildsHtmlFromText() throws IOException {
		List<Path> scripts = files(".js");

		assertThat(scripts).hasSizeGreaterThanOrEqualTo(5);
		assertThat(matches(scripts, HTML_FROM_TEXT)).isEmpty();
		assertThat(matches(files(".html"), HTML_FROM_TEXT)).isEmpty();
	}

	@Test
	void noPageHasInlineScriptStyleOrHandlers() throws IOException {
		List<Path> pages = files(".html");

		assertThat(pages).hasSize(4);
		assertThat(matches(pages, INLINE)).isEmpty();
	}

}
