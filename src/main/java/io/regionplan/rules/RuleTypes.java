package io.regionplan.rules;

import static io.regionplan.rules.RuleAllowList.ACCUMULATORS;
import static io.regionplan.rules.RuleAllowList.ALL;
import static io.regionplan.rules.RuleAllowList.GENERATED_MEMBERS;
import static io.regionplan.rules.RuleAllowList.GENERATED_NAMES;
import static io.regionplan.rules.RuleAllowList.GENERATED_TYPES;
import static io.regionplan.rules.RuleAllowList.MODEL_PACKAGES;
import static io.regionplan.rules.RuleAllowList.MODULE_MEMBERS;
import static io.regionplan.rules.RuleAllowList.MODULE_PACKAGES;
import static io.regionplan.rules.RuleAllowList.RULE_MEMBERS;

import java.util.Map;
import java.util.Set;

/**
 * What compiled rule code may use, by type and by member, looked up in
 * {@link RuleAllowList}: everything else is refused when a rule set is built
 * ({@link RuleBytecodeCheck}) and cannot be loaded when it runs
 * ({@link RuleClassLoader}).
 */
final class RuleTypes {

	/** Who wrote the code a member is used from. */
	enum Scope {

		/** A process owner: conditions, consequences and the expressions of a rule. */
		RULE,

		/** Drools' executable model: the rule definitions around the rule code. */
		GENERATED,

		/**
		 * The knowledge-base description Drools generates from the project's own module
		 * file.
		 */
		MODULE

	}

	static final String FACTS = "io/regionplan/rules/fact/";

	private RuleTypes() {
	}

	/**
	 * Whether code of a scope may name a type at all (in a signature, a cast, a class
	 * literal or as the owner of a member). Arrays are judged by their element type;
	 * primitives are always allowed.
	 */
	static boolean allowsType(String internalName, Scope scope) {
		String type = elementType(internalName);
		if (type == null) {
			return true;
		}
		if (type.startsWith(FACTS) && type.indexOf('/', FACTS.length()) < 0 || RULE_MEMBERS.containsKey(type)) {
			return true;
		}
		if (scope == Scope.RULE) {
			return false;
		}
		if (GENERATED_TYPES.contains(type) || GENERATED_NAMES.contains(type) || inPackage(type, MODEL_PACKAGES)
				|| isAccumulator(type)) {
			return true;
		}
		return scope == Scope.MODULE && (inPackage(type, MODULE_PACKAGES) || MODULE_MEMBERS.containsKey(type));
	}

	/**
	 * Whether code of a scope may use a member; {@code descriptor} is the method's (or
	 * field's) JVM descriptor. Every type in the descriptor must be allowed too, so an
	 * overload taking another type is refused.
	 */
	static boolean allowsMember(String owner, String name, String descriptor, Scope scope) {
		if (!allowsType(owner, scope) || !descriptorAllowed(descriptor, scope)) {
			return false;
		}
		if (owner.startsWith("[")) {
			return name.equals("clone") || name.equals("length");
		}
		if (owner.startsWith(FACTS)) {
			return factMember(owner, name, descriptor);
		}
		if (listed(RULE_MEMBERS, owner, name, descriptor)) {
			return true;
		}
		if (scope == Scope.RULE) {
			return false;
		}
		if (owner.startsWith("org/drools/model/Drools")) {
			// the engine behind a consequence: only what a consequence does to facts
			return false;
		}
		if (listed(GENERATED_MEMBERS, owner, name, descriptor) || inPackage(owner, MODEL_PACKAGES)
				|| isAccumulator(owner) && name.equals("<init>")) {
			return true;
		}
		return scope == Scope.MODULE
				&& (inPackage(owner, MODULE_PACKAGES) || listed(MODULE_MEMBERS, owner, name, descriptor));
	}

	/** Whether an object is of a fact type: the only kind a rule may insert. */
	static boolean isFact(Object object) {
		return isFactType(object.getClass());
	}

	/**
	 * The types of the JDK, the facts and the model that the class loader of compiled
	 * rule sets lets through.
	 */
	static boolean loadable(String className) {
		String type = className.replace('.', '/');
		return !GENERATED_NAMES.contains(type) && allowsType(type, Scope.MODULE);
	}

	/** For the README and messages: the JDK types rule code may use. */
	static java.util.SortedSet<String> ruleJdkTypes() {
		java.util.SortedSet<String> types = new java.util.TreeSet<>();
		RULE_MEMBERS.keySet()
			.stream()
			.filter(type -> type.startsWith("java/"))
			.forEach(type -> types.add(type.replace('/', '.')));
		return types;
	}

	private static final Map<String, Set<String>> FACT_MEMBERS = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * A public member the fact type itself declares (or one of the fact types it
	 * extends): not what every object inherits ({@code getClass}, {@code wait}, ...).
	 */
	private static boolean factMember(String owner, String name, String descriptor) {
		return FACT_MEMBERS.computeIfAbsent(owner, RuleTypes::declaredMembers).contains(name + descriptor);
	}

	private static Set<String> declaredMembers(String owner) {
		Class<?> type;
		try {
			type = Class.forName(owner.replace('/', '.'), false, RuleTypes.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return Set.of();
		}
		Set<String> members = new java.util.HashSet<>();
		for (java.lang.reflect.Method method : type.getMethods()) {
			if (isFactType(method.getDeclaringClass())) {
				members.add(method.getName() + org.objectweb.asm.Type.getMethodDescriptor(method));
			}
		}
		for (java.lang.reflect.Constructor<?> constructor : type.getConstructors()) {
			members.add("<init>" + org.objectweb.asm.Type.getConstructorDescriptor(constructor));
		}
		for (java.lang.reflect.Field field : type.getFields()) {
			if (isFactType(field.getDeclaringClass())) {
				members.add(field.getName() + org.objectweb.asm.Type.getDescriptor(field.getType()));
			}
		}
		return Set.copyOf(members);
	}

	private static boolean isFactType(Class<?> type) {
		return type.getName().startsWith(FACTS.replace('/', '.')) && type.getName().indexOf('.', FACTS.length()) < 0;
	}

	private static boolean listed(Map<String, Set<String>> members, String owner, String name, String descriptor) {
		Set<String> allowed = members.get(owner);
		return allowed != null
				&& (allowed.contains(ALL) || allowed.contains(name) || allowed.contains(name + descriptor));
	}

	private static boolean descriptorAllowed(String descriptor, Scope scope) {
		if (descriptor == null) {
			return true;
		}
		for (int i = 0; i < descriptor.length(); i++) {
			if (descriptor.charAt(i) == 'L') {
				int end = descriptor.indexOf(';', i);
				if (!allowsType(descriptor.substring(i + 1, end), scope)) {
					return false;
				}
				i = end;
			}
		}
		return true;
	}

	private static boolean inPackage(String type, Set<String> packages) {
		int slash = type.lastIndexOf('/');
		return slash > 0 && packages.contains(type.substring(0, slash + 1));
	}

	private static boolean isAccumulator(String type) {
		return inPackage(type, Set.of(ACCUMULATORS)) && type.endsWith("AccumulateFunction");
	}

	/**
	 * The element type of an array (or the type itself) as an internal name; {@code null}
	 * for primitives.
	 */
	private static String elementType(String internalName) {
		String type = internalName;
		while (type.startsWith("[")) {
			type = type.substring(1);
		}
		if (type.length() == 1) {
			return null;
		}
		if (type.startsWith("L") && type.endsWith(";")) {
			type = type.substring(1, type.length() - 1);
		}
		return type;
	}

}
