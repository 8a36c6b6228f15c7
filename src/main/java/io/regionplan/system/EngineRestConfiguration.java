package io.regionplan.system;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API of the starter, plus the mapping of other-region refusals to 404.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	@Bean
	CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				register(OtherRegionExceptionMapper.ForEngine.class);
				register(OtherRegionExceptionMapper.ForRest.class);
			}
		};
	}

}
