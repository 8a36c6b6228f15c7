package io.regionplan.market.imports;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.market.MarketSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code market_import}: one row per import from the moment it is queued, so
 * that whatever ends an import leaves its record. Each row names the start of the
 * application that runs it; a row still QUEUED or RUNNING whose start is gone is marked
 * FAILED ({@link #failInterrupted}).
 */
@Component
class ImportRecords {

	static final String RESTARTED = "被中断（服务器重启）/ interrupted (server restarted)";

	static final String NODE_GONE = "被中断（运行它的节点已停止）/ interrupted (the node running it stopped)";

	static final String STOPPED = "被中断（服务器停止）/ interrupted (server stopped)";

	/**
	 * The report's column holds 1,000,000 characters; a report is kept well under that.
	 */
	private static final int MAX_REPORT_CHARS = 900_000;

	private static final Logger log = LoggerFactory.getLogger(ImportRecords.class);

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final MarketSettings settings;

	/**
	 * This start of the application: host, process and a random part, unique per start.
	 */
	private final String start;

	private volatile Boolean oneNode;

	ImportRecords(JdbcTemplate jdbc, ObjectMapper json, MarketSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
		String process = ManagementFactory.getRuntimeMXBean().getName();
		this.start = process.substring(0, Math.min(process.length(), 50)) + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	String start() {
		return start;
	}

	void insert(ImportReport report) {
		jdbc.update("insert into market_import (id, kind, file_name, user_id, status, rows_total, inserted, updated, "
				+ "unchanged, report, started_at, started_by, heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				report.id(), report.kind(), report.fileName(), report.userId(), report.status(), report.rowsTotal(),
				report.inserted(), report.updated(), report.unchanged(), write(report),
				Timestamp.from(report.startedAt()), start, Timestamp.from(Instant.now()));
	}

	void update(ImportReport report) {
		jdbc.update(
				"update market_import set status = ?, rows_total = ?, inserted = ?, updated = ?, unchanged = ?, "
						+ "report = ?, finished_at = ? where id = ?",
				report.status(), report.rowsTotal(), report.inserted(), report.updated(), report.unchanged(),
				write(report), report.finishedAt() == null ? null : Timestamp.from(report.finishedAt()), report.id());
	}

	Optional<ImportReport> find(String id) {
		return jdbc.query("select report from market_import where id = ?", (rs, n) -> read(rs.getString(1)), id)
			.stream()
			.findFirst();
	}

	/** Notes that this start's imports still run, for the other nodes of a cluster. */
	void heartbeat() {
		jdbc.update(
				"update market_import set heartbeat_at = ? where started_by = ? and status in ('QUEUED', 'RUNNING')",
				Timestamp.from(Instant.now()), start);
	}

	/**
	 * Marks FAILED the imports left QUEUED or RUNNING by a start that is gone. On H2 (one
	 * node only) that is every other start; on a shared database, a start whose heartbeat
	 * is older than {@code importStaleAfter}.
	 * @return how many were marked
	 */
	int failInterrupted(boolean atStartup) {
		String left = "select id from market_import where status in ('QUEUED', 'RUNNING') "
				+ "and (started_by is null or started_by <> ?)";
		List<String> ids = oneNode() ? jdbc.queryForList(left, String.class, start)
				: jdbc.queryForList(left + " and (heartbeat_at is null or heartbeat_at < ?)", String.class, start,
						Timestamp.from(Instant.now().minus(settings.importStaleAfter())));
		int failed = 0;
		for (String id : ids) {
			ImportReport was = find(id).orElseThrow();
			ImportReport marked = new ImportReport(was.id(), was.kind(), was.fileName(), was.userId(), "FAILED", "DONE",
					was.rowsTotal(), was.rowsDone(), 0, 0, 0, 0, List.of(), List.of(),
					atStartup ? RESTARTED : NODE_GONE, was.startedAt(), Instant.now());
			failed += jdbc.update(
					"update market_import set status = 'FAILED', report = ?, finished_at = ? "
							+ "where id = ? and status in ('QUEUED', 'RUNNING')",
					write(marked), Timestamp.from(marked.finishedAt()), id);
			log.warn("Import {} of {} ({}) by {} was {} when its server stopped: marked FAILED", id, was.fileName(),
					was.kind(), was.userId(), was.status());
		}
		return failed;
	}

	/** H2 serves one node only: every other start of the application is gone. */
	boolean oneNode() {
		if (oneNode == null) {
			oneNode = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
				.getDatabaseProductName()
				.equals("H2"));
		}
		return oneNode;
	}

	/**
	 * The report as JSON, with fewer listed errors when they would not fit the column.
	 */
	private String write(ImportReport report) {
		try {
			String text = json.writeValueAsString(report);
			List<ImportReport.RowError> errors = report.errors();
			List<ImportReport.Move> moved = report.moved();
			while (text.length() > MAX_REPORT_CHARS && !(errors.isEmpty() && moved.isEmpty())) {
				errors = errors.subList(0, errors.size() / 2);
				moved = moved.subList(0, moved.size() / 2);
				text = json.writeValueAsString(new ImportReport(report.id(), report.kind(), report.fileName(),
						report.userId(), report.status(), report.phase(), report.rowsTotal(), report.rowsDone(),
						report.inserted(), report.updated(), report.unchanged(), report.errorCount(), errors, moved,
						report.message(), report.startedAt(), report.finishedAt()));
			}
			return text;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ImportReport read(String report) {
		try {
			return json.readValue(report, ImportReport.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
