package io.regionplan.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 and a message before anything reads it:
 * {@link InputLimits#maxBody()} for JSON and other bodies, the multipart limit for
 * uploads. On the two APIs this runs after authentication ({@link #afterAuthentication}),
 * so that nobody unknown gets a body read, and a body of unknown length (chunked) is read
 * up to the limit to answer 413; everywhere else it runs first
 * ({@link #beforeAuthentication}) and such a body is only cut off at the limit when
 * something reads it.
 */
class RequestSizeLimit extends OncePerRequestFilter {

	private final DataSize maxBody;

	private final DataSize maxUpload;

	private final boolean apis;

	private RequestSizeLimit(InputLimits limits, MultipartProperties multipart, boolean apis) {
		this.maxBody = limits.maxBody();
		this.maxUpload = multipart.getMaxRequestSize();
		this.apis = apis;
	}

	/** For every address but the two APIs, before anything else. */
	static FilterRegistrationBean<RequestSizeLimit> beforeAuthentication(InputLimits limits,
			MultipartProperties multipart) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
				new RequestSizeLimit(limits, multipart, false));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** For the two APIs, in their security filter chain once the caller is known. */
	static RequestSizeLimit afterAuthentication(InputLimits limits, MultipartProperties multipart) {
		return new RequestSizeLimit(limits, multipart, true);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !apis && SecurityConfiguration.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean upload = request.getContentType() != null
				&& request.getContentType().toLowerCase().startsWith("multipart/");
		DataSize limit = upload ? maxUpload : maxBody;
		long length = request.getContentLengthLong();
		if (length > limit.toBytes()) {
			refuse(response, limit);
			return;
		}
		if (length < 0 && !upload && request.getHeader("Transfer-Encoding") != null) {
			if (!apis) {
				chain.doFilter(new LimitedBody(request, limit.toBytes(), tooLarge(limit)), response);
				return;
			}
			byte[] body = request.getInputStream().readNBytes((int) limit.toBytes() + 1);
			if (body.length > limit.toBytes()) {
				refuse(response, limit);
				return;
			}
			request = new ReadBody(request, body);
		}
		chain.doFilter(request, response);
	}

	static String tooLarge(DataSize limit) {
		String size = limit.toMegabytes() > 0 ? limit.toMegabytes() + " MB" : limit.toKilobytes() + " KB";
		return "请求体超过 " + size + " / the request body is larger than " + size + " (" + limit.toBytes() + " bytes)";
	}

	private static void refuse(HttpServletResponse response, DataSize limit) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter()
			.write("{\"status\":413,\"type\":\"RequestTooLarge\",\"error\":\"Payload Too Large\",\"message\":\""
					+ tooLarge(limit) + "\"}");
	}

}
