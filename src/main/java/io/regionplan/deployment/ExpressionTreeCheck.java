package io.regionplan.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.regionplan.engine.ExpressionAllowList;
import io.regionplan.engine.ExpressionBeans;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.springframework.beans.factory.BeanFactory;

/**
 * Walks a parsed expression and holds each step to the {@link ExpressionAllowList},
 * tracking what each step reaches: {@code execution}/{@code task}, an allowed bean, or a
 * value (a variable, a literal, a result). A bracket with a string literal is the same
 * step as a dot; a bracket with a computed key may only read an element of a value (a map
 * or list variable), and a method may never be named by a computed key. The engine's
 * {@code AllowListElResolver} enforces the same list on what the steps actually resolve,
 * so a value that is not a map or list is refused there.
 */
final class ExpressionTreeCheck {

	/** A reason in both languages. */
	record Reason(String chinese, String english) {
	}

	private enum Kind {

		CONTEXT, BEAN, VALUE, EITHER

	}

	/** What a step reaches, with what to call it in a message. */
	private record Reached(Kind kind, String name) {

		static final Reached VALUE = new Reached(Kind.VALUE, "a value");

		/**
		 * A {@code ?:} whose branches reach different kinds: nothing may be used on it.
		 */
		static final Reached EITHER = new Reached(Kind.EITHER, "a choice (?:) of execution, beans or values");

	}

	private final BeanFactory beans;

	/**
	 * @param beans the application's beans (to know an allowed bean's methods), or
	 * {@code null}
	 */
	ExpressionTreeCheck(BeanFactory beans) {
		this.beans = beans;
	}

	List<Reason> check(Tree tree) {
		List<Reason> reasons = new ArrayList<>();
		walk(tree.getRoot(), reasons);
		return reasons.stream().distinct().toList();
	}

	private Reached walk(Node node, List<Reason> reasons) {
		if (node instanceof AstIdentifier identifier) {
			return root(identifier.getName(), reasons);
		}
		if (node instanceof AstMethod method) {
			return method(method, reasons);
		}
		if (node instanceof AstDot dot) {
			return property(walk(dot.getChild(0), reasons), name(dot), reasons);
		}
		if (node instanceof AstBracket bracket) {
			Reached base = walk(bracket.getChild(0), reasons);
			if (bracket.getChild(1) instanceof AstString key) {
				return property(base, literal(key), reasons);
			}
			walk(bracket.getChild(1), reasons);
			if (base.kind() != Kind.VALUE) { // a choice included: it may be execution or
												// a bean
				reasons.add(new Reason("不得用计算出的键访问 " + base.name(), "no computed key on " + base.name()
						+ ": only elements of map and list variables may be read with one"));
			}
			return Reached.VALUE;
		}
		if (node instanceof AstChoice choice) {
			walk(choice.getChild(0), reasons);
			Reached yes = walk(choice.getChild(1), reasons);
			Reached no = walk(choice.getChild(2), reasons);
			return yes.equals(no) ? yes
					: yes.kind() == Kind.VALUE && no.kind() == Kind.VALUE ? Reached.VALUE : Reached.EITHER;
		}
		if (node instanceof AstFunction function && !ExpressionAllowList.FUNCTIONS.contains(function.getName())) {
			reasons.add(new Reason("未知函数 " + function.getName(), "unknown function '" + function.getName()
					+ "' (allowed: " + ExpressionAllowList.FUNCTIONS.stream().sorted().toList() + ")"));
		}
		if (node instanceof AstEval || node instanceof AstNested || node instanceof AstComposite
				|| node instanceof AstText || node instanceof AstLiteral || node instanceof AstBinary
				|| node instanceof AstUnary || node instanceof AstFunction || node instanceof AstParameters) {
			Reached last = Reached.VALUE;
			for (int i = 0; i < node.getCardinality(); i++) {
				last = walk(node.getChild(i), reasons);
			}
			// a nested (…) or ${…} is what it holds; anything else computes a value
			return node instanceof AstNested || node instanceof AstEval ? last : Reached.VALUE;
		}
		reasons.add(new Reason("不支持的表达式成分 " + node, "unsupported expression element '" + node + "'"));
		return Reached.VALUE;
	}

