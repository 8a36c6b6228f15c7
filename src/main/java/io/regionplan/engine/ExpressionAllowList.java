package io.regionplan.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.util.ClassUtils;

/**
 * What a BPMN expression may use, besides literals, operators and reading process
 * variables: the {@link ExpressionBeans#ALLOWED beans} with their own public methods, the
 * read-only {@link #CONTEXT_METHODS} of {@code execution} and {@code task}, the engine's
 * {@link #FUNCTIONS}, and element reads of maps, lists and arrays. Nothing else: no
 * method call or property read on any other value. One list for both enforcements, the
 * deployment check of the parsed expression and the engine's resolver at run time, so
 * that the two cannot drift apart.
 */
public final class ExpressionAllowList {

	/**
	 * The names {@code execution} and {@code task} (Camunda puts them into every
	 * expression).
	 */
	public static final Set<String> CONTEXT = Set.of("execution", "task");

	/**
	 * Read-only methods of {@code execution} and {@code task}: nothing that writes, nor
	 * leads to the engine.
	 */
	public static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
			"hasVariable", "hasVariableLocal", "getId", "getProcessInstanceId", "getProcessBusinessKey",
			"getBusinessKey", "getTenantId", "getCurrentActivityId", "getTaskDefinitionKey", "getAssignee", "getName");

	/** The functions the engine registers (its function mapper resolves no others). */
	public static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

	/** Methods every object has: never callable, even where a bean overrides one. */
	public static final Set<String> OBJECT_METHODS = Arrays.stream(Object.class.getMethods())
		.map(Method::getName)
		.collect(Collectors.toUnmodifiableSet());

	private static final String OWN_PACKAGE = "io.regionplan.";

	private static final ClassValue<Set<String>> BEAN_METHODS = new ClassValue<>() {
		@Override
		protected Set<String> computeValue(Class<?> type) {
			Set<String> names = new TreeSet<>();
			for (Class<?> c = ClassUtils.getUserClass(type); c != null
					&& c.getName().startsWith(OWN_PACKAGE); c = c.getSuperclass()) {
				Arrays.stream(c.getDeclaredMethods())
					.filter(method -> Modifier.isPublic(method.getModifiers())
							&& !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge())
					.map(Method::getName)
					.filter(name -> !OBJECT_METHODS.contains(name))
					.forEach(names::add);
			}
			return Set.copyOf(names);
		}
	};

	private ExpressionAllowList() {
	}

	/**
	 * The methods an expression may call on a bean of this type: the public instance
	 * methods its own classes declare (the application's code, not Spring's proxy nor
	 * {@code java.lang.Object}).
	 */
	public static Set<String> beanMethods(Class<?> beanType) {
		return BEAN_METHODS.get(beanType);
	}

	/**
	 * Whether {@code execution.name} or {@code task.name} reads one of the
	 * {@link #CONTEXT_METHODS}.
	 */
	public static boolean contextProperty(String name) {
		if (name.isEmpty()) {
			return false;
		}
		String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		return CONTEXT_METHODS.contains("get" + capitalized) || CONTEXT_METHODS.contains("is" + capitalized);
	}

}
