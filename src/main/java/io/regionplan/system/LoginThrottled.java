package io.regionplan.system;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * A password sent while the user's delay from this address runs ({@link LoginThrottle}):
 * not checked, and answered 429 with {@code Retry-After} and a message, so that a client
 * knows to wait rather than to fix the password. Any other failed login is the usual 401
 * with the Basic challenge.
 */
final class LoginThrottled extends AuthenticationException {

	private final transient Duration wait;

	LoginThrottled(Duration wait) {
		super("登录尝试过多，请 " + seconds(wait) + " 秒后再试 / too many wrong passwords for this user from your address: "
				+ "try again in " + seconds(wait) + " s");
		this.wait = wait;
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	/** The APIs' answer to a failed or missing login. */
	static AuthenticationEntryPoint entryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("Realm");
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (!(ex instanceof LoginThrottled throttled)) {
				basic.commence(request, response, ex);
				return;
			}
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(seconds(throttled.wait)));
			response.setContentType("application/json;charset=UTF-8");
			try {
				response.getWriter()
					.write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"" + ex.getMessage() + "\"}");
			}
			catch (IOException io) {
				throw new IllegalStateException(io);
			}
		};
	}

}
