package io.regionplan.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.RuleSetCompilationException;
import io.regionplan.rules.RuleSetRegistry;
import io.regionplan.rules.RuleSetSource;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.BeanFactory;

/**
 * The one check of the files process owners edit, used by the build (a test), at startup
 * and before a deployment: BPMN that Camunda, Modeler and Tasklist can use (forms that
 * exist, candidate groups, rule sets that exist, valid timers within {@link TimerBounds},
 * history time to live, a diagram for every element, no scripts and expressions within
 * the {@link io.regionplan.engine.ExpressionAllowList}: {@link BpmnFileCheck}), rule sets
 * that compile and pass the guard, and valid Camunda Forms with unique keys.
 */
public final class ProcessFilesValidator {

	private final RuleSetRegistry rules;

	private final ObjectMapper json = new ObjectMapper();

	private final ProcessVariablesCheck variables;

	private final BpmnFileCheck bpmn;

	/**
	 * Without the checks against the code (for tools and tests without the application).
	 */
	public ProcessFilesValidator(RuleSetRegistry rules) {
		this(rules, null, null);
	}

	/**
	 * With the check of variables against the code but without the application's bean
	 * names.
	 */
	public ProcessFilesValidator(RuleSetRegistry rules, ProcessVariablesCheck variables) {
		this(rules, variables, null);
	}

	/**
	 * @param variables the check of variables against the code, or {@code null}
	 * @param beans the application's beans (expressions may name only allow-listed ones,
	 * and call only their own methods), or {@code null}
	 */
	public ProcessFilesValidator(RuleSetRegistry rules, ProcessVariablesCheck variables, BeanFactory beans) {
		this.rules = rules;
		this.variables = variables;
		this.bpmn = new BpmnFileCheck(beans);
	}

	public List<FileProblem> validate(ProcessFiles files) {
		List<FileProblem> problems = new ArrayList<>();
		Set<String> processKeys = new HashSet<>();
		files.files()
			.keySet()
			.stream()
			.filter(name -> name.startsWith("processes/"))
			.forEach(name -> processKeys.add(name.substring("processes/".length(), name.length() - ".bpmn".length())));
		Map<String, RuleSetSource> ruleSets = files.ruleSets();
		Map<String, BpmnModelInstance> models = new java.util.LinkedHashMap<>();
		files.files().forEach((name, bytes) -> {
			if (name.startsWith("processes/")) {
				BpmnModelInstance model = bpmn.check(name, bytes, files, ruleSets.keySet(), processKeys, problems);
				if (model != null) {
					models.put(name, model);
				}
			}
			else if (name.startsWith("forms/")) {
				checkForm(name, bytes, problems);
			}
		});
		problems.addAll(compileAll(ruleSets.values()));
		if (variables != null) {
			problems.addAll(variables.check(files, models));
		}
		return problems;
	}

	/**
	 * Rule sets compile independently, in parallel (most of the startup time), on threads
	 * of their own: never on the common fork-join pool, whose threads Drools' code
	 * generation needs itself (a compilation waited for by the pool's only worker on two
	 * cores never ended). Problems come in folder order. The threads get the caller's
	 * context class loader: Drools finds its services through it, which pool threads lack
	 * in the jar.
	 */
	private List<FileProblem> compileAll(Collection<RuleSetSource> ruleSets) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		AtomicInteger count = new AtomicInteger();
		ExecutorService compilers = Executors.newFixedThreadPool(
				Math.max(1, Math.min(ruleSets.size(), Runtime.getRuntime().availableProcessors())), work -> {
					Thread thread = new Thread(work, "rules-validate-" + count.incrementAndGet());
					thread.setContextClassLoader(loader);
					thread.setDaemon(true);
					return thread;
				});
		try {
			List<Future<List<FileProblem>>> results = new ArrayList<>();
			for (RuleSetSource ruleSet : ruleSets) {
				results.add(compilers.submit(() -> problemsOf(ruleSet)));
			}
			List<FileProblem> problems = new ArrayList<>();
			for (Future<List<FileProblem>> result : results) {
				problems.addAll(result.get());
			}
			return problems;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("validating the rule sets was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("validating the rule sets failed", ex.getCause());
		}
		finally {
			compilers.shutdownNow();
		}
	}

	private List<FileProblem> problemsOf(RuleSetSource ruleSet) {
		try {
			rules.compile(ruleSet);
			return List.of();
		}
		catch (RuleSetCompilationException ex) {
			return ex.problems()
				.stream()
				.map(problem -> new FileProblem(problem.file(), problem.line(), problem.column(), problem.message()))
				.toList();
		}
	}

	private void checkForm(String name, byte[] bytes, List<FileProblem> problems) {
		JsonNode form;
		try {
			form = json.readTree(bytes);
		}
		catch (IOException ex) {
			problems.add(new FileProblem(name, 0, 0, "不是有效的 JSON / not valid JSON: " + ex.getMessage()));
			return;
		}
		String id = name.substring("forms/".length(), name.length() - ".form".length());
		if (!id.equals(form.path("id").asText())) {
			problems.add(new FileProblem(name, 0, 0,
					"表单 id 须为文件名 " + id + " / the form's id must be its file name '" + id + "'"));
		}
		if (!form.path("components").isArray()) {
			problems.add(new FileProblem(name, 0, 0, "缺少 components / no components"));
			return;
		}
		Set<String> keys = new HashSet<>();
		collectKeys(name, form.get("components"), keys, problems);
	}

	private static void collectKeys(String name, JsonNode components, Set<String> keys, List<FileProblem> problems) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key") && !keys.add(component.get("key").asText())) {
				problems.add(new FileProblem(name, 0, 0,
						"字段 key 重复 / duplicate field key '" + component.get("key").asText() + "'"));
			}
			if (component.path("type").asText().equals("dynamiclist")) {
				// a dynamic list's rows have keys of their own
				collectKeys(name, component.path("components"), new HashSet<>(), problems);
			}
			else if (component.has("components")) {
				collectKeys(name, component.get("components"), keys, problems);
			}
		}
	}

}
