package io.regionplan.system;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * After answering, Tomcat reads and drops what is left of a request body (up to
 * {@code server.tomcat.max-swallow-size}), so that the connection can carry the next
 * request and a client still sending gets to read the answer. For a caller that was not
 * authenticated and is refused (4xx, 5xx) this valve closes the connection instead:
 * otherwise a refused upload sent slowly would hold a request thread for as long as it
 * trickles, and a few hundred of them would leave none to answer anybody.
 *
 * <p>
 * An engine valve, so that it acts on the final answer, after any error page: Tomcat
 * marks a connection to close as an error, which inside a web application would have the
 * answer replaced by the error page.
 */
final class UnreadBodies extends ValveBase {

	/** Request attribute: the caller was authenticated by the APIs' security chain. */
	static final String AUTHENTICATED = UnreadBodies.class.getName() + ".AUTHENTICATED";

	UnreadBodies() {
		super(true);
	}

	/**
	 * Marks the request of an authenticated caller: its body may be read and drained.
	 * Runs before the authorization check, so that a known caller refused for want of a
	 * role (403) still gets to read the answer while sending the rest of its body.
	 */
	static Filter markAuthenticated() {
		AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
		return (request, response, chain) -> {
			if (trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
				request.setAttribute(AUTHENTICATED, Boolean.TRUE);
			}
			chain.doFilter(request, response);
		};
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		try {
			getNext().invoke(request, response);
		}
		finally {
			if (closes(request, response)) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}
	}

	/**
	 * A context valve that says so in the answer ({@code Connection: close}) while its
	 * headers can still change, before an error page commits it, so that the client does
	 * not send its next request on the connection.
	 */
	static Valve announce() {
		return new ValveBase(true) {
			@Override
			public void invoke(Request request, Response response) throws IOException, ServletException {
				try {
					getNext().invoke(request, response);
				}
				finally {
					if (!response.isCommitted() && closes(request, response)) {
						response.setHeader("Connection", "close");
					}
				}
			}
		};
	}

	private static boolean closes(Request request, Response response) {
		if (request.getAttribute(AUTHENTICATED) != null || response.getStatus() < 400) {
			return false;
		}
		AtomicBoolean read = new AtomicBoolean(true);
		request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, read);
		return !read.get();
	}

}
