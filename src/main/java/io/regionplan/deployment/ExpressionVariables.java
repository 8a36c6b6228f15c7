package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables the expressions in a text read: the names in {@code ${...}} and
 * {@code #{...}} that are not properties, methods, beans or what the engine provides, and
 * every {@code getVariable('name')}.
 */
final class ExpressionVariables {

	/**
	 * What the engine gives every expression, and the words of the expression language.
	 */
	private static final Set<String> PROVIDED = Set.of("execution", "task", "authenticatedUserId", "loopCounter",
			"nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "true", "false", "null", "empty", "not",
			"and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern GET_VARIABLE = Pattern.compile("getVariable\\(\\s*'([^']+)'\\s*\\)");

	private final Predicate<String> isBean;

	/**
	 * @param isBean whether a name in an expression is a bean rather than a variable
	 */
	ExpressionVariables(Predicate<String> isBean) {
		this.isBean = isBean;
	}

	/** In the order they appear; a variable read twice is named twice. */
	List<String> readBy(String text) {
		List<String> variables = new ArrayList<>();
		Matcher expressions = EXPRESSION.matcher(text);
		while (expressions.find()) {
			String body = expressions.group(1);
			Matcher getVariable = GET_VARIABLE.matcher(body);
			while (getVariable.find()) {
				variables.add(getVariable.group(1));
			}
			String code = STRING.matcher(body).replaceAll("''");
			Matcher identifier = IDENTIFIER.matcher(code);
			while (identifier.find()) {
				String name = identifier.group();
				if (memberAccess(code, identifier.start()) || PROVIDED.contains(name) || isBean.test(name)) {
					continue;
				}
				variables.add(name);
			}
		}
		return variables;
	}

	/** {@code x.name} or {@code x .name}: a property or method, not a variable. */
	private static boolean memberAccess(String code, int start) {
		int i = start - 1;
		while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
			i--;
		}
		return i >= 0 && code.charAt(i) == '.';
	}

}
