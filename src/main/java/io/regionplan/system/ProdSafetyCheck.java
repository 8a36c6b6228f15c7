package io.regionplan.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the prod profile without a real admin password, before any bean or
 * table exists. Runs as an environment post-processor so that nothing (not even the admin
 * user) is created first.
 */
public class ProdSafetyCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			throw new UnsafeConfigurationException(
					"Profiles 'prod' and 'demo' are both active: demo users with "
							+ "password 'demo' would be created in production.",
					"Start with --spring.profiles.active=prod only.");
		}
		String id = environment.getProperty("regionplan.admin.id", "admin");
		String password = environment.getProperty("regionplan.admin.password", "");
		if (password.isBlank()) {
			throw new UnsafeConfigurationException("No admin password is set for the prod profile (user '" + id + "').",
					"Set the environment variable REGIONPLAN_ADMIN_PASSWORD (and optionally REGIONPLAN_ADMIN_USER).");
		}
		if (password.equals(id)) {
			throw new UnsafeConfigurationException("The admin password equals the user id '" + id + "'.",
					"Choose another value for REGIONPLAN_ADMIN_PASSWORD.");
		}
	}

}
