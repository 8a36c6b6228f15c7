package io.regionplan.planning;

import java.util.UUID;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Tables of the migrations in an in-memory H2 database of their own, for unit tests of
 * what planning stores: no Spring context, no engine. Closing drops the database.
 */
final class CycleTables implements AutoCloseable {

	private final SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
			"jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);

	private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

	/** The tables the given files of {@code db/migration} create. */
	CycleTables(String... migrations) {
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
		for (String migration : migrations) {
			populator.addScript(new FileSystemResource("src/main/resources/db/migration/" + migration));
		}
		populator.execute(dataSource);
	}

	JdbcTemplate jdbc() {
		return jdbc;
	}

	@Override
	public void close() {
		dataSource.destroy();
	}

}
