package io.regionplan.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 and a message before anything reads it (and before
 * authentication): {@link InputLimits#maxBody()} for JSON and other bodies, the multipart limit for
 * uploads. A body of unknown length (chunked) is read up to the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

	private final DataSize maxBody;

	private final DataSize maxUpload;

	RequestSizeLimit(InputLimits limits, MultipartProperties multipart) {
		this.maxBody = limits.maxBody();
		this.maxUpload = multipart.getMaxRequestSize();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean upload = request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/");
		DataSize limit = upload ? maxUpload : maxBody;
		long length = request.getContentLengthLong();
		if (length > limit.toBytes()) {
			refuse(response, limit);
			return;
		}
		if (length < 0 && !upload && request.getHeader("Transfer-Encoding") != null) {
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
		response.getWriter().write("{\"status\":413,\"type\":\"RequestTooLarge\",\"error\":\"Payload Too Large\",\"message\":\""
				+ tooLarge(limit) + "\"}");
	}

	/** A request whose body was already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public java.io.BufferedReader getReader() {
			String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(charset)));
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] bytes, int offset, int length) {
					return in.read(bytes, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

	}

}
