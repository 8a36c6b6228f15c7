package io.regionplan.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;

import org.glassfish.jersey.server.ContainerRequest;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The features' engine REST request filters (e.g. completions checked against the task's
 * form) for the webapps' own engine API, which Tasklist completes tasks through. That
 * Jersey application is built by Camunda from class names, so this provider finds the
 * filters as beans of the application's context.
 */
public final class WebappRequestFilters implements ContainerRequestFilter {

	@Context
	ServletContext servletContext;

	/**
	 * The filter beans, found at the first request (the application context is complete
	 * by then).
	 */
	private volatile List<ContainerRequestFilter> filters;

	@Override
	public void filter(ContainerRequestContext request) throws IOException {
		if (filters == null) {
			filters = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
				.getBeanProvider(ContainerRequestFilter.class)
				.orderedStream()
				.toList();
		}
		for (ContainerRequestFilter filter : filters) {
			filter.filter(request);
			if (request instanceof ContainerRequest jersey && jersey.getAbortResponse() != null) {
				return; // refused: the answer is set
			}
		}
	}

}
