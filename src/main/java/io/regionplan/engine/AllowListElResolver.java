package io.regionplan.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The {@link ExpressionAllowList} where the engine resolves an expression: first in the
 * resolver chain, it sees every method call and property read on a value, however the
 * expression wrote it ({@code a.b(…)}, {@code a['b'](…)}, {@code a[computed](…)},
 * {@code #{…}}), since JUEL hands each to the resolver with the value and the member name
 * it has computed. It lets through what the list allows (the later resolvers do the work)
 * and refuses the rest before anything is called. Identifiers without a base need no
 * check: the chain after it resolves only variables,
 * {@code execution}/{@code task}/{@code authenticatedUserId} and the allowed beans.
 */
final class AllowListElResolver extends ELResolver {

	/** The allowed bean's name, or {@code null} when the object is none of them. */
	private final Function<Object, String> beanName;

	AllowListElResolver(Function<Object, String> beanName) {
		this.beanName = beanName;
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
		String name = String.valueOf(method);
		String bean = beanName.apply(base);
		if (bean != null) {
			if (!ExpressionAllowList.beanMethods(base.getClass()).contains(name)) {
				throw refused(name, bean, "只能调用该 bean 自己的方法",
						"only the bean's own methods " + ExpressionAllowList.beanMethods(base.getClass()));
			}
		}
		else if (isContext(base)) {
			if (!ExpressionAllowList.CONTEXT_METHODS.contains(name)) {
				throw refused(name, context(base), "只能调用只读方法",
						"only the read-only methods " + ExpressionAllowList.CONTEXT_METHODS.stream().sorted().toList());
			}
		}
		else {
			throw refused(name, value(base), "只能调用允许的 bean 和 execution/task 的方法",
					"methods may only be called on allow-listed beans and on execution/task");
		}
		return null; // allowed: the bean resolver after this one calls it
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base == null || base instanceof Map || base instanceof List || base.getClass().isArray()) {
			return null; // a variable, an allowed bean or an element of a map, list or
							// array
		}
		String name = String.valueOf(property);
		String bean = beanName.apply(base);
		if (bean != null) {
			throw refused(name, bean, "bean 只提供方法，不提供属性", "beans offer their methods, not properties");
		}
		if (isContext(base)) {
			if (!ExpressionAllowList.contextProperty(name)) {
				throw refused(name, context(base), "只能读取只读方法对应的属性", "only the properties of the read-only methods "
						+ ExpressionAllowList.CONTEXT_METHODS.stream().sorted().toList());
			}
			return null;
		}
		throw refused(name, value(base), "只能读取 map、list 和数组的元素", "only elements of maps, lists and arrays may be read");
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		throw refused(String.valueOf(property), base == null ? "a variable" : value(base), "表达式不得赋值",
				"expressions may not assign");
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return true;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return null;
	}

	private static boolean isContext(Object base) {
		return base instanceof DelegateExecution || base instanceof DelegateTask;
	}

	private static String context(Object base) {
		return base instanceof DelegateTask ? "task" : "execution";
	}

	private static String value(Object base) {
		return base == null ? "null" : "a value of type " + base.getClass().getSimpleName();
	}

	private static ELException refused(String member, String on, String chinese, String english) {
		return new ELException("表达式不得使用 " + member + "（" + on + "，" + chinese + "）/ expressions may not use '" + member
				+ "' on " + on + ": " + english);
	}

}