	private Reached root(String name, List<Reason> reasons) {
		if (ExpressionAllowList.CONTEXT.contains(name)) {
			return new Reached(Kind.CONTEXT, name);
		}
		if (ExpressionBeans.ALLOWED.contains(name)) {
			return new Reached(Kind.BEAN, name);
		}
		if (beans != null && beans.containsBean(name)) {
			reasons.add(new Reason("bean " + name + " 不在允许名单",
					"bean '" + name + "' is not on the allow-list of expression beans"));
		}
		return Reached.VALUE; // a process variable (or authenticatedUserId)
	}

	private Reached method(AstMethod method, List<Reason> reasons) {
		Node property = method.getChild(0);
		Reached base = walk(property.getChild(0), reasons);
		String name = property instanceof AstDot dot ? name(dot)
				: property.getChild(1) instanceof AstString key ? literal(key) : null;
		if (name == null) {
			walk(property.getChild(1), reasons);
			reasons.add(new Reason("方法名不得由计算得出", "a method may not be named by a computed value"));
		}
		else if (base.kind() == Kind.CONTEXT && !ExpressionAllowList.CONTEXT_METHODS.contains(name)) {
			reasons.add(mayNotUse(name, base, "只能调用只读方法",
					"only the read-only methods " + ExpressionAllowList.CONTEXT_METHODS.stream().sorted().toList()));
		}
		else if (base.kind() == Kind.BEAN && !beanMethod(base.name(), name)) {
			Set<String> own = beanMethods(base.name());
			reasons.add(mayNotUse(name, base, "只能调用该 bean 自己的方法",
					"only the bean's own methods" + (own == null ? "" : " " + own)));
		}
		else if (base.kind() == Kind.VALUE || base.kind() == Kind.EITHER) {
			reasons.add(mayNotUse(name, base, "只能调用允许的 bean 和 execution/task 的方法",
					"methods may only be called on allow-listed beans and on execution/task"));
		}
		walk(method.getChild(1), reasons);
		return Reached.VALUE;
	}

	private static Reached property(Reached base, String name, List<Reason> reasons) {
		if (base.kind() == Kind.CONTEXT && !ExpressionAllowList.contextProperty(name)) {
			reasons.add(mayNotUse(name, base, "只能读取只读方法对应的属性", "only the properties of the read-only methods "
					+ ExpressionAllowList.CONTEXT_METHODS.stream().sorted().toList()));
		}
		else if (base.kind() == Kind.BEAN) {
			reasons.add(mayNotUse(name, base, "bean 只提供方法，不提供属性", "beans offer their methods, not properties"));
		}
		else if (base.kind() == Kind.EITHER || name.equals("class")) {
			// a value's property may be a map key (the engine refuses it on anything
			// else); but not "class", the
			// one getter every Java object has: a map key of that name is not worth the
			// doubt
			reasons.add(mayNotUse(name, base, "只能读取 map、list 和数组的元素",
					"only elements of maps, lists and arrays may be read"));
		}
		return Reached.VALUE;
	}

	/**
	 * Whether the method is the allowed bean's own; without the application, whether it
	 * is none of {@code Object}'s (the engine's resolver checks the exact list).
	 */
	private boolean beanMethod(String bean, String name) {
		Set<String> own = beanMethods(bean);
		return own != null ? own.contains(name) : !ExpressionAllowList.OBJECT_METHODS.contains(name);
	}

	/** The allowed bean's own methods, or {@code null} without the application. */
	private Set<String> beanMethods(String bean) {
		Class<?> type = beans == null || !beans.containsBean(bean) ? null : beans.getType(bean);
		return type == null ? null : ExpressionAllowList.beanMethods(type);
	}

	private static Reason mayNotUse(String name, Reached base, String chinese, String english) {
		return new Reason("不得使用 " + name + "（" + base.name() + "，" + chinese + "）",
				"may not use '" + name + "' on " + base.name() + ": " + english);
	}

	/**
	 * The property of {@code a.b}: JUEL keeps it in a protected field and shows it as
	 * {@code ". b"}.
	 */
	private static String name(AstDot dot) {
		return dot.toString().substring(2);
	}

	private static String literal(AstString string) {
		return (String) string.eval(null, null);
	}

}
