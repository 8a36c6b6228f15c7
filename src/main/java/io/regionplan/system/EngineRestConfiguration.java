package io.regionplan.system;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API of the starter, plus the mapping of other-region refusals to 404 and of lost task
 * completions to 409.
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
				register(OtherRegionExceptionMapper.ForOther.class);
			}
		};
	}

}
