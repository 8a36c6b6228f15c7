package io.regionplan.rules;

import java.util.Map;
import java.util.Set;

/**
 * The allow-list of what compiled rule code may use, by type and by member, as data;
 * {@link RuleTypes} looks it up.
 * <p>
 * Rule code (conditions, consequences, {@code from} and accumulate expressions) may use
 * the fact package and, from the JDK, pure values: boxed primitives, {@code String},
 * {@code Math}, {@code BigDecimal}, {@code RoundingMode}, and reading
 * {@code List}/{@code Map}/{@code Set}/{@code Collection}/{@code Optional}. The code
 * Drools generates around it (the rule definitions of the executable model) may also use
 * the model's builders; the project model class may also describe the knowledge base.
 */
final class RuleAllowList {

	static final String ALL = "*";

	/**
	 * JDK members rule code may use, by owner; {@link #ALL} for every member of a type.
	 */
	static final Map<String, Set<String>> RULE_MEMBERS = Map.ofEntries(
			Map.entry("java/lang/Object", Set.of("equals", "hashCode", "toString")),
			// work in proportion to the text at most: no search (indexOf, contains,
			// replace of a text: their cost is
			// the product of two lengths, in a loop of the JVM's that a time limit cannot
			// interrupt), no regex
			Map.entry("java/lang/String",
					Set.of("length", "isEmpty", "isBlank", "charAt", "equals", "equalsIgnoreCase", "compareTo",
							"compareToIgnoreCase", "startsWith", "endsWith", "substring", "toLowerCase", "toUpperCase",
							"trim", "strip", "stripLeading", "stripTrailing", "concat", "replace(CC)Ljava/lang/String;",
							"valueOf", "hashCode", "toString", "join")),
			// what string concatenation compiles to; no capacity constructor (a size
			// chosen by the rule)
			Map.entry("java/lang/StringBuilder",
					Set.of("<init>()V", "<init>(Ljava/lang/String;)V", "<init>(Ljava/lang/CharSequence;)V", "append",
							"toString", "length")),
			Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString")),
			Map.entry("java/lang/Comparable", Set.of("compareTo")),
			Map.entry("java/lang/Number",
					Set.of("intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue")),
			Map.entry("java/lang/Integer", boxed("parseInt")), Map.entry("java/lang/Long", boxed("parseLong")),
			Map.entry("java/lang/Short", boxed("parseShort")), Map.entry("java/lang/Byte", boxed("parseByte")),
			Map.entry("java/lang/Double", boxed("parseDouble", "isNaN", "isInfinite", "isFinite")),
			Map.entry("java/lang/Float", boxed("parseFloat", "isNaN", "isInfinite", "isFinite")),
			Map.entry("java/lang/Boolean",
					Set.of("valueOf", "parseBoolean", "booleanValue", "compare", "compareTo", "equals", "hashCode",
							"toString", "logicalAnd", "logicalOr", "logicalXor", "TRUE", "FALSE", "TYPE")),
			Map.entry("java/lang/Character",
					Set.of("valueOf", "charValue", "isDigit", "isLetter", "isLetterOrDigit", "isWhitespace",
							"toUpperCase", "toLowerCase", "compare", "compareTo", "equals", "hashCode", "toString",
							"TYPE")),
			Map.entry("java/lang/Math", Set.of(ALL)),
			// no pow (an exponent chosen by the rule), no BigInteger or MathContext
			Map.entry("java/math/BigDecimal",
					Set.of("<init>", "valueOf", "add", "subtract", "multiply", "divide", "remainder", "negate", "abs",
							"plus", "signum", "scale", "precision", "compareTo", "equals", "hashCode", "min", "max",
							"setScale", "stripTrailingZeros", "toPlainString", "toString", "intValue", "longValue",
							"doubleValue", "floatValue", "intValueExact", "longValueExact", "movePointLeft",
							"movePointRight", "scaleByPowerOfTen", "ZERO", "ONE", "TEN")),
			Map.entry("java/math/RoundingMode", Set.of(ALL)),
			// reading only: a rule may not change a list or map it was given
			Map.entry("java/util/Collection",
					Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode")),
			Map.entry("java/util/List",
					Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf", "lastIndexOf", "subList",
							"equals", "hashCode")),
			Map.entry("java/util/Set", Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode")),
			Map.entry("java/util/Map",
					Set.of("size", "isEmpty", "containsKey", "containsValue", "get", "getOrDefault", "keySet", "values",
							"equals", "hashCode")),
			Map.entry("java/util/Optional",
					Set.of("isPresent", "isEmpty", "get", "orElse", "orElseThrow()Ljava/lang/Object;", "of",
							"ofNullable", "empty", "equals", "hashCode", "toString")),
			// what the executable model turns conditions and consequences into
			Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
			Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of(ALL)),
			Map.entry("org/drools/modelcompiler/dsl/pattern/D",
					Set.of("eval(Lorg/drools/model/functions/Operator;Ljava/lang/Object;[Ljava/lang/Object;)Z")),
			Map.entry("org/drools/model/functions/Operator", Set.of("eval")),
			// not contains, excludes or memberOf: on two texts they search one in the
			// other (see String)
			Map.entry("org/drools/model/operators/StringStartsWithOperator", Set.of("INSTANCE")),
			Map.entry("org/drools/model/operators/StringEndsWithOperator", Set.of("INSTANCE")),
			Map.entry("org/drools/model/operators/StringLengthWithOperator", Set.of("INSTANCE")),
			Map.entry("org/drools/model/BitMask", Set.of(ALL)));

