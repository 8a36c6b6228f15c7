package io.regionplan.system;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body fails to read past the limit. */
final class LimitedBody extends HttpServletRequestWrapper {

	private final long limit;

	private final String tooLarge;

	LimitedBody(HttpServletRequest request, long limit, String tooLarge) {
		super(request);
		this.limit = limit;
		this.tooLarge = tooLarge;
	}

	@Override
	public java.io.BufferedReader getReader() throws IOException {
		String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
		return new java.io.BufferedReader(
				new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(charset)));
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		ServletInputStream in = super.getInputStream();
		return new ServletInputStream() {

			private long read;

			@Override
			public int read() throws IOException {
				int b = in.read();
				count(b < 0 ? 0 : 1);
				return b;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = in.read(bytes, offset, length);
				count(Math.max(n, 0));
				return n;
			}

			private void count(int n) throws IOException {
				read += n;
				if (read > limit) {
					throw new IOException(tooLarge);
				}
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		};
	}

}
