package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.regionplan.IntegrationTest;
import io.regionplan.rules.RuleSetRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process files checked against this application's delegates and rule-set bindings: a
 * variable that a gateway, a delegate or a rule set reads must be written by a form, a
 * task or the calling process.
 */
@IntegrationTest
class ProcessVariablesCheckIntegrationTests {

	@Autowired
	ProcessVariablesCheck check;

	@Autowired
	RuleSetRegistry rules;

	private static ProcessFiles repositoryWith(String path, String from, String to) {
		java.util.SortedMap<String, byte[]> files = new TreeMap<>(ProcessFiles.fromFolder(Path.of(".")).files());
		String text = new String(files.get(path), StandardCharsets.UTF_8);
		assertThat(text).contains(from);
		files.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
		return new ProcessFiles(files);
	}

	@Test
	void theRepositorysOwnFilesMatchTheCode() {
		assertThat(new ProcessFilesValidator(rules, check).validate(ProcessFiles.fromFolder(Path.of(".")))).isEmpty();
	}

	@Test
	void aRenamedFieldThatAGatewayReadsIsFound() {
		List<FileProblem> problems = check.check(repositoryWith("forms/director-plan-approval.form",
				"\"key\": \"planDecision\"", "\"key\": \"planChoice\""));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("processes/regional-planning-cycle.bpmn");
			assertThat(problem.message()).contains("reads variable 'planDecision'").contains("(condition)");
		});
	}

	@Test
	void aRenamedStartFieldThatARuleSetReadsIsFound() {
		List<FileProblem> problems = check.check(repositoryWith("forms/start-planning-cycle.form",
				"\"key\": \"hqVolumeTarget\"", "\"key\": \"hqTarget\""));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.message()).contains("reads variable 'hqVolumeTarget'").contains("(rule set)");
		});
	}

	@Test
	void aCalledProcessSeesOnlyWhatItsCallerPasses() {
		List<FileProblem> problems = check.check(repositoryWith("processes/quarter-execution.bpmn",
				"<camunda:in variables=\"all\"/>\n        <camunda:in source=\"month\" target=\"month\"/>",
				"<camunda:in source=\"month\" target=\"month\"/>"));

		assertThat(problems).extracting(FileProblem::file).contains("processes/monthly-execution.bpmn");
		assertThat(problems).anySatisfy(problem -> assertThat(problem.message()).contains("reads variable 'year'"));
	}

	@Test
	void aDeploymentWithARenamedFieldIsRefused() {
		ProcessFiles files = repositoryWith("forms/market-visits.form", "\"key\": \"newMarketCity\"",
				"\"key\": \"newCity\"");

		assertThat(new ProcessFilesValidator(rules, check).validate(files))
			.anySatisfy(problem -> assertThat(problem.message()).contains("reads variable 'newMarketCity'"));
	}

}
