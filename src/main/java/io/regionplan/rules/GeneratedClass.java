package io.regionplan.rules;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of class the executable model generates from a rule set, with the members
 * each may have: a generated class with any other member (a field, a static initializer)
 * holds code that did not come from Drools' templates, e.g. text of a rule that was
 * written into the Java source, and is refused.
 */
enum GeneratedClass {

	/**
	 * A condition, consequence or expression of a rule as an enum singleton: its own
	 * methods are rule code.
	 */
	LAMBDA("(rules/[a-z0-9_/]+)/P[0-9A-F]{2}/Lambda[A-Z][A-Za-z]*[0-9A-F]{32}",
			Set.of("INSTANCE", "EXPRESSION_HASH", "ENUM$VALUES", "$VALUES"), Set.of()),

	/**
	 * The rule definitions: one {@code rule_<name>} method a rule, and lambdas Drools
	 * could not externalise.
	 */
	RULE_METHODS("(rules/[a-z0-9_/]+)/Rules[0-9A-F]{32}RuleMethods\\d+", Set.of(), Set.of("<init>")),

	/** The package's model: its rules, globals and types. */
	RULES("(rules/[a-z0-9_/]+)/Rules[0-9A-F]{32}", Set.of("DATE_TIME_FORMATTER", "globals", "typeMetaDatas", "rules"),
			Set.of("<clinit>", "<init>", "getName", "getGlobals", "getTypeMetaDatas", "getRules", "getRulesList",
					"getQueries", "getEntryPoints")),

	/** The property indexes of the fact types. */
	METADATA("(rules/[a-z0-9_/]+)/DomainClassesMetadata[0-9A-F]{32}(\\$\\w+)?", Set.of(),
			Set.of("<clinit>", "<init>", "getDomainClass", "getPropertiesSize", "getPropertyIndex")),

	/** The knowledge-base description made of the project's own module file. */
	MODULE("()org/drools/project/model/ProjectModel\\w*", Set.of(),
			Set.of("<init>", "getVersion", "getModels", "getModelsForKieBase", "getReleaseId", "getKieModuleModel"));

	/**
	 * The methods of a lambda class that Drools writes itself from a template; the others
	 * hold rule code.
	 */
	private static final Set<String> LAMBDA_BOILERPLATE = Set.of("<clinit>", "<init>", "values", "valueOf",
			"getExpressionHash", "predicateInformation");

	private final Pattern name;

	private final Set<String> fields;

	private final Set<String> methods;

	GeneratedClass(String name, Set<String> fields, Set<String> methods) {
		this.name = Pattern.compile(name);
		this.fields = fields;
		this.methods = methods;
	}

	/**
	 * The kind of a generated class by its internal name; {@code null} for any other
	 * class.
	 */
	static GeneratedClass of(String internalName) {
		for (GeneratedClass kind : values()) {
			if (kind.name.matcher(internalName).matches()) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * The DRL package of a class of this kind, as {@code rules.x}; empty for the module
	 * class.
	 */
	String packageOf(String internalName) {
		Matcher matcher = name.matcher(internalName);
		return matcher.matches() ? matcher.group(1).replace('/', '.') : "";
	}

	boolean allowsField(String field) {
		return fields.contains(field) || this == METADATA && field.endsWith("_Metadata_INSTANCE")
				|| (this == LAMBDA || this == RULE_METHODS) && field.matches("mask_\\$?\\w+"); // what
																								// an
																								// update
																								// changes
	}

	boolean allowsMethod(String method) {
		return this == LAMBDA || methods.contains(method)
				|| this == RULE_METHODS && (method.startsWith("rule_") || method.startsWith("lambda$"));
	}

	/**
	 * Whether a method holds code written in a rule (held to
	 * {@link RuleTypes.Scope#RULE}).
	 */
	boolean isRuleCode(String method, int access) {
		return this == LAMBDA
				? !LAMBDA_BOILERPLATE.contains(method) && (access & org.objectweb.asm.Opcodes.ACC_BRIDGE) == 0
				: this == RULE_METHODS && method.startsWith("lambda$");
	}

	/**
	 * Whether a method is a template of Drools or the compiler, exempt from the checks of
	 * statements.
	 */
	boolean isBoilerplate(String method) {
		return this == LAMBDA && LAMBDA_BOILERPLATE.contains(method);
	}

	RuleTypes.Scope scope() {
		return this == MODULE ? RuleTypes.Scope.MODULE : RuleTypes.Scope.GENERATED;
	}

}
