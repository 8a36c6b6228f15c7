package io.regionplan.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are code rather than properties: regions as tenants.
 */
@Component
@Order(0)
class CamundaConfiguration extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new RegionTenantIdProvider());
		configuration.setTenantCheckEnabled(true);
	}

}
