package io.regionplan.system;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the application API use the login of the Camunda webapps (Tasklist, Cockpit), so
 * that the chart and kanban pages need no second login: a request without Basic
 * credentials but with a webapp session is that session's user. A change made this way
 * must carry the webapp's CSRF token in {@code X-XSRF-TOKEN}, as Camunda's own API
 * requires.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

	private final String engineName;

	WebappSessionAuthenticationFilter(String engineName) {
		this.engineName = engineName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (request.getHeader("Authorization") != null || session == null
				|| SecurityContextHolder.getContext().getAuthentication() != null) {
			chain.doFilter(request, response);
			return;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null || !(authentications
			.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication webappUser)) {
			chain.doFilter(request, response);
			return;
		}
		if (!isSafe(request.getMethod()) && !csrfTokenMatches(request, session)) {
			// written here: an error dispatch would run the security chain again without
			// this filter
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter()
				.write("{\"status\":403,\"message\":\"缺少或错误的 CSRF 令牌 / missing or wrong CSRF token "
						+ "(header X-XSRF-TOKEN)\"}");
			return;
		}
		RegionPlanUser user = new RegionPlanUser(webappUser.getName(), webappUser.getGroupIds(),
				webappUser.getTenantIds());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.groupIds().stream().map(SimpleGrantedAuthority::new).toList()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
		Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
		String given = request.getHeader(CSRF_HEADER);
		return expected != null && given != null && MessageDigest
			.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

}
