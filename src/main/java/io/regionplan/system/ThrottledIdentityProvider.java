package io.regionplan.system;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's identity store with {@link LoginThrottle} in place of Camunda's own lock-out,
 * which counts wrong passwords per user only, refuses the right password while a delay
 * runs and locks the user for good after {@code loginMaxAttempts}. Every password check
 * of the engine comes here: the webapps' login, HTTP Basic
 * ({@link CamundaIdentityAuthenticationProvider}) and the engine REST API's
 * {@code /identity/verify}.
 */
final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

	private final LoginThrottle throttle;

	ThrottledIdentityProvider(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		String address = LoginThrottle.clientAddress();
		if (userId == null || password == null || throttle.waiting(userId, address).isPresent()) {
			return false;
		}
		UserEntity user = findUserById(userId);
		// an unknown user is throttled like a wrong password: the answer does not tell
		// which it was
		if (user != null && matchPassword(password, user)) {
			throttle.succeeded(userId, address);
			return true;
		}
		throttle.failed(userId, address);
		return false;
	}

	/**
	 * Opens this provider for the engine's commands, for reading users, groups and
	 * regions and for writing them.
	 */
	static SessionFactory factory(LoginThrottle throttle) {
		return new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return ThrottledIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new ThrottledIdentityProvider(throttle);
			}
		};
	}

}
