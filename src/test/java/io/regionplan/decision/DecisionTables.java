package io.regionplan.decision;

import java.util.UUID;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The decision tables of the migrations (V2, V9) in an in-memory H2 database of their
 * own, with the one column of Camunda's history that the decision module reads
 * ({@code ACT_HI_PROCINST.END_TIME_}), for unit tests without Spring or an engine.
 * Closing drops the database.
 */
final class DecisionTables implements AutoCloseable {

	private final SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
			"jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);

	private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

	DecisionTables() {
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
		populator.addScript(new FileSystemResource("src/main/resources/db/migration/V2__decisions.sql"));
		populator.addScript(new FileSystemResource("src/main/resources/db/migration/V9__decision_facts.sql"));
		populator.addScript(new ByteArrayResource(
				"create table ACT_HI_PROCINST (ID_ varchar(64) primary key, END_TIME_ timestamp);".getBytes()));
		populator.execute(dataSource);
	}

	JdbcTemplate jdbc() {
		return jdbc;
	}

	/** A process instance in the history, ended or still running. */
	void processInstance(String id, boolean ended) {
		jdbc.update("insert into ACT_HI_PROCINST (ID_, END_TIME_) values (?, ?)", id,
				ended ? java.sql.Timestamp.valueOf("2026-11-20 10:00:00") : null);
	}

	@Override
	public void close() {
		dataSource.destroy();
	}

}
