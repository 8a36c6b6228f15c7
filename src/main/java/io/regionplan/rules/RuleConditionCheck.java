package io.regionplan.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The conditions a rule may have, for {@link RuleLanguageCheck}: patterns,
 * {@code and}/{@code or}/{@code not}/ {@code exists}/{@code forall}, {@code from} an
 * expression, {@code collect} and {@code accumulate} with the built-in functions.
 * Everything else ({@code eval}, inline accumulate code, entry points, windows, queries)
 * is refused with its line.
 */
final class RuleConditionCheck {

	/** The accumulate functions Drools has built in (no {@code import accumulate}). */
	private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
			"collectList", "collectSet");

	private final RuleLanguageCheck.Walk walk;

	RuleConditionCheck(RuleLanguageCheck.Walk walk) {
		this.walk = walk;
	}

	private void refuse(BaseDescr where, String zh, String en) {
		walk.refuse(where, zh, en);
	}

	void element(BaseDescr element, RuleDescr rule) {
		if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
				|| element instanceof ExistsDescr || element instanceof ForallDescr) {
			for (BaseDescr nested : ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()) {
				element(nested, rule);
			}
		}
		else if (element instanceof PatternDescr pattern) {
			pattern(pattern, rule);
		}
		else if (element instanceof ExprConstraintDescr) {
			// a constraint of a pattern: its code is checked on the compiled classes
		}
		else {
			refuse(element, "规则 " + rule.getName() + " 的条件不允许 " + construct(element),
					"rule '" + rule.getName() + "': " + construct(element) + " is not allowed in a condition (allowed: "
							+ "patterns, and, or, not, exists, forall, from, collect, accumulate)");
		}
	}

	/**
	 * How deep conditional elements ({@code not}, {@code exists}, {@code and}, …) and the
	 * patterns of {@code collect}/{@code accumulate} nest, counted no further than
	 * {@code limit + 1}: deeper conditions are refused before the engine's recursion over
	 * them could end in a stack overflow.
	 */
	static int depth(BaseDescr element, int limit) {
		List<? extends BaseDescr> nested = nested(element);
		if (limit < 0 || nested == null) {
			return 0; // past the limit, or a plain pattern
		}
		int deepest = 0;
		for (BaseDescr inner : nested) {
			deepest = Math.max(deepest, depth(inner, limit - 1));
		}
		return 1 + deepest;
	}

	/**
	 * What a conditional element, or a pattern from {@code collect}/{@code accumulate},
	 * holds; {@code null} for a plain pattern or constraint.
	 */
	private static List<? extends BaseDescr> nested(BaseDescr element) {
		if (element instanceof org.drools.drl.ast.descr.ConditionalElementDescr conditional) {
			return conditional.getDescrs();
		}
		if (element instanceof PatternDescr pattern && pattern.getSource() instanceof CollectDescr collect) {
			return List.of(collect.getInputPattern());
		}
		if (element instanceof PatternDescr pattern && pattern.getSource() instanceof AccumulateDescr accumulate) {
			return accumulate.getDescrs();
		}
		return null;
	}

	/**
	 * How many rules Drools makes of a condition: an {@code or} adds its branches,
	 * everything else multiplies.
	 */
	static long subRules(BaseDescr element) {
		if (element instanceof OrDescr or) {
			long sum = 0;
			for (BaseDescr branch : or.getDescrs()) {
				sum = Math.min(Long.MAX_VALUE / 2, sum + subRules(branch));
			}
			return Math.max(sum, 1);
		}
		long product = 1;
		List<? extends BaseDescr> nested = nested(element);
		for (BaseDescr inner : nested == null ? List.<BaseDescr>of() : nested) {
			product = Math.min(Long.MAX_VALUE / 2, product * subRules(inner));
		}
		return product;
	}

	void pattern(PatternDescr pattern, RuleDescr rule) {
		if (!pattern.getAnnotations().isEmpty()) {
			refuse(pattern, "规则 " + rule.getName() + " 的模式不允许注解（@…）",
					"rule '" + rule.getName() + "': annotations (@…) on patterns are not allowed");
		}
		if (pattern.isQuery()) {
			refuse(pattern, "规则 " + rule.getName() + " 不能调用 query",
					"rule '" + rule.getName() + "' may not call a query");
		}
		if (!pattern.getBehaviors().isEmpty()) {
			refuse(pattern, "规则 " + rule.getName() + " 不允许 over window",
					"rule '" + rule.getName() + "': sliding windows (over window:...) are not allowed");
		}
		if (pattern.getConstraint() != null) {
			element((BaseDescr) pattern.getConstraint(), rule);
		}
		PatternSourceDescr source = pattern.getSource();
		if (source == null || source instanceof FromDescr) {
			return;
		}
		if (source instanceof CollectDescr collect) {
			pattern(collect.getInputPattern(), rule);
		}
		else if (source instanceof AccumulateDescr accumulate) {
			accumulate(accumulate, rule);
		}
		else {
			refuse(source.getLine() > 0 ? source : pattern, "规则 " + rule.getName() + " 不允许 " + construct(source),
					"rule '" + rule.getName() + "': " + construct(source) + " is not allowed as a source");
		}
	}

	void accumulate(AccumulateDescr accumulate, RuleDescr rule) {
		if (accumulate.getInitCode() != null || accumulate.getActionCode() != null
				|| accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
			refuse(accumulate, "规则 " + rule.getName() + " 的 accumulate 不允许 init/action/reverse/result 代码",
					"rule '" + rule.getName() + "': accumulate with init/action/reverse/result code is not allowed; "
							+ "use a built-in function ("
							+ String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()) + ")");
		}
		for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
			if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
				refuse(accumulate, "规则 " + rule.getName() + " 不允许累计函数 " + function.getFunction(),
						"rule '" + rule.getName() + "': the accumulate function '" + function.getFunction()
								+ "' is not allowed (allowed: " + ACCUMULATE_FUNCTIONS.stream().sorted().toList()
								+ ")");
			}
		}
		for (BaseDescr input : accumulate.getDescrs()) {
			element(input, rule);
		}
	}

	private static String construct(BaseDescr descr) {
		Map<String, String> names = Map.of("EvalDescr", "eval", "EntryPointDescr", "from entry-point",
				"WindowReferenceDescr", "from window", "ConditionalBranchDescr", "if/else", "NamedConsequenceDescr",
				"do[...]/break[...]", "GroupByDescr", "groupby");
		String simple = descr.getClass().getSimpleName();
		return names.getOrDefault(simple, simple.replace("Descr", "").toLowerCase(java.util.Locale.ROOT));
	}

}
