package io.regionplan.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.util.UriUtils;

/**
 * Spring Security's strict firewall (no {@code ;}, encoded {@code /} or {@code \},
 * {@code //}, {@code ..} in a path) plus no control character in the decoded path or in a
 * query parameter, for every request; a refusal is a 400 with a message, before anything
 * else reads the request (its body never).
 */
final class RequestFirewall implements HttpFirewall, RequestRejectedHandler {

	static final String REFUSED = "请求地址含有不允许的内容：分号、编码的斜杠或反斜杠、//、..、控制字符或无效的 % 编码 / the request "
			+ "address contains something that is not allowed: ';', an encoded slash or backslash, '//', '..', a control "
			+ "character or a broken %-encoding";

	private final StrictHttpFirewall strict = new StrictHttpFirewall();

	@Override
	public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
		FirewalledRequest checked = strict.getFirewalledRequest(request);
		try {
			if (hasControl(UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8))
					|| !queryIsClean(request)) {
				throw new RequestRejectedException(REFUSED);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new RequestRejectedException(REFUSED);
		}
		return checked;
	}

	/** Reads the query string itself: {@code getParameter} would read a form body too. */
	private static boolean queryIsClean(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return true;
		}
		for (String pair : query.split("&")) {
			if (hasControl(URLDecoder.decode(pair, StandardCharsets.UTF_8))) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch(Character::isISOControl);
	}

	@Override
	public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
		return strict.getFirewalledResponse(response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json;charset=UTF-8");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.getWriter().write("{\"status\":400,\"error\":\"Bad Request\",\"message\":\"" + REFUSED + "\"}");
	}

}
