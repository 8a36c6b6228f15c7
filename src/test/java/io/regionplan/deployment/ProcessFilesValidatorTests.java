package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.regionplan.rules.RuleSetRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build runs the validator on the repository's own files (a bad edit fails
 * {@code ./mvnw verify} with the validator's messages), and each kind of error names its
 * file and element.
 */
class ProcessFilesValidatorTests {

	static final RuleSetRegistry RULES = new RuleSetRegistry();

	private final ProcessFiles repository = ProcessFiles.fromFolder(Path.of("."));

	private List<FileProblem> validate(ProcessFiles files) {
		return new ProcessFilesValidator(RULES).validate(files);
	}

	private ProcessFiles changed(String file, UnaryOperator<String> change) {
		SortedMap<String, byte[]> files = new TreeMap<>(repository.files());
		files.put(file,
				change.apply(new String(files.get(file), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		return new ProcessFiles(files);
	}

	@Test
	void theRepositorysOwnFilesAreValid() {
		assertThat(validate(repository)).as("the validator's messages").isEmpty();
	}

	@ParameterizedTest(name = "{2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					camunda:formRef="swot"                      | camunda:formRef="no-such-form"        | form forms/no-such-form.form does not exist
					camunda:candidateGroups="regional-manager" camunda:dueDate="${cycleCalendar.inDays(7)}">\\n        <bpmn:incoming>Flow_StrategyStartToSwot | camunda:dueDate="${cycleCalendar.inDays(7)}">\\n        <bpmn:incoming>Flow_StrategyStartToSwot | has no candidate group
					<camunda:property name="ruleSet" value="city-strategy"/> | <camunda:property name="ruleSet" value="city-plan"/> | rule set 'city-plan' is not in rules/
					camunda:historyTimeToLive="3650"            | camunda:versionTag="1"                | camunda:historyTimeToLive is not set
					calledElement="quarter-execution"           | calledElement="quarter-plan"          | called process 'quarter-plan' is not in processes/
					""")
	void bpmnErrorsAreNamed(String from, String to, String message) {
		ProcessFiles files = changed("processes/regional-planning-cycle.bpmn",
				text -> text.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n")));

		assertThat(validate(files)).anySatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("processes/regional-planning-cycle.bpmn");
			assertThat(problem.message()).contains(message);
		});
	}

	@Test
	void elementWithoutDiagramInformationIsNamed() {
		ProcessFiles files = changed("processes/quarter-execution.bpmn", text -> text
			.replaceAll("(?s)<bpmndi:BPMNShape id=\"CallActivity_QuarterlyReview_di\".*?</bpmndi:BPMNShape>", ""));

		assertThat(validate(files)).singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("CallActivity_QuarterlyReview: ")
				.contains("no diagram information"));
	}

	@Test
	void invalidTimerIsNamed() {
		ProcessFiles files = changed("processes/monthly-execution.bpmn",
				text -> text.replace("${cycleCalendar.monthStart(year, month)}", "next tuesday"));

		assertThat(validate(files)).singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("Timer_MonthStart: ")
				.contains("invalid timer expression: next tuesday"));
	}

	@Test
	void unreadableBpmnIsNamed() {
		ProcessFiles files = changed("processes/quarter-execution.bpmn",
				text -> text.replace("</bpmn:definitions>", ""));

		assertThat(validate(files)).anySatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("processes/quarter-execution.bpmn");
			assertThat(problem.message()).contains("not valid BPMN");
		});
	}

	@Test
	void formErrorsAreNamed() {
		assertThat(validate(changed("forms/swot.form", text -> text.replace("\"id\": \"swot\"", "\"id\": \"swot-2\""))))
			.anySatisfy(problem -> assertThat(problem.message()).contains("must be its file name 'swot'"));
		assertThat(validate(
				changed("forms/swot.form", text -> text.replace("\"key\": \"weaknesses\"", "\"key\": \"strengths\""))))
			.anySatisfy(problem -> assertThat(problem.message()).contains("duplicate field key 'strengths'"));
		assertThat(validate(changed("forms/swot.form", text -> text.substring(0, 40))))
			.anySatisfy(problem -> assertThat(problem.message()).contains("not valid JSON"));
	}

	@Test
	void ruleProblemsComeWithTheirFileAndLine() {
		ProcessFiles files = changed("rules/volume-gap/gap-bands.drl",
				text -> text.replace("insert(new GapBand($g.subjectId(), GapBand.ACCEPTED,",
						"System.exit(0); insert(new GapBand($g.subjectId(), GapBand.ACCEPTED,"));

		assertThat(validate(files)).anySatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("rules/volume-gap/gap-bands.drl");
			assertThat(problem.line()).isEqualTo(26);
			assertThat(problem.message()).contains("System is not allowed");
		});
	}

}
