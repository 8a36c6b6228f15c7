package io.regionplan.system;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestFilter;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API of the starter, plus the mapping of other-region refusals to 404 and the features'
 * request filters.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	/** @param requestFilters the features' checks of engine REST requests (e.g. completions against forms) */
	@Bean
	CamundaJerseyResourceConfig camundaJerseyResourceConfig(List<ContainerRequestFilter> requestFilters) {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				register(OtherRegionExceptionMapper.ForEngine.class);
				register(OtherRegionExceptionMapper.ForRest.class);
				requestFilters.forEach(this::register);
			}
		};
	}

}
