package io.regionplan.system;

import io.regionplan.engine.AllowListExpressionManager;
import io.regionplan.engine.ExpressionBeans;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are code rather than properties: regions as tenants, expressions
 * that see only the allow-listed beans ({@link ExpressionBeans}), and login throttling by
 * user and address ({@link ThrottledIdentityProvider}).
 */
@Component
@Order(0)
class CamundaConfiguration extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	private final LoginThrottle throttle;

	CamundaConfiguration(ApplicationContext context, LoginThrottle throttle) {
		this.context = context;
		this.throttle = throttle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new RegionTenantIdProvider());
		configuration.setTenantCheckEnabled(true);
		// The starter's expression manager resolves every bean of the context; this one
		// only the allow-list.
		configuration.setExpressionManager(new AllowListExpressionManager(context));
		configuration.setIdentityProviderSessionFactory(ThrottledIdentityProvider.factory(throttle));
	}

}
