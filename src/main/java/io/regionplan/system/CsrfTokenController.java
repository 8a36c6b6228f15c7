package io.regionplan.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The webapp session's CSRF token for the application's own pages (the webapps' cookie is
 * limited to their path). Only a same-origin page can read the answer.
 */
@RestController
class CsrfTokenController {

	@GetMapping("/api/session/csrf")
	Map<String, String> token(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object token = session == null ? null
				: session.getAttribute(WebappSessionAuthenticationFilter.CSRF_SESSION_ATTRIBUTE);
		if (token == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有网页会话 / no webapp session");
		}
		return Map.of("header", WebappSessionAuthenticationFilter.CSRF_HEADER, "token", token.toString());
	}

}
