package io.regionplan.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * The DRL a rule file may be written in, checked on Drools' own parse of it: a package
 * under {@code rules.}, imports of allowed types, rules with literal attributes and the
 * Java dialect, and conditions built of patterns,
 * {@code and}/{@code or}/{@code not}/{@code exists}/{@code forall}, {@code from} an
 * expression, {@code collect} and {@code accumulate} with the built-in functions
 * ({@link RuleConditionCheck}). Everything else (functions, globals, queries, declared
 * types, {@code eval}, inline accumulate code, entry points, windows, timers, other
 * dialects) is refused with its line. The code inside the allowed constructs is held to
 * {@link RuleTypes} by {@link RuleBytecodeCheck}, on what the compiler made of it.
 */
final class RuleLanguageCheck {

	private static final Pattern PACKAGE = Pattern.compile("rules\\.[a-z][a-z0-9_]*");

	/** Rule attributes with a literal value; {@code dialect} only "java". */
	private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
			"activation-group", "auto-focus", "ruleflow-group", "enabled", "dialect");

	/**
	 * What a rule name and a text attribute (agenda-group, …) may hold: the executable
	 * model writes them into the Java it generates, so quotes, backslashes (a {@code \\u}
	 * escape), comment marks and line breaks are refused; letters of any script, digits,
	 * spaces and a little punctuation are enough for a name.
	 */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _\\-.:()（）·、，,/+&%#]{1,200}");

	/**
	 * The most sub-rules one rule may become: every {@code or} multiplies them when the
	 * knowledge base is built.
	 */
	static final int MAX_SUB_RULES = 64;

	/**
	 * The deepest nesting of a rule's conditions, the rule's own {@code and} included:
	 * Drools recurses once per level when it builds and runs them.
	 */
	static final int MAX_NESTING = 16;

	/**
	 * A rule's place in its file: where a problem found in its compiled code is reported.
	 */
	record RuleSpan(String rule, String file, int line, int startCharacter, int endCharacter) {
	}

	/** What the check found: the problems, and where each rule is. */
	record Result(List<RuleFileProblem> problems, List<RuleSpan> rules, String packageName) {
	}

	private RuleLanguageCheck() {
	}

	static Result check(String file, String drl) {
		List<RuleFileProblem> problems = new ArrayList<>();
		List<RuleSpan> spans = new ArrayList<>();
		DrlParser parser = new DrlParser();
		PackageDescr parsed;
		try {
			parsed = parser.parse(false, new StringReader(drl));
		}
		catch (DroolsParserException | RuntimeException | StackOverflowError ex) {
			// what the check cannot read is not compiled either
			problems.add(new RuleFileProblem(file, 0, 0,
					ex instanceof StackOverflowError ? "规则文件嵌套太深 / the rule file is nested too deeply to read"
							: "无法读取规则文件 / the rule file cannot be read (" + ex.getClass().getSimpleName() + ")"));
			return new Result(problems, spans, null);
		}
		if (parser.hasErrors() || parsed == null) {
			for (DroolsError error : parser.getErrors()) {
				int[] lines = error.getLines();
				problems.add(new RuleFileProblem(file, lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0, 0,
						error.getMessage()));
			}
			return new Result(problems, spans, null);
		}
		new Walk(file, problems).packageDescr(parsed, spans);
		problems
			.addAll(RuleTypeNames.check(file, drl, parsed.getImports().stream().map(ImportDescr::getTarget).toList()));
		return new Result(problems, spans, parsed.getName());
	}

	/** Where the problems of one file go. */
	record Walk(String file, List<RuleFileProblem> problems) {

		void refuse(BaseDescr where, String zh, String en) {
			problems.add(new RuleFileProblem(file, where == null ? 0 : Math.max(where.getLine(), 0),
					where == null ? 0 : Math.max(where.getColumn(), 0), zh + " / " + en));
		}

		void packageDescr(PackageDescr parsed, List<RuleSpan> spans) {
			String name = parsed.getName();
			if (name == null || !PACKAGE.matcher(name).matches()) {
				refuse(null, "包名须为 rules.<名称>（小写字母和数字），不能是 " + name,
						"the package must be rules.<name> (lower-case letters and digits), not '" + name + "'");
			}
			for (ImportDescr imported : parsed.getImports()) {
				importDescr(imported);
			}
			parsed.getFunctionImports()
				.forEach(imported -> refuse(imported, "不允许导入函数 " + imported.getTarget(),
						"import function is not allowed"));
			parsed.getAccumulateImports()
				.forEach(imported -> refuse(imported, "不允许导入累计函数 " + imported.getTarget(),
						"import accumulate is not allowed"));
			parsed.getGlobals()
				.forEach(global -> refuse(global, "不允许 global（" + global.getIdentifier() + "）",
						"a global is not allowed ('" + global.getIdentifier() + "'): rules see only their facts"));
			parsed.getFunctions()
				.forEach(function -> refuse(function, "不允许 function（" + function.getName() + "）",
						"a function block is not allowed ('" + function.getName() + "'): use a method of a fact type"));
			parsed.getTypeDeclarations()
				.forEach(type -> refuse(type, "不允许 declare（" + type.getTypeName() + "）",
						"declare is not allowed ('" + type.getTypeName() + "'): rules use the fact types"));
			parsed.getEnumDeclarations()
				.forEach(type -> refuse(type, "不允许 declare enum（" + type.getTypeName() + "）",
						"declare enum is not allowed ('" + type.getTypeName() + "')"));
			parsed.getEntryPointDeclarations()
				.forEach(entryPoint -> refuse(entryPoint, "不允许 entry point 声明",
						"an entry point declaration is not allowed"));
			parsed.getWindowDeclarations()
				.forEach(window -> refuse(window, "不允许 window 声明", "a window is not allowed"));
			if (parsed.getUnit() != null) {
				refuse(parsed.getUnit(), "不允许 unit", "a rule unit is not allowed");
			}
			for (AttributeDescr attribute : parsed.getAttributes()) {
				attribute(attribute);
			}
			for (RuleDescr rule : parsed.getRules()) {
				rule(rule);
				spans.add(new RuleSpan(rule.getName(), file, Math.max(rule.getLine(), 0), rule.getStartCharacter(),
						rule.getEndCharacter()));
			}
		}

		void importDescr(ImportDescr imported) {
			String target = imported.getTarget();
			String type = target.endsWith(".*") ? null : target;
			boolean facts = target.equals("io.regionplan.rules.fact.*");
			if (!facts && (type == null || !RuleTypes.allowsType(type.replace('.', '/'), RuleTypes.Scope.RULE))) {
				refuse(imported, "不允许导入 " + target + "（只可用事实类型和 " + String.join("、", RuleTypes.ruleJdkTypes()) + "）",
						"import of " + target + " is not allowed (only the fact types and "
								+ String.join(", ", RuleTypes.ruleJdkTypes()) + ")");
			}
		}

		void attribute(AttributeDescr attribute) {
			String name = attribute.getName();
			String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
			if (!ATTRIBUTES.contains(name)) {
				refuse(attribute, "不允许规则属性 " + name, "the rule attribute '" + name + "' is not allowed (allowed: "
						+ ATTRIBUTES.stream().sorted().toList() + ")");
			}
			else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
				refuse(attribute, "只允许 java 方言，不能用 " + value, "only the java dialect is allowed, not " + value);
			}
			else if (name.equals("salience") && !value.matches("-?\\d{1,9}")) {
				refuse(attribute, "salience 须为整数，不能是 " + value, "salience must be a whole number, not '" + value + "'");
			}
			else if (attribute.getType() == AttributeDescr.Type.EXPRESSION && !name.equals("salience")) {
				refuse(attribute, "属性 " + name + " 须为常量",
						"the attribute '" + name + "' must be a literal, not an expression");
			}
			else if (!name.equals("salience") && !NAME.matcher(value.replaceAll("^[\"']|[\"']$", "")).matches()) {
				refuse(attribute, "属性 " + name + " 只能含字母、数字、空格和 _-.:()/+&%#", "the attribute '" + name
						+ "' may hold only letters, digits, spaces and _-.:()/+&%# (no quotes, backslashes or comment marks)");
			}
		}

		void rule(RuleDescr rule) {
			if (rule.isQuery()) {
				refuse(rule, "不允许 query（" + rule.getName() + "）", "a query is not allowed ('" + rule.getName() + "')");
				return;
			}
			if (!NAME.matcher(rule.getName()).matches()) {
				refuse(rule, "规则名只能含字母、数字、空格和 _-.:()/+&%#，最长 200 个字符", "a rule name may hold only letters, "
						+ "digits, spaces and _-.:()/+&%#, at most 200 characters (no quotes, backslashes or comment marks)");
			}
			if (!rule.getAnnotations().isEmpty()) {
				refuse(rule, "规则 " + rule.getName() + " 不允许注解（@…）",
						"rule '" + rule.getName() + "': annotations (@…) are not allowed");
			}
			if (rule.getParentName() != null) {
				refuse(rule, "规则 " + rule.getName() + " 不允许 extends",
						"rule '" + rule.getName() + "': extends is not allowed");
			}
			rule.getAttributes().values().forEach(this::attribute);
			if (!rule.getNamedConsequences().isEmpty()) {
				refuse(rule, "规则 " + rule.getName() + " 不允许命名结论（then[...]）",
						"rule '" + rule.getName() + "': named consequences (then[...]) are not allowed");
			}
			if (rule.getLhs() != null && RuleConditionCheck.depth(rule.getLhs(), MAX_NESTING) > MAX_NESTING) {
				refuse(rule, "规则 " + rule.getName() + " 的条件嵌套超过 " + MAX_NESTING + " 层", "rule '" + rule.getName()
						+ "': its conditions nest more than " + MAX_NESTING
						+ " levels deep (not, exists, and, or, forall, collect, accumulate): split it into several rules");
			}
			else if (rule.getLhs() != null) {
				new RuleConditionCheck(this).element(rule.getLhs(), rule);
				long subRules = RuleConditionCheck.subRules(rule.getLhs());
				if (subRules > MAX_SUB_RULES) {
					refuse(rule, "规则 " + rule.getName() + " 的 or 组合成 " + subRules + " 个子规则，最多 " + MAX_SUB_RULES + " 个",
							"rule '" + rule.getName() + "': its or-conditions combine into " + subRules
									+ " sub-rules, more than " + MAX_SUB_RULES + ": split it into several rules");
				}
			}
		}

	}

}
