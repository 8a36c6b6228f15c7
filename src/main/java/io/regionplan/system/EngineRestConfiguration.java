package io.regionplan.system;

import java.util.List;

import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.container.ContainerRequestFilter;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API of the starter, plus the mapping of other-region refusals to 404
 * and of lost task completions to 409, for that API and for the webapps' own copy of it
 * (Tasklist and Cockpit call /camunda/api/engine), and the features' request filters.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	/**
	 * The name under which Camunda's webapp initializer registers the webapps' engine
	 * API.
	 */
	static final String WEBAPP_ENGINE_API = "Engine Api";

	/**
	 * @param requestFilters the features' checks of engine REST requests (e.g.
	 * completions against forms)
	 */
	@Bean
	CamundaJerseyResourceConfig camundaJerseyResourceConfig(List<ContainerRequestFilter> requestFilters) {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				register(OtherRegionExceptionMapper.ForEngine.class);
				register(OtherRegionExceptionMapper.ForRest.class);
				register(OtherRegionExceptionMapper.ForOther.class);
				requestFilters.forEach(this::register);
			}
		};
	}

	/**
	 * Without the mappers the webapps' engine API answers an other-region refusal with
	 * 500 and Camunda's message, which tells that the object exists in another region;
	 * without the request filters Tasklist's completions would skip the checks the engine
	 * REST API makes (unknown variables, types).
	 */
	@Bean
	ServletContextInitializer webappEngineApiMappers(CamundaBpmProperties camunda) {
		return servletContext -> {
			ServletRegistration engineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
			if (engineApi == null) {
				// registered as Camunda's initializer would; it keeps a registration it
				// finds under its name
				ServletRegistration.Dynamic added = servletContext.addServlet(WEBAPP_ENGINE_API,
						ServletContainer.class);
				added.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
				added.setInitParameter("jakarta.ws.rs.Application", EngineRestApplication.class.getName());
				engineApi = added;
			}
			engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
					String.join(",", OtherRegionExceptionMapper.ForEngine.class.getName(),
							OtherRegionExceptionMapper.ForRest.class.getName(),
							OtherRegionExceptionMapper.ForOther.class.getName(), WebappRequestFilters.class.getName()));
		};
	}

}
