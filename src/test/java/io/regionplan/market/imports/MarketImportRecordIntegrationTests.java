package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.IntegrationTest;
import io.regionplan.market.MarketFixtures;
import io.regionplan.market.MarketSettings;
import io.regionplan.system.RegionTenants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every import keeps its record whatever ends it (issue 16, finding 7): recorded when
 * queued, FAILED with its record after an error of any kind (an {@link Error} too), and
 * marked FAILED at the next start when a crash left it QUEUED or RUNNING. The importer
 * here is a stand-in that ends as the test says; a real kill -9 is
 * {@link MarketImportCrashTests}.
 */
@IntegrationTest
class MarketImportRecordIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	RegionTenants tenants;

	@Autowired
	MarketSettings settings;

	@Autowired
	ImportRecords records;

	@Autowired
	ImportWatch watch;

	@Autowired
	ObjectMapper json;

	@TempDir
	Path dir;

	private MarketImports imports;

	/** What the stand-in importer does instead of importing. */
	@FunctionalInterface
	interface Body {

		void run() throws Throwable;

	}

	private MarketImports importsThat(Body body) {
		MarketImporter importer = new MarketImporter(jdbc, transaction, tenants, settings) {
			@Override
			Outcome importFile(ImportKind kind, Path file, String fileName, Importer who, Progress progress) {
				try {
					body.run();
				}
				catch (RuntimeException | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
				return new Outcome(0, 0, 0, 0, List.of());
			}
		};
		imports = new MarketImports(importer, records);
		return imports;
	}

	@AfterEach
	void stopTheWorker() {
		if (imports != null) {
			imports.stop();
		}
	}

	private Map<String, Object> row(String id) {
		return jdbc.queryForMap("select status, finished_at, report from market_import where id = ?", id);
	}

	private Path file() {
		return MarketFixtures.csv(dir, "dealers.csv", MarketFixtures.T1.get("dealers"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "OutOfMemoryError", "StackOverflowError", "IllegalStateException" })
	void anImportThatEndsInAnyErrorKeepsAFailedRecord(String error) {
		MarketImports failing = importsThat(() -> {
			throw switch (error) {
				case "OutOfMemoryError" -> new OutOfMemoryError("Java heap space (a stand-in)");
				case "StackOverflowError" -> new StackOverflowError();
				default -> new IllegalStateException("insert into market_dealer values (…) (raw SQL text)");
			};
		});

		String id = failing.submit("dealers", file(), "dealers.csv", Importer.system()).id();

		ImportReport report = await().atMost(Duration.ofSeconds(30))
			.until(() -> failing.find(id).orElse(null), r -> r != null && r.finished());
		assertThat(report.status()).isEqualTo("FAILED");
		assertThat(report.message()).contains("the import failed: nothing was written (" + error)
			.doesNotContain("insert into");
		assertThat(row(id)).containsEntry("status", "FAILED");
		assertThat(row(id).get("finished_at")).isNotNull();
		assertThat(records.find(id)).get().isEqualTo(report);
	}

	@Test
	void anImportIsRecordedWhenQueuedAndWhileItRuns() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		MarketImports blocked = importsThat(() -> release.await(30, TimeUnit.SECONDS));

		String running = blocked.submit("dealers", file(), "dealers.csv", Importer.system()).id();
		String queued = blocked.submit("dealers", file(), "dealers.csv", Importer.system()).id();

		await().atMost(Duration.ofSeconds(30)).until(() -> row(running).get("status").equals("RUNNING"));
		assertThat(row(queued)).containsEntry("status", "QUEUED").containsEntry("finished_at", null);
		assertThat(records.find(queued)).get().extracting(ImportReport::status).isEqualTo("QUEUED");
		release.countDown();
		await().atMost(Duration.ofSeconds(30)).until(() -> row(queued).get("status").equals("SUCCEEDED"));
		assertThat(row(running)).containsEntry("status", "SUCCEEDED");
	}

	@Test
	void importsLeftByAStartThatIsGoneAreMarkedFailedAtTheNextStart() throws Exception {
		String gone = "4242@old-host/deadbeef";
		Instant beat = Instant.now().minus(Duration.ofHours(1));
		String running = leftBy(gone, "RUNNING", beat);
		String queued = leftBy(gone, "QUEUED", beat);
		String ours = leftBy(records.start(), "RUNNING", Instant.now());

		watch.run(null);

		for (String id : List.of(running, queued)) {
			ImportReport report = records.find(id).orElseThrow();
			assertThat(report.status()).isEqualTo("FAILED");
			assertThat(report.message()).contains("interrupted");
			assertThat(row(id)).containsEntry("status", "FAILED");
			assertThat(row(id).get("finished_at")).isNotNull();
		}
		assertThat(records.find(running).orElseThrow().message()).as("on H2; a cluster node may have found it first")
			.isIn(ImportRecords.RESTARTED, ImportRecords.NODE_GONE);
		assertThat(row(ours)).as("this start's own import runs on").containsEntry("status", "RUNNING");
		jdbc.update("delete from market_import where id = ?", ours);
	}

	private String leftBy(String start, String status, Instant heartbeat) throws Exception {
		ImportReport report = new ImportReport(java.util.UUID.randomUUID().toString(), "stores", "stores.csv",
				"wang.east", status, "READING", -1, 20_000, 0, 0, 0, 0, List.of(), List.of(), null, heartbeat, null);
		jdbc.update("insert into market_import (id, kind, file_name, user_id, status, rows_total, inserted, updated, "
				+ "unchanged, report, started_at, started_by, heartbeat_at) values (?, ?, ?, ?, ?, -1, 0, 0, 0, ?, ?, ?, ?)",
				report.id(), report.kind(), report.fileName(), report.userId(), status, json.writeValueAsString(report),
				Timestamp.from(heartbeat), start, Timestamp.from(heartbeat));
		return report.id();
	}

}
