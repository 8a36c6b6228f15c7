package io.regionplan.system;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with Camunda's beans map instead of the whole application context: an
 * expression resolves only the {@link ExpressionBeans#ALLOWED} beans (besides variables), and no
 * expression may call {@link ExpressionBeans#REFLECTIVE} members on any object. The second line of defence
 * behind the deployment validator, for files that reach the engine another way.
 */
final class AllowListExpressionManager extends SpringExpressionManager {

	AllowListExpressionManager(ApplicationContext context) {
		super(context, new AllowedBeans(context));
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new NoReflection());
		resolver.add(super.createElResolver());
		return resolver;
	}

	/** Looks beans up when an expression needs them: the delegates are not built yet when the engine is. */
	private static final class AllowedBeans extends AbstractMap<Object, Object> {

		private final ApplicationContext context;

		AllowedBeans(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public boolean containsKey(Object name) {
			return ExpressionBeans.ALLOWED.contains(name) && context.containsBean((String) name);
		}

		@Override
		public Object get(Object name) {
			return containsKey(name) ? context.getBean((String) name) : null;
		}

		@Override
		public Set<Entry<Object, Object>> entrySet() {
			Map<Object, Object> beans = new LinkedHashMap<>();
			ExpressionBeans.ALLOWED.stream().filter(this::containsKey).forEach(name -> beans.put(name, get(name)));
			return beans.entrySet();
		}

	}

	private static final class NoReflection extends ELResolver {

		private static ELException refused(Object member) {
			return new ELException("表达式不得使用 " + member + " / expressions may not use '" + member + "'");
		}

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			if (base != null && ExpressionBeans.REFLECTIVE.contains(String.valueOf(property))) {
				throw refused(property);
			}
			return null;
		}

		@Override
		public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
			if (base != null && ExpressionBeans.REFLECTIVE.contains(String.valueOf(method))) {
				throw refused(method);
			}
			return null;
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			return null;
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			return false;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return null;
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext context, Object base) {
			return null;
		}

	}

}
