package io.regionplan.engine;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with Camunda's beans map instead of the whole
 * application context: an expression resolves only the {@link ExpressionBeans#ALLOWED}
 * beans (besides variables), and an {@link AllowListElResolver} in front of the resolver
 * chain holds every method call and property read to the {@link ExpressionAllowList}. The
 * second line of defence behind the deployment validator, for files that reach the engine
 * another way.
 */
public final class AllowListExpressionManager extends SpringExpressionManager {

	private final AllowedBeans allowed;

	public AllowListExpressionManager(ApplicationContext context) {
		this(context, new AllowedBeans(context));
	}

	private AllowListExpressionManager(ApplicationContext context, AllowedBeans allowed) {
		super(context, allowed);
		this.allowed = allowed;
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new AllowListElResolver(allowed::nameOf));
		resolver.add(super.createElResolver());
		return resolver;
	}

	/**
	 * Looks beans up when an expression needs them: the delegates are not built yet when
	 * the engine is.
	 */
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

		/** The name under which this very object is an allowed bean, or {@code null}. */
		String nameOf(Object object) {
			if (object == null || object instanceof String || object instanceof Number) {
				return null;
			}
			for (String name : ExpressionBeans.ALLOWED) {
				if (containsKey(name) && context.getBean(name) == object) {
					return name;
				}
			}
			return null;
		}

	}

}
