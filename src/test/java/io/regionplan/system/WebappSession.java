package io.regionplan.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A browser-like client of the Camunda webapps: a cookie jar, the Tasklist login form
 * with the CSRF token Camunda hands out in the {@code XSRF-TOKEN} cookie, and requests
 * with or without that token.
 */
public final class WebappSession {

	private final String rootUri;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

	public WebappSession(String rootUri) {
		this.rootUri = rootUri;
	}

	/** Opens Tasklist and logs in; the answer of the login request. */
	public HttpResponse<String> logIn(String user, String password) {
		send("GET", "/camunda/app/tasklist/default/", null, false);
		HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
				"username=" + user + "&password=" + password, true, "application/x-www-form-urlencoded");
		// as Tasklist goes on: the renewed session gets its CSRF token with the next
		// webapp request
		send("GET", "/camunda/api/engine/engine", null, false);
		return login;
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null, false);
	}

	/**
	 * A JSON request; {@code withCsrfToken} false plays a forged request from another
	 * site.
	 */
	public HttpResponse<String> send(String method, String path, String json, boolean withCsrfToken) {
		return send(method, path, json, withCsrfToken, "application/json");
	}

	private HttpResponse<String> send(String method, String path, String body, boolean withCsrfToken, String type) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rootUri + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", type);
		}
		if (withCsrfToken) {
			csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Optional<String> csrfToken() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last);
	}

	Optional<HttpCookie> sessionCookie() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst();
	}

}
