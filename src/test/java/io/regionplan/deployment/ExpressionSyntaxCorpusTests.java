package io.regionplan.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.ExpressionBeans;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * A corpus of BPMN expressions generated from a small grammar of JUEL's syntax (dot and
 * bracket steps with string, number and computed keys, bracket calls, nesting, choices,
 * operators, {@code ${}} and {@code #{}}, text around them, and the EL 3 forms JUEL does
 * not parse: lambdas and {@code +=}) applied to what an expression must not reach: writes
 * on {@code execution} and {@code task}, the engine behind them, the application's beans
 * not marked {@link ExpressionBean}, {@code Object}'s methods on allowed beans,
 * {@code getClass}, {@code class} and {@code forName} chains, {@code System}. Every one
 * is refused by the deployment check with a message naming the expression; the same
 * grammar applied to what is allowed is accepted, so the check can fail either way. The
 * application's beans are known from its classes, without Spring.
 */
@Tag("exhaustive")
class ExpressionSyntaxCorpusTests {

	/** One step of a chain: a property read, or a call when {@code arguments} is set. */
	record Step(String name, String arguments) {

		static Step read(String name) {
			return new Step(name, null);
		}

		static Step call(String name, String arguments) {
			return new Step(name, arguments);
		}

	}

	/** A root and the steps taken from it. */
	record Chain(String root, List<Step> steps) {

		static Chain of(String root, Step... steps) {
			return new Chain(root, List.of(steps));
		}

	}

	/** How a step is written. */
	enum Style {

		DOT(name -> "." + name), SINGLE_QUOTED(name -> "['" + name + "']"), DOUBLE_QUOTED(name -> "[\"" + name + "\"]");

		final Function<String, String> key;

		Style(Function<String, String> key) {
			this.key = key;
		}

	}

	/** Keys computed rather than written: a method or member must never be named so. */
	static final List<Function<String, String>> COMPUTED_KEYS = List.of(name -> "[key]", name -> "[('" + name + "')]",
			name -> "[0]", name -> "[empty x ? '" + name + "' : '" + name + "']", name -> "[x.y]");

	/**
	 * Where an expression {@code E} can stand, in JUEL's grammar; the last two are EL 3
	 * syntax JUEL does not parse.
	 */
	static final List<String> PLACES = List.of("${E}", "#{E}", "${(E)}", "${((E))}", "${a ? E : 0}", "${a ? 0 : E}",
			"${E ? 1 : 2}", "${E == null}", "${E ne null}", "${!empty E}", "${not empty E}", "${-E}", "${!E}",
			"${E + 1}", "${E * 2 div 3 mod 4}", "${E and true}", "${false or E}", "${E gt 1 && E lt 2}",
			"text ${E} text", "${x}-${E}", "#{x}-#{E}", "${m[E]}", "${m[E].y}", "${cycleCalendar.monthStart(E, 1)}",
			"${execution.getVariable(E)}", "${now(E)}", "${E}${x}", "${'s' += E}", "${(v -> E)(1)}");

	/** The EL 3 syntax of {@link #PLACES}: refused whatever it holds. */
	static final Set<String> UNPARSED = Set.of("${'s' += E}", "${(v -> E)(1)}");

	/** Roots that reach {@code execution}. */
	static final List<String> EXECUTION = List.of("execution", "(execution)", "(a ? execution : execution)");

	static Set<String> otherBeans;

	static BpmnExpressionCheck check;