	/**
	 * Packages of the executable model's builders, which the generated rule definitions
	 * call.
	 */
	static final Set<String> MODEL_PACKAGES = Set.of("org/drools/model/", "org/drools/model/consequences/",
			"org/drools/model/functions/", "org/drools/model/functions/accumulate/", "org/drools/model/impl/",
			"org/drools/model/view/", "org/drools/model/operators/", "org/drools/model/bitmask/",
			"org/drools/modelcompiler/dsl/pattern/");

	/**
	 * Further JDK members of the generated code: enum boilerplate, date formats, lists of
	 * rules, errors.
	 */
	static final Map<String, Set<String>> GENERATED_MEMBERS = Map.ofEntries(
			Map.entry("java/lang/Object", Set.of("<init>")), Map.entry("java/lang/Enum", Set.of("<init>", "valueOf")),
			Map.entry("java/lang/System", Set.of("arraycopy")),
			Map.entry("java/lang/RuntimeException", Set.of("<init>(Ljava/lang/String;)V")),
			Map.entry("java/lang/IllegalArgumentException", Set.of("<init>(Ljava/lang/String;)V")),
			Map.entry("java/util/Arrays", Set.of("asList")),
			Map.entry("java/util/Collections", Set.of("emptyList", "emptyMap", "emptySet")),
			Map.entry("java/util/Locale", Set.of("ENGLISH")),
			Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
			Map.entry("java/time/format/DateTimeFormatterBuilder",
					Set.of("<init>", "appendPattern", "parseCaseInsensitive", "toFormatter")),
			Map.entry("java/util/function/Supplier", Set.of("get")),
			Map.entry("java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory")));

	/** What the module description may call: the knowledge-base model of kie-api. */
	static final Set<String> MODULE_PACKAGES = Set.of("org/kie/api/builder/model/", "org/kie/api/conf/",
			"org/kie/api/runtime/conf/");

	static final Map<String, Set<String>> MODULE_MEMBERS = Map.ofEntries(
			Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
			Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")),
			Map.entry("org/kie/api/builder/ReleaseId", Set.of(ALL)),
			Map.entry("org/drools/modelcompiler/CanonicalKieModuleModel", Set.of(ALL)));

	/**
	 * JDK types the generated code links to when it runs (enum boilerplate, lambdas of
	 * accumulate functions, date formats, lists of rules, errors of a bad property
	 * index).
	 */
	static final Set<String> GENERATED_TYPES = Set.of("java/lang/Enum", "java/lang/RuntimeException",
			"java/lang/Throwable", "java/lang/Exception", "java/lang/IllegalArgumentException", "java/util/Arrays",
			"java/util/Collections", "java/util/Locale", "java/time/format/DateTimeFormatterBuilder",
			"java/time/format/DateTimeFormatter", "java/util/function/Supplier", "java/lang/invoke/LambdaMetafactory",
			"java/lang/invoke/StringConcatFactory", "org/drools/util/DateUtils");

	/**
	 * JDK types the generated code only names (signatures, class literals, the enum
	 * boilerplate's copy of its values) and never needs loaded through the rules' class
	 * loader, which therefore refuses them.
	 */
	static final Set<String> GENERATED_NAMES = Set.of("java/lang/Class", "java/lang/System",
			"java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodType", "java/lang/invoke/MethodHandle",
			"java/lang/invoke/CallSite", "java/lang/Iterable");

	static final String ACCUMULATORS = "org/drools/core/base/accumulators/";

	private RuleAllowList() {
	}

	private static Set<String> boxed(String... more) {
		Set<String> members = new java.util.HashSet<>(Set.of("valueOf", "compare", "compareTo", "equals", "hashCode",
				"toString", "max", "min", "sum", "signum", "MAX_VALUE", "MIN_VALUE", "TYPE", "intValue", "longValue",
				"doubleValue", "floatValue", "shortValue", "byteValue"));
		members.addAll(Set.of(more));
		return Set.copyOf(members);
	}

}
