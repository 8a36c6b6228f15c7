package io.regionplan.system;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body was already read. */
final class ReadBody extends HttpServletRequestWrapper {

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
		return new java.io.BufferedReader(
				new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(charset)));
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
