package io.regionplan.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are code rather than properties: regions as tenants, and expressions that see
 * only the allow-listed beans ({@link ExpressionBeans}).
 */
@Component
@Order(0)
class CamundaConfiguration extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	CamundaConfiguration(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new RegionTenantIdProvider());
		configuration.setTenantCheckEnabled(true);
		// The starter's expression manager resolves every bean of the context; this one only the allow-list.
		configuration.setExpressionManager(new AllowListExpressionManager(context));
	}

}
