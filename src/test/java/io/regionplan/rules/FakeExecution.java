package io.regionplan.rules;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * A rule task's execution without an engine, for binding tests: the variables it starts
 * with, and every variable a binding writes, in order. A binding may read variables,
 * write them with {@code setVariable} and ask for its process instance; any other call
 * fails the test, so that nothing is written behind the test's back.
 */
public final class FakeExecution {

	private final Map<String, Object> variables = new HashMap<>();

	private final Map<String, Object> written = new LinkedHashMap<>();

	private final ExecutionEntity execution = mock(ExecutionEntity.class, invocation -> {
		if (invocation.getMethod().getDeclaringClass() == Object.class) {
			return RETURNS_DEFAULTS.answer(invocation);
		}
		throw new AssertionError("a binding called the execution unexpectedly: " + invocation);
	});

	/** An execution of the instance {@code cycle}, the root of its process tree. */
	public FakeExecution(String cycle) {
		doAnswer(call -> variables.get(call.<String>getArgument(0))).when(execution).getVariable(anyString());
		doAnswer(call -> {
			written.put(call.getArgument(0), call.getArgument(1));
			variables.put(call.getArgument(0), call.getArgument(1));
			return null;
		}).when(execution).setVariable(anyString(), any());
		doAnswer(call -> cycle).when(execution).getRootProcessInstanceId();
		doAnswer(call -> cycle).when(execution).getProcessInstanceId();
	}

	/** The execution with one more variable; {@code null} leaves it unset. */
	public FakeExecution with(String name, Object value) {
		if (value != null) {
			variables.put(name, value);
		}
		return this;
	}

	public DelegateExecution execution() {
		return execution;
	}

	/** The variables written so far, name → last value, in the order first written. */
	public Map<String, Object> written() {
		return written;
	}

	/**
	 * Evaluates {@code rules} on what {@code binding} reads from this execution and hands
	 * the run back to the binding, as the rule-task delegate does.
	 */
	public RuleRun evaluate(CompiledRuleSet rules, RuleSetBinding binding) {
		RuleRun run = RuleSets.run(rules, new java.util.ArrayList<>(binding.facts(execution())));
		binding.apply(execution(), run);
		return run;
	}

}
