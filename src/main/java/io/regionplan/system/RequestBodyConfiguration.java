package io.regionplan.system;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whose request body is read, and when: nothing reads a body before the caller is known
 * ({@code spring.servlet.multipart.resolve-lazily}, {@link UploadGate},
 * {@link RequestSizeLimit} after authentication on the APIs), and an unknown caller's
 * unread body is not drained either ({@link UnreadBodies}). The request size limits of
 * the APIs are in {@link SecurityConfiguration}'s chain.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(InputLimits limits, MultipartProperties multipart) {
		return RequestSizeLimit.beforeAuthentication(limits, multipart);
	}

	/**
	 * Right after Spring Security: an unauthenticated upload to the APIs gets its 401
	 * first.
	 */
	@Bean
	FilterRegistrationBean<UploadGate> uploadGate(ApplicationContext context) {
		FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(new UploadGate(context));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodies() {
		return factory -> {
			factory.addEngineValves(new UnreadBodies());
			factory.addContextValves(UnreadBodies.announce());
		};
	}

}
