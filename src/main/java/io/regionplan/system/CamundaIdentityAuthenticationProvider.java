package io.regionplan.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so that the REST APIs
 * and the webapps share one set of users, groups and regions. {@link LoginThrottle}
 * applies: while a user's delay from the caller's address runs, no password is checked,
 * the remembered ones neither ({@link LoginThrottled}).
 *
 * <p>
 * A successful check is remembered for {@link #REMEMBERED} under the user and a hash of
 * the password (never the password): a REST client sends its credentials with every
 * request, and the password check, group and region lookups were three of the engine
 * transactions of each (see docs/performance.md). A wrong password is never remembered
 * and always goes to the identity service; a changed password, group or region made in
 * Camunda's admin app or identity REST API takes effect within that time; the
 * application's own changes (a region created by an import) take effect at once
 * ({@link IdentityChanged}).
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final Duration REMEMBERED = Duration.ofSeconds(30);

	private static final int MAX_REMEMBERED = 10_000;

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	private record Remembered(RegionPlanUser user, List<SimpleGrantedAuthority> authorities, long until) {
	}

	CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || credentials == null) {
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
		String address = LoginThrottle.clientAddress();
		Optional<Duration> wait = throttle.waiting(userId, address);
		if (wait.isPresent()) {
			throw new LoginThrottled(wait.get());
		}
		String key = userId + "\u0000" + sha256(credentials.toString());
		Remembered known = remembered.get(key);
		if (known != null && known.until() > System.nanoTime()) {
			throttle.succeeded(userId, address);
			return UsernamePasswordAuthenticationToken.authenticated(known.user(), null, known.authorities());
		}
		// throttled there too (ThrottledIdentityProvider): a wrong password delays the
		// next from this address
		if (!identityService.checkPassword(userId, credentials.toString())) {
			remembered.remove(key);
			throw new BadCredentialsException("用户名或密码错误 / Bad credentials");
		}
		List<String> groups = identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		List<String> regions = identityService.createTenantQuery()
			.userMember(userId)
			.includingGroupsOfUser(true)
			.list()
			.stream()
			.map(Tenant::getId)
			.toList();
		RegionPlanUser user = new RegionPlanUser(userId, groups, regions);
		List<SimpleGrantedAuthority> authorities = groups.stream().map(SimpleGrantedAuthority::new).toList();
		if (remembered.size() >= MAX_REMEMBERED) {
			remembered.clear();
		}
		remembered.put(key, new Remembered(user, authorities, System.nanoTime() + REMEMBERED.toNanos()));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	/** Forgets every remembered login. */
	void forgetAll() {
		remembered.clear();
	}

	/**
	 * Regions and memberships changed by the application (e.g. an imported region): look
	 * logins up again.
	 */
	@EventListener
	void on(IdentityChanged event) {
		forgetAll();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
