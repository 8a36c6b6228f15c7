package io.regionplan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * bpmnlint, pinned in {@code tools/package.json}, with the recommended rules of
 * {@code .bpmnlintrc} over every process: what process owners see in Camunda Modeler's
 * linting.
 */
@Tag("browser")
@Requires({ Requires.Need.TOOLS, Requires.Need.NODE })
class BpmnlintTests {

	@Test
	void bpmnlintFindsNothingInTheProcesses() throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("node", ProcessOwnerToolsTests.TOOLS.resolve("bpmnlint/bin/bpmnlint.js").toString()));
		ProcessOwnerToolsTests.processes().forEach(path -> command.add(path.toString()));
		Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(lint.exitValue()).as(output).isZero();
		assertThat(output).as("bpmnlint's report").doesNotContain("error").doesNotContain("warning");
	}

}
