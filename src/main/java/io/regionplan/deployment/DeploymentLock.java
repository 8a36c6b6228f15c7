package io.regionplan.deployment;

import java.util.function.Supplier;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One deployment at a time, from reading the latest files to the audit: on this node (the
 * monitor) and, on PostgreSQL, across the nodes sharing the database (an advisory lock
 * held on a connection of its own while the engine deploys and commits; a node that dies
 * releases it with its connection). Otherwise two process owners deploying at once would
 * each build on the files before the other's change, and the later deployment would
 * silently undo the earlier.
 */
@Component
class DeploymentLock {

	/** The advisory lock key of deployments on PostgreSQL; "RPDeploy" in ASCII. */
	private static final long DEPLOYMENT_LOCK = 0x52504465706c6f79L;

	private final JdbcTemplate jdbc;

	/**
	 * PostgreSQL: several nodes may share the database (README, Cluster on PostgreSQL).
	 */
	private volatile Boolean shared;

	DeploymentLock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	synchronized <T> T oneAtATime(Supplier<T> deployment) {
		if (!shared()) {
			return deployment.get();
		}
		return jdbc.execute((ConnectionCallback<T>) connection -> {
			try (java.sql.Statement lock = connection.createStatement()) {
				lock.execute("select pg_advisory_lock(" + DEPLOYMENT_LOCK + ")");
			}
			try {
				return deployment.get();
			}
			finally {
				try (java.sql.Statement unlock = connection.createStatement()) {
					unlock.execute("select pg_advisory_unlock(" + DEPLOYMENT_LOCK + ")");
				}
			}
		});
	}

	private boolean shared() {
		if (shared == null) {
			shared = "PostgreSQL".equals(jdbc
				.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
		}
		return shared;
	}

}
