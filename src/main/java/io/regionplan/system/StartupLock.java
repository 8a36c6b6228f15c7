package io.regionplan.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Nodes that start together on one PostgreSQL database set it up one after the other:
 * from before the first of our schema migrations or Camunda's table check until the node
 * is ready, a node holds a PostgreSQL advisory lock. Otherwise two empty-database starts
 * race to create the same tables, groups, users, filters, deployment and demo market
 * rows, and the loser fails on a duplicate key; or one node's Flyway finds the other's
 * schema history table created but still empty and refuses to baseline. The lock is a
 * session lock, so a node killed while holding it releases it with its connection.
 */
@Component
@Profile("postgres")
@Order(Ordered.LOWEST_PRECEDENCE) // every plugin's preInit runs before the engine touches
									// the database
class StartupLock extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	/** Any fixed number; "RegPlan1" in ASCII. */
	private static final long KEY = 0x526567506c616e31L;

	private final DataSource dataSource;

	private Connection held;

	StartupLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void migrate(Flyway flyway) {
		acquire();
		flyway.migrate();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		acquire();
	}

	/** Takes the lock once; whichever of Flyway and the engine comes first takes it. */
	synchronized void acquire() {
		if (held != null) {
			return;
		}
		long start = System.nanoTime();
		try {
			held = dataSource.getConnection();
			try (Statement statement = held.createStatement()) {
				statement.execute("select pg_advisory_lock(" + KEY + ")");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("数据库启动锁失败 / could not take the database startup lock: " + ex.getMessage(),
					ex);
		}
		log.info("Took the database startup lock after {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Held until the application is ready, not just the engine: the demo market loader
	 * writes too.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@PreDestroy
	public synchronized void release() {
		if (held == null) {
			return;
		}
		try (Connection connection = held; Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_unlock(" + KEY + ")");
		}
		catch (SQLException ex) {
			log.warn("Could not release the database startup lock (it goes with the connection): {}", ex.getMessage());
		}
		held = null;
	}

}
