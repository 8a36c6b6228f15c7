package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files process owners edit, opened with the tools they use: bpmnlint (recommended
 * rules, see {@code .bpmnlintrc}), form-js 1.10 (the renderer of Camunda 7.24's Tasklist,
 * schema version 16) and bpmn-js (Camunda Modeler's renderer), both in headless Chromium.
 * The tools are pinned in {@code tools/package.json}; without {@code npm ci} there, these
 * tests fail in CI and are skipped elsewhere, saying so ({@link Requires}).
 */
@Tag("browser")
@Requires({ Requires.Need.TOOLS, Requires.Need.CHROMIUM })
class ProcessOwnerToolsTests {

	static final Path TOOLS = Path.of("tools", "node_modules");

	@RegisterExtension
	final Browser browser = new Browser();

	static Stream<Path> files(String folder, String extension) throws IOException {
		return Files.list(Path.of(folder)).filter(path -> path.toString().endsWith(extension)).sorted();
	}

	static Stream<Path> processes() throws IOException {
		return files("processes", ".bpmn");
	}

	static Stream<Path> forms() throws IOException {
		return files("forms", ".form");
	}

	/**
	 * A page that loads a tool's bundle from tools/node_modules; the files go in as
	 * script arguments.
	 */
	private void openWith(String bundle, String global) throws IOException {
		Path page = Files.createTempFile("regionplan-tool-", ".html");
		page.toFile().deleteOnExit();
		Files.writeString(page,
				"<!doctype html><html><head><meta charset='utf-8'></head><body>"
						+ "<div id='canvas' style='width:1400px;height:900px'></div><script src='"
						+ TOOLS.resolve(bundle).toAbsolutePath().toUri() + "'></script></body></html>");
		browser.open(page.toUri().toString());
		browser.waitUntil(
				d -> Boolean.TRUE.equals(browser.script("return typeof window." + global + " !== 'undefined'")),
				global + " loaded from " + bundle);
	}

	/**
	 * Opens the tool and runs {@code importing} (a block returning a promise of
	 * {@code {warnings, …}}) on the file's text, given as {@code arguments[0]}; any error
	 * comes back as {@code error}.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> imported(String bundle, String global, String importing, Path file) throws IOException {
		openWith(bundle, global);
		Map<String, Object> result = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeAsyncScript(
					"const done = arguments[arguments.length - 1];" + "Promise.resolve().then(() => { " + importing
							+ " })" + "  .then(done).catch(e => done({ error: String(e && e.message || e) }));",
					Files.readString(file));
		assertThat(result.get("error")).as("import error").isNull();
		assertThat((List<String>) result.get("warnings")).as("import warnings").isEmpty();
		return result;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void formJsOfTasklistImportsEveryForm(Path form) throws IOException {
		browser.screenshotAs("form-" + form.getFileName().toString().replace(".form", ""));

		Map<String, Object> result = imported("@bpmn-io/form-js/dist/form-viewer.umd.js", "FormViewer",
				"const form = new FormViewer.Form({ container: document.getElementById('canvas') });"
						+ "return form.importSchema(JSON.parse(arguments[0]), {})"
						+ "  .then(r => ({ warnings: r.warnings.map(w => String(w.message || w)),"
						+ "    fields: document.querySelectorAll('.fjs-form-field').length }));",
				form);

		assertThat(((Number) result.get("fields")).intValue()).as("fields rendered").isPositive();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("processes")
	void bpmnJsRendersEveryProcessWithoutWarnings(Path process) throws IOException {
		browser.screenshotAs("bpmn-" + process.getFileName().toString().replace(".bpmn", ""));

		Map<String, Object> result = imported("bpmn-js/dist/bpmn-viewer.production.min.js", "BpmnJS",
				"const viewer = new BpmnJS({ container: '#canvas' });" + "return viewer.importXML(arguments[0])"
						+ "  .then(r => { viewer.get('canvas').zoom('fit-viewport');"
						+ "    return { warnings: r.warnings.map(w => String(w.message)),"
						+ "      shapes: viewer.get('elementRegistry').filter(e => e.type !== 'label').length }; });",
				process);

		assertThat(((Number) result.get("shapes")).intValue()).as("elements drawn").isGreaterThan(3);
	}

}
