package io.regionplan.system;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic against Camunda's identity service for the engine REST API and the
 * application API. The webapps (Tasklist, Cockpit, Admin under /camunda) keep Camunda's
 * own session login and CSRF protection; requests outside the two APIs and the chart
 * pages are not handled here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The pages' scripts, styles and data come from the application only; no inline
	 * script, inline event handler or style attribute runs, so text that reaches a page
	 * as markup cannot run either.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'self'";

	private static final RequestMatcher APIS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/api/**"));

	/** The engine REST API and the application API, which take HTTP Basic credentials. */
	static boolean isApi(HttpServletRequest request) {
		return APIS.matches(request);
	}

	@Bean
	LoginThrottle loginThrottle(LoginThrottle.Settings settings) {
		return new LoginThrottle(settings);
	}

	@Bean
	FilterRegistrationBean<Filter> clientAddresses() {
		return LoginThrottle.clientAddresses();
	}

	@Bean
	CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService,
			LoginThrottle throttle) {
		return new CamundaIdentityAuthenticationProvider(identityService, throttle);
	}

	/** Every request, webapps included: {@link RequestFirewall}. */
	@Bean
	WebSecurityCustomizer firewall() {
		RequestFirewall firewall = new RequestFirewall();
		return web -> web.httpFirewall(firewall).requestRejectedHandler(firewall);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
			IdentityService identityService, InputLimits limits, MultipartProperties multipart) throws Exception {
		// Path patterns on the whole request path: the engine REST API is a Jersey
		// servlet, not Spring MVC.
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(APIS)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(paths.matcher(HttpMethod.GET, "/engine-rest/engine"))
				.permitAll()
				.requestMatchers(paths.matcher(HttpMethod.GET, "/api/**"), paths.matcher(HttpMethod.HEAD, "/api/**"))
				.authenticated()
				// Auditors read only: a write to the application API needs a role that
				// writes. (On the engine
				// API, Camunda's authorizations grant auditors READ permissions only.)
				.requestMatchers(paths.matcher("/api/**"))
				.hasAnyAuthority(Roles.REGIONAL_MANAGER, Roles.SALES_DIRECTOR, Roles.PROCESS_OWNER, Roles.ADMIN)
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(LoginThrottled.entryPoint()))
			// this provider alone: with the global manager as parent, a failed login was
			// checked twice
			.authenticationManager(new ProviderManager(provider))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless Basic auth carries no cookie, so there is no session for a forged
			// request to ride on.
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new WebappSessionAuthenticationFilter("default"), BasicAuthenticationFilter.class)
			// nothing reads a body before here (RequestBodyConfiguration)
			.addFilterBefore(UnreadBodies.markAuthenticated(), AuthorizationFilter.class)
			.addFilterAfter(RequestSizeLimit.afterAuthentication(limits, multipart), AuthorizationFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	/**
	 * Everything else (the webapps, the chart pages, static files) logs in through
	 * Camunda's webapp login and checks Camunda's CSRF token; here it only gets the
	 * security headers.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain pageHeaders(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			// the webapps log out through Camunda's own endpoint (with the CSRF token);
			// Spring Security's /logout
			// here would let any other site end a user's session
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers(headers.cacheControl(cache -> cache.disable())));
		return http.build();
	}

	/**
	 * Spring Security's defaults (nosniff, no framing by another site) plus a
	 * Referrer-Policy, so that ids in a page's address (tasks, cycles) are not sent to
	 * other sites, and {@link #CONTENT_SECURITY_POLICY} on everything but the webapps,
	 * which set their own.
	 */
	private static HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> headers) {
		RequestMatcher notWebapps = new NegatedRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"));
		return headers.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notWebapps,
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));
	}

}