	/**
	 * The application's beans, from its classes: the allowed ones with their types (so
	 * that the check knows their methods) and every other one by name.
	 */
	@BeforeAll
	static void theApplicationsBeans() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ExpressionBean.class));
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		otherBeans = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.regionplan")) {
			String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName((AnnotatedBeanDefinition) candidate,
					beans);
			beans.registerBeanDefinition(name, new RootBeanDefinition(candidate.getBeanClassName()));
			if (!ExpressionBeans.ALLOWED.contains(name)) {
				otherBeans.add(name);
			}
		}
		check = new BpmnExpressionCheck(beans);
	}

	/** What no expression may reach, each a chain. */
	static List<Chain> offTheList() {
		List<Chain> chains = new ArrayList<>();
		for (String root : EXECUTION) {
			chains.add(Chain.of(root, Step.call("setVariable", "'gapBand', 'ACCEPTED'")));
			chains.add(Chain.of(root, Step.call("removeVariables", "")));
			chains.add(Chain.of(root, Step.read("processEngine"), Step.read("runtimeService")));
			chains.add(Chain.of(root, Step.call("getProcessEngineServices", "")));
			chains.add(Chain.of(root, Step.read("variables")));
			chains.add(Chain.of(root, Step.call("getClass", ""), Step.call("forName", "'java.lang.Runtime'")));
			chains.add(Chain.of(root, Step.read("class"), Step.read("classLoader")));
		}
		chains.add(Chain.of("task", Step.call("setAssignee", "'zhao.director'")));
		chains.add(Chain.of("task", Step.call("complete", "")));
		chains.add(Chain.of("task", Step.read("processEngineServices")));
		for (String bean : ExpressionBeans.ALLOWED) {
			chains.add(Chain.of(bean, Step.call("getClass", "")));
			chains.add(Chain.of(bean, Step.call("hashCode", "")));
			chains.add(Chain.of(bean, Step.read("anything")));
		}
		for (String bean : otherBeans) {
			chains.add(Chain.of(bean, Step.call("toString", "")));
			chains.add(Chain.of(bean, Step.read("anything")));
		}
		chains.add(Chain.of("x", Step.call("getClass", "")));
		chains.add(Chain.of("x", Step.read("class"), Step.call("forName", "'java.lang.System'")));
		chains.add(Chain.of("'s'", Step.call("getClass", ""), Step.call("forName", "'java.lang.Runtime'"),
				Step.call("getMethod", "'getRuntime'")));
		chains.add(Chain.of("System", Step.call("exit", "0")));
		chains.add(Chain.of("java", Step.read("lang"), Step.read("System"), Step.call("exit", "0")));
		chains.add(Chain.of("Runtime", Step.call("getRuntime", ""), Step.call("exec", "'id'")));
		chains.add(Chain.of("(x)", Step.call("getClass", "")));
		chains.add(Chain.of("(a ? cycleCalendar : x)", Step.call("weeks", "")));
		return chains;
	}

	/** What an expression may use, written in the same forms. */
	static List<Chain> onTheList() {
		List<Chain> chains = new ArrayList<>();
		for (String root : EXECUTION) {
			chains.add(Chain.of(root, Step.call("getVariable", "'gapBand'")));
			chains.add(Chain.of(root, Step.read("processInstanceId")));
		}
		chains.add(Chain.of("task", Step.read("assignee")));
		chains.add(Chain.of("cycleCalendar", Step.call("weeks", "")));
		chains.add(Chain.of("cycleCalendar", Step.call("monthStart", "2027, 1")));
		chains.add(Chain.of("plan", Step.read("region")));
		chains.add(Chain.of("plans", Step.read("east"), Step.read("volume")));
		return chains;
	}

	static String write(Chain chain, Style style) {
		StringBuilder text = new StringBuilder(chain.root());
		for (Step step : chain.steps()) {
			text.append(style.key.apply(step.name()));
			if (step.arguments() != null) {
				text.append('(').append(step.arguments()).append(')');
			}
		}
		return text.toString();
	}

	/**
	 * The chain with each step in turn written with a computed key: refused whatever it
	 * names.
	 */
	static List<String> computed(Chain chain) {
		List<String> written = new ArrayList<>();
		for (int i = 0; i < chain.steps().size(); i++) {
			for (Function<String, String> key : COMPUTED_KEYS) {
				StringBuilder text = new StringBuilder(chain.root());
				for (int k = 0; k < chain.steps().size(); k++) {
					Step step = chain.steps().get(k);
					text.append(k == i ? key.apply(step.name()) : "." + step.name());
					if (step.arguments() != null) {
						text.append('(').append(step.arguments()).append(')');
					}
				}
				written.add(text.toString());
			}
		}
		return written;
	}

	static List<String> placed(List<String> expressions, boolean parsedOnly) {
		Set<String> placed = new LinkedHashSet<>();
		for (String expression : expressions) {
			for (String place : PLACES) {
				if (!parsedOnly || !UNPARSED.contains(place)) {
					placed.add(place.replace("E", expression));
				}
			}
		}
		return List.copyOf(placed);
	}

	/**
	 * Checks all expressions in one process file, each on a task of its own, and answers
	 * the messages of each.
	 */
	private static List<List<String>> check(List<String> expressions) {
		StringBuilder bpmn = new StringBuilder("<definitions>");
		for (int i = 0; i < expressions.size(); i++) {
			bpmn.append("<task id=\"Task_")
				.append(i)
				.append("\" expression=\"")
				.append(expressions.get(i).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
				.append("\"/>");
		}
		List<List<String>> messages = new ArrayList<>();
		expressions.forEach(expression -> messages.add(new ArrayList<>()));
		for (FileProblem problem : check.check("processes/p.bpmn",
				bpmn.append("</definitions>").toString().getBytes(StandardCharsets.UTF_8))) {
			String id = problem.message().substring("Task_".length(), problem.message().indexOf(':'));
			messages.get(Integer.parseInt(id)).add(problem.message().substring(problem.message().indexOf(':') + 2));
		}
		return messages;
	}

	@Test
	void everyFormOfWhatIsOffTheListIsRefusedNamingTheExpression() {
		List<String> written = new ArrayList<>();
		for (Chain chain : offTheList()) {
			for (Style style : Style.values()) {
				written.add(write(chain, style));
			}
			written.addAll(computed(chain));
		}
		List<String> expressions = placed(written, false);
		List<List<String>> messages = check(expressions);
		SoftAssertions softly = new SoftAssertions();
		for (int i = 0; i < expressions.size(); i++) {
			String expression = expressions.get(i);
			softly.assertThat(messages.get(i)).as(expression).isNotEmpty();
			messages.get(i)
				.forEach(message -> softly.assertThat(message)
					.as(expression)
					.contains("expression " + expression.strip()));
		}
		softly.assertAll();
		assertThat(otherBeans).as("beans not marked @ExpressionBean").hasSizeGreaterThan(20);
		System.out.printf("expression corpus: %d chains, %d refused expressions (%d other beans)%n",
				offTheList().size(), expressions.size(), otherBeans.size());
	}

	@Test
	void everyFormOfWhatIsOnTheListIsAccepted() {
		List<String> written = new ArrayList<>();
		for (Chain chain : onTheList()) {
			for (Style style : Style.values()) {
				written.add(write(chain, style));
			}
		}
		List<String> expressions = placed(written, true);
		List<List<String>> messages = check(expressions);
		SoftAssertions softly = new SoftAssertions();
		for (int i = 0; i < expressions.size(); i++) {
			softly.assertThat(messages.get(i)).as(expressions.get(i)).isEmpty();
		}
		softly.assertAll();
		System.out.printf("expression corpus: %d accepted expressions%n", expressions.size());
	}

}
