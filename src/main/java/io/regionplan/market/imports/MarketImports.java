package io.regionplan.market.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;

import io.regionplan.system.Echo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs imports one after another in the background, so that a long import reports its
 * progress while it runs. Every import has its record in the database from the moment it
 * is queued to whatever ends it: its report, a failure of any kind, or the server
 * stopping or dying under it ({@link ImportRecords}).
 */
@Service
public class MarketImports {

	private static final Logger log = LoggerFactory.getLogger(MarketImports.class);

	private final MarketImporter importer;

	private final ImportRecords records;

	private final Map<String, ImportReport> running = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "market-import"));

	MarketImports(MarketImporter importer, ImportRecords records) {
		this.importer = importer;
		this.records = records;
	}

	/** Queues the import of a file the caller hands over (it is deleted afterwards). */
	public ImportReport submit(String kindName, Path file, String fileName, Importer who) {
		ImportKind kind = kind(kindName);
		ImportReport queued = started(kind, fileName, who, "QUEUED");
		records.insert(queued);
		running.put(queued.id(), queued);
		try {
			worker.execute(() -> run(queued, kind, file, who));
		}
		catch (RejectedExecutionException ex) {
			running.remove(queued.id());
			delete(file);
			records.update(finish(queued, "FAILED", null, 0, List.of(), ImportRecords.STOPPED));
		}
		return queued;
	}

	/** Imports a file at once, in the caller's thread (the demo loader and tests). */
	public ImportReport importNow(String kindName, Path file, String fileName, Importer who) {
		ImportKind kind = kind(kindName);
		ImportReport started = started(kind, fileName, who, "RUNNING");
		records.insert(started);
		return execute(started, kind, file, who);
	}

	public Optional<ImportReport> find(String id) {
		ImportReport report = running.get(id);
		return report != null ? Optional.of(report) : records.find(id);
	}

	public static boolean isKind(String name) {
		return ImportKinds.find(name).isPresent();
	}

	/**
	 * Whether a kind is reference data that every region shares (channels, price tiers).
	 */
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
		return ImportKinds.find(name)
			.orElseThrow(() -> new IllegalArgumentException("未知数据类型 / unknown kind " + Echo.id(name) + "; kinds: "
					+ String.join(", ", ImportKinds.ALL.keySet())));
	}

	private static ImportReport started(ImportKind kind, String fileName, Importer who, String status) {
		return new ImportReport(UUID.randomUUID().toString(), kind.name(), fileName, who.userId(), status, "READING",
				-1, 0, 0, 0, 0, 0, List.of(), List.of(), null, Instant.now(), null);
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
		ImportReport[] current = { progress(start, "RUNNING", "READING", -1, 0) };
		running.put(id, current[0]);
		MarketImporter.Progress progress = new MarketImporter.Progress() {
			@Override
			public void reading(int rowsDone, int rowsTotal) {
				current[0] = progress(current[0], "RUNNING", "READING", rowsTotal, rowsDone);
				running.put(id, current[0]);
			}

			@Override
			public void writing(int rowsDone, int rowsTotal) {
				current[0] = progress(current[0], "RUNNING", "WRITING", rowsTotal, rowsDone);
				running.put(id, current[0]);
			}
		};
		ImportReport done;
		try {
			records.update(current[0]);
			MarketImporter.Outcome outcome = importer.importFile(kind, file, start.fileName(), who, progress);
			done = finish(current[0], "SUCCEEDED", outcome, 0, List.of(),
					outcome.moves().isEmpty() ? "导入成功 / imported" : "导入成功，" + outcome.moves().size()
							+ " 行移到了另一区域 / imported; " + outcome.moves().size() + " rows moved to another region");
			if (!outcome.moves().isEmpty()) {
				log.info("Import {} of {} ({}) by {} moved {} rows between regions: {}", id, start.fileName(),
						kind.name(), who.userId(), outcome.moves().size(), outcome.moves());
			}
		}
		catch (ImportRejected rejected) {
			done = finish(current[0], "REJECTED", null, rejected.errorCount, rejected.errors,
					"文件有错误，未写入任何数据 / the file has errors: nothing was written");
		}
		catch (Throwable ex) {
			// an Error too (out of memory, a stack overflow): the import ends with its
			// record, the worker goes on
			log.error("Import {} of {} ({}) by {} failed", id, start.fileName(), kind.name(), who.userId(), ex);
			done = finish(current[0], "FAILED", null, 0, List.of(), "导入失败，未写入任何数据 / the import failed: nothing was "
					+ "written (" + ex.getClass().getSimpleName() + "; the server log has import " + id + ")");
		}
		try {
			records.update(done);
		}
		catch (RuntimeException ex) {
			log.error("The record of import {} could not be written; it is marked FAILED at the next start", id, ex);
		}
		running.remove(id);
		return done;
	}

	private static ImportReport progress(ImportReport r, String status, String phase, int total, int done) {
		return new ImportReport(r.id(), r.kind(), r.fileName(), r.userId(), status, phase, total, done, 0, 0, 0, 0,
				List.of(), List.of(), null, r.startedAt(), null);
	}

	private static ImportReport finish(ImportReport r, String status, MarketImporter.Outcome outcome, int errorCount,
			List<ImportReport.RowError> errors, String message) {
		int rows = outcome == null ? 0 : outcome.rows();
		List<ImportReport.Move> moved = outcome == null ? List.of() : outcome.moves();
		return new ImportReport(r.id(), r.kind(), r.fileName(), r.userId(), status, "DONE", rows, rows,
				outcome == null ? 0 : outcome.inserted(), outcome == null ? 0 : outcome.updated(),
				outcome == null ? 0 : outcome.unchanged(), errorCount, errors,
				moved.subList(0, Math.min(moved.size(), ImportReport.MAX_LISTED_ERRORS)), message, r.startedAt(),
				Instant.now());
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded file {}: {}", file, ex.toString());
		}
	}

	/**
	 * Queued imports will not run: their records say so; a running one ends as it can.
	 */
	@PreDestroy
	void stop() {
		worker.shutdownNow();
		running.values().stream().filter(report -> report.status().equals("QUEUED")).forEach(queued -> {
			try {
				records.update(finish(queued, "FAILED", null, 0, List.of(), ImportRecords.STOPPED));
			}
			catch (RuntimeException ex) {
				log.warn("Import {} stays QUEUED in the database until the next start: {}", queued.id(), ex.toString());
			}
		});
	}

}
