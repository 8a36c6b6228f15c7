package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.regionplan.deployment.ProcessVariableScan.Variables;
import io.regionplan.engine.VariableContract;
import io.regionplan.rules.RuleSetBinding;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Checks the process files against the code: every variable a gateway condition, a due
 * date, a timer, a multi-instance collection, a call mapping, a delegate or a rule-set
 * binding reads must be written by something the process has — a field of one of its
 * forms or of its start form, a delegate or rule task that sets it, a multi-instance
 * element variable, or the process that calls it. A renamed form field is found before it
 * goes live instead of when a cycle reaches the task that needed it.
 *
 * <p>
 * Where in the process a variable is written is not followed (the check is per process,
 * not per path), and fields that nothing reads are allowed: forms also keep what people
 * write for people.
 */
public final class ProcessVariablesCheck {

	private final ProcessVariableScan scan;

	/**
	 * @param beans the delegates by bean name (what {@code ${name}} in a delegate
	 * expression resolves to)
	 * @param bindings the rule-set bindings
	 * @param isBean whether a name in an expression is a bean rather than a variable
	 */
	public ProcessVariablesCheck(Map<String, ? extends VariableContract> beans, List<? extends RuleSetBinding> bindings,
			Predicate<String> isBean) {
		this.scan = new ProcessVariableScan(beans, bindings, isBean);
	}

	public List<FileProblem> check(ProcessFiles files) {
		Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
		files.files().forEach((name, bytes) -> {
			if (name.startsWith("processes/")) {
				try {
					models.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
				}
				catch (RuntimeException ex) {
					// the validator reports the file as invalid BPMN
				}
			}
		});
		return check(files, models);
	}

	/** With the BPMN files already parsed (by the validator), by their path. */
	public List<FileProblem> check(ProcessFiles files, Map<String, BpmnModelInstance> models) {
		Map<String, Variables> processes = new LinkedHashMap<>();
		models.forEach(
				(name, model) -> processes.put(name.substring("processes/".length(), name.length() - ".bpmn".length()),
						scan.variables(name, model, files)));
		// A called process sees what its caller passes: everything with variables="all",
		// or the mapped targets.
		Map<String, Set<String>> available = new LinkedHashMap<>();
		processes.forEach((key, variables) -> available.put(key, new HashSet<>(variables.writes())));
		for (int round = 0; round < processes.size(); round++) {
			processes.forEach((key, variables) -> variables.passedTo().forEach((called, passed) -> {
				if (available.containsKey(called)) {
					Set<String> given = passed.contains("*") ? available.get(key) : passed;
					available.get(called).addAll(given);
				}
			}));
		}
		List<FileProblem> problems = new ArrayList<>();
		processes.forEach((key, variables) -> variables.reads().forEach((variable, readers) -> {
			if (!available.get(key).contains(variable)) {
				problems.add(new FileProblem(variables.file(), 0, 0,
						String.join(", ", readers) + ": 读取的变量 " + variable + " 没有任何表单、任务或调用它的流程写入 / reads variable '"
								+ variable + "', which no form, start form, " + "task or calling process of '" + key
								+ "' writes"));
			}
		}));
		return problems;
	}

}
