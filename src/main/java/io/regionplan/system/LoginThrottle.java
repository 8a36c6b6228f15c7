package io.regionplan.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Login throttling by user and client address: after a wrong password for a user from an
 * address, the next password for that user from that address is checked only after a
 * delay (first 3 s, doubling, at most 60 s); a right password after the delay logs in and
 * clears it. Another address is not held up, so nobody can keep a user (an admin) out by
 * guessing from elsewhere, and no number of wrong passwords locks a user for good: such a
 * lock, kept by user name as Camunda keeps it, let anybody lock anybody out.
 *
 * <p>
 * Every password check goes through here, the webapps' login and HTTP Basic alike
 * ({@link ThrottledIdentityProvider}). The clock is the engine's, which tests move. The
 * state is in memory, per node, for at most {@link #MAX_KEYS} user-and-address pairs (the
 * least recently tried go first) and forgotten an hour after the last wrong password.
 */
public final class LoginThrottle {

	static final int MAX_KEYS = 100_000;

	static final Duration FORGET_AFTER = Duration.ofHours(1);

	/**
	 * {@code regionplan.login.*}: the first delay after a wrong password and the longest.
	 */
	@ConfigurationProperties("regionplan.login")
	record Settings(@DefaultValue("3s") Duration firstDelay, @DefaultValue("60s") Duration maxDelay) {
	}

	private record Failures(int count, long lastMillis, long notBeforeMillis) {
	}

	private static final ThreadLocal<String> CLIENT_ADDRESS = new ThreadLocal<>();

	private final Settings settings;

	private final LongSupplier millis;

	private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_KEYS;
		}
	};

	LoginThrottle(Settings settings) {
		this(settings, () -> ClockUtil.getCurrentTime().getTime());
	}

	LoginThrottle(Settings settings, LongSupplier millis) {
		this.settings = settings;
		this.millis = millis;
	}

	/**
	 * How long the user must wait before a password from this address is checked; empty:
	 * check it now.
	 */
	public synchronized Optional<Duration> waiting(String userId, String address) {
		Failures known = failures.get(key(userId, address));
		long now = millis.getAsLong();
		if (known == null || now >= known.notBeforeMillis()) {
			return Optional.empty();
		}
		// a clock set back never makes anybody wait longer than the longest delay
		return Optional.of(Duration.ofMillis(Math.min(known.notBeforeMillis() - now, settings.maxDelay().toMillis())));
	}

	/** A wrong password (or an unknown user): the next check waits longer. */
	public synchronized void failed(String userId, String address) {
		String key = key(userId, address);
		long now = millis.getAsLong();
		Failures known = failures.get(key);
		int count = known == null || now - known.lastMillis() > FORGET_AFTER.toMillis() ? 1 : known.count() + 1;
		failures.put(key, new Failures(count, now, now + delay(count).toMillis()));
	}

	/** The right password: the user starts afresh from this address. */
	public synchronized void succeeded(String userId, String address) {
		failures.remove(key(userId, address));
	}

	/** The delay after {@code count} wrong passwords in a row. */
	Duration delay(int count) {
		long first = settings.firstDelay().toMillis();
		long max = settings.maxDelay().toMillis();
		long delay = count >= 32 ? max : Math.min(max, first << Math.min(count - 1, 30));
		return Duration.ofMillis(delay);
	}

	/**
	 * The address of the client of the request being served: the connection's (or, with
	 * {@code server.forward-headers-strategy=native}, the one the trusted proxy passes
	 * on); {@code -} outside a request. Kept by {@link #clientAddresses()} for every
	 * request: Spring's request context is bound for the engine REST API and MVC only,
	 * not for the webapps' login.
	 */
	public static String clientAddress() {
		String address = CLIENT_ADDRESS.get();
		return address == null ? "-" : address;
	}

	/**
	 * Keeps the client's address for {@link #clientAddress()} while a request is served.
	 */
	static FilterRegistrationBean<Filter> clientAddresses() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			String outer = CLIENT_ADDRESS.get();
			CLIENT_ADDRESS.set(request.getRemoteAddr());
			try {
				chain.doFilter(request, response);
			}
			finally {
				CLIENT_ADDRESS.set(outer);
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("clientAddresses");
		return registration;
	}

	private static String key(String userId, String address) {
		return userId + "\u0000" + address;
	}

}
