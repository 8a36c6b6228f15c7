package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment check parses each expression and holds what it resolves to the
 * allow-list, whichever way it is written; without the application it knows the allowed
 * beans by name only.
 */
class BpmnExpressionCheckTests {

	private static List<FileProblem> check(String expression) {
		String bpmn = "<definitions><task id=\"Task_Checked\" expression=\""
				+ expression.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/></definitions>";
		return new BpmnExpressionCheck(null).check("processes/p.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest
	@ValueSource(strings = { "${gapBand == 'ACCEPTED'}", "${monitoredMonths >= monitorMonths}", "${plan.region}",
			"${plan['region']}", "${cities[i]}", "${cities[0]}", "${plans[region].volume}", "sales-${region}",
			"${currentUser()}", "${dateTime()}", "${execution.processInstanceId}", "${execution['processInstanceId']}",
			"${execution.getVariable('x') != null && execution.getVariable('x') != ''}", "${task.assignee}",
			"${cycleCalendar.inDays(7)}", "${cycleCalendar['inDays'](7)}",
			"${quarterlyReviews.offTrackCities(execution)}", "#{empty cities ? 0 : 1}", "${(a ? plan : other).region}",
			"${(a ? execution : execution).id}", "${(cycleCalendar).weeks()}", "${authenticatedUserId == null}" })
	void allowedExpressionsPass(String expression) {
		assertThat(check(expression)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			${execution['setVariable']('a', 1)}     | may not use 'setVariable' on execution
			${(execution).setVariable('a', 1)}      | may not use 'setVariable' on execution
			${execution.variables}                  | may not use 'variables' on execution
			${execution[name]}                      | no computed key on execution
			${cycleCalendar[name]}                  | no computed key on cycleCalendar
			${cities[name](1)}                      | a method may not be named by a computed value
			${cycleCalendar.hashCode()}             | may not use 'hashCode' on cycleCalendar
			${cycleCalendar.calendar}               | may not use 'calendar' on cycleCalendar
			${plan.size()}                          | may not use 'size' on a value
			${plan.class}                           | may not use 'class' on a value
			${cycleCalendar.weeks().getClass()}     | may not use 'getClass' on a value
			${(a ? execution : x).processEngine}    | may not use 'processEngine' on a choice
			${(a ? cycleCalendar : x)[name]}        | no computed key on a choice
			${fn:exec('id')}                        | unknown function 'fn:exec'
			${system()}                             | unknown function 'system'
			${a +}                                  | cannot be parsed
			${a}#{b}                                | cannot be parsed
			""")
	void refusedExpressionsNameElementAndReason(String expression, String reason) {
		assertThat(check(expression)).singleElement()
			.satisfies(problem -> assertThat(problem.message()).startsWith("Task_Checked: ")
				.contains("expression " + expression)
				.contains(reason));
	}

}
