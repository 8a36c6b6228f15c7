package io.regionplan.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Deployments go through the application's deployment API only
 * ({@code POST /api/deployments}), which validates every file (no scripts, only
 * allow-listed beans, rules through the guard). The engine's own deployment endpoints, in
 * {@code /engine-rest} and in the webapps' engine API, would skip that for anyone holding
 * Camunda's CREATE permission on deployments — admins hold every permission — so they
 * answer 403 for everybody.
 */
@Configuration(proxyBeanMethods = false)
class EngineDeploymentsRefused {

	static final Pattern ENGINE_DEPLOYMENT = Pattern.compile(
			"/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/deployment/(?:create|[^/]+/redeploy)/?");

	static final String MESSAGE = "{\"type\":\"Forbidden\",\"message\":\"请通过 /api/deployments 部署（会先校验文件）"
			+ " / deploy through /api/deployments, which validates the files; the engine's deployment endpoints are off\"}";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> engineDeploymentsRefusedFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String path = request.getRequestURI().substring(request.getContextPath().length());
						if ("POST".equalsIgnoreCase(request.getMethod()) && ENGINE_DEPLOYMENT.matcher(path).matches()) {
							response.setStatus(HttpServletResponse.SC_FORBIDDEN);
							response.setContentType("application/json");
							response.setCharacterEncoding(StandardCharsets.UTF_8.name());
							response.getWriter().write(MESSAGE);
							return;
						}
						chain.doFilter(request, response);
					}
				});
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("engineDeploymentsRefused");
		return registration;
	}

}
