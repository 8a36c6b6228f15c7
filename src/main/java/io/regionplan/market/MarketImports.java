package io.regionplan.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs imports one after another in the background, so that a long import reports its progress while
 * it runs; keeps every finished report in the database.
 */
@Service
public class MarketImports {

	private static final Logger log = LoggerFactory.getLogger(MarketImports.class);

	private final MarketImporter importer;

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Map<String, ImportReport> running = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "market-import"));

	MarketImports(MarketImporter importer, JdbcTemplate jdbc, ObjectMapper json) {
		this.importer = importer;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Queues the import of a file the caller hands over (it is deleted afterwards). */
	public ImportReport submit(String kindName, Path file, String fileName, Importer who) {
		ImportKind kind = kind(kindName);
		String id = UUID.randomUUID().toString();
		ImportReport queued = new ImportReport(id, kind.name(), fileName, who.userId(), "QUEUED", "READING", -1, 0, 0, 0,
				0, 0, List.of(), List.of(), null, Instant.now(), null);
		running.put(id, queued);
		worker.submit(() -> run(queued, kind, file, who));
		return queued;
	}

	/** Imports a file at once, in the caller's thread (the demo loader and tests). */
	public ImportReport importNow(String kindName, Path file, String fileName, Importer who) {
		ImportKind kind = kind(kindName);
		ImportReport queued = new ImportReport(UUID.randomUUID().toString(), kind.name(), fileName, who.userId(), "RUNNING",
				"READING", -1, 0, 0, 0, 0, 0, List.of(), List.of(), null, Instant.now(), null);
		return execute(queued, kind, file, who);
	}

	public Optional<ImportReport> find(String id) {
		ImportReport report = running.get(id);
		if (report != null) {
			return Optional.of(report);
		}
		return jdbc.query("select report from market_import where id = ?", (rs, n) -> read(rs.getString(1)), id).stream()
			.findFirst();
	}

	public static boolean isKind(String name) {
		return ImportKinds.find(name).isPresent();
	}

	/** Whether a kind is reference data that every region shares (channels, price tiers). */
	public static boolean isShared(String name) {
		return ImportKinds.find(name).map(kind -> kind.scope() == null).orElse(false);
	}

	/** The columns and key columns of one kind, as in docs/data-formats.md. */
	public record Format(List<String> columns, List<String> keys) {
	}

	/** Every kind's format, in import order. */
	public static Map<String, Format> formats() {
		Map<String, Format> formats = new java.util.LinkedHashMap<>();
		ImportKinds.ALL.forEach((name, kind) -> formats.put(name,
				new Format(kind.columns().stream().map(ImportKind.Column::name).toList(), kind.keys())));
		return formats;
	}

	private static ImportKind kind(String name) {
		return ImportKinds.find(name).orElseThrow(() -> new IllegalArgumentException("未知数据类型 " + name
				+ " / unknown kind '" + name + "'; kinds: " + String.join(", ", ImportKinds.ALL.keySet())));
	}

	private void run(ImportReport queued, ImportKind kind, Path file, Importer who) {
		try {
			execute(queued, kind, file, who);
		}
		finally {
			running.remove(queued.id());
			delete(file);
		}
	}

	private ImportReport execute(ImportReport start, ImportKind kind, Path file, Importer who) {
		String id = start.id();
		ImportReport[] current = { with(start, "RUNNING", "READING", -1, 0) };
		running.put(id, current[0]);
		MarketImporter.Progress progress = new MarketImporter.Progress() {
			@Override
			public void reading(int rowsDone, int rowsTotal) {
				current[0] = with(current[0], "RUNNING", "READING", rowsTotal, rowsDone);
				running.put(id, current[0]);
			}

			@Override
			public void writing(int rowsDone, int rowsTotal) {
				current[0] = with(current[0], "RUNNING", "WRITING", rowsTotal, rowsDone);
				running.put(id, current[0]);
			}
		};
		ImportReport done;
		try {
			MarketImporter.Outcome outcome = importer.importFile(kind, file, start.fileName(), who, progress);
			done = finish(current[0], "SUCCEEDED", outcome.rows(), outcome.inserted(), outcome.updated(),
					outcome.unchanged(), 0, List.of(), outcome.moves(), outcome.moves().isEmpty() ? "导入成功 / imported"
							: "导入成功，" + outcome.moves().size() + " 行移到了另一区域 / imported; " + outcome.moves().size()
									+ " rows moved to another region");
			if (!outcome.moves().isEmpty()) {
				log.info("Import {} of {} ({}) by {} moved {} rows between regions: {}", id, start.fileName(), kind.name(),
						who.userId(), outcome.moves().size(), outcome.moves());
			}
		}
		catch (ImportRejected rejected) {
			done = finish(current[0], "REJECTED", 0, 0, 0, 0, rejected.errorCount, rejected.errors, List.of(),
					"文件有错误，未写入任何数据 / the file has errors: nothing was written");
		}
		catch (RuntimeException ex) {
			log.error("Import {} of {} failed", id, start.fileName(), ex);
			done = finish(current[0], "FAILED", 0, 0, 0, 0, 0, List.of(), List.of(),
					"导入失败，未写入任何数据 / the import failed: nothing was written (" + ex.getMessage() + ")");
		}
		save(done);
		running.remove(id);
		return done;
	}

	private static ImportReport with(ImportReport r, String status, String phase, int total, int done) {
		return new ImportReport(r.id(), r.kind(), r.fileName(), r.userId(), status, phase, total, done, 0, 0, 0, 0,
				List.of(), List.of(), null, r.startedAt(), null);
	}

	private static ImportReport finish(ImportReport r, String status, int rows, int inserted, int updated, int unchanged,
			int errorCount, List<ImportReport.RowError> errors, List<ImportReport.Move> moved, String message) {
		return new ImportReport(r.id(), r.kind(), r.fileName(), r.userId(), status, "DONE", rows, rows, inserted, updated,
				unchanged, errorCount, errors, moved.subList(0, Math.min(moved.size(), ImportReport.MAX_LISTED_ERRORS)), message,
				r.startedAt(), Instant.now());
	}

	private void save(ImportReport report) {
		try {
			jdbc.update("insert into market_import (id, kind, file_name, user_id, status, rows_total, inserted, updated, "
					+ "unchanged, report, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					report.id(), report.kind(), report.fileName(), report.userId(), report.status(), report.rowsTotal(),
					report.inserted(), report.updated(), report.unchanged(), json.writeValueAsString(report),
					Timestamp.from(report.startedAt()), Timestamp.from(report.finishedAt()));
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

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
