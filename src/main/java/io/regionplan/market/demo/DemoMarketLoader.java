package io.regionplan.market.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.regionplan.market.imports.ImportReport;
import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Loads the demo regions (east 华东, south 华南) on the first start of the demo profile,
 * through the same CSV import a user would run, so that the import path is exercised on
 * every demo start.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "regionplan.demo.market", havingValue = "true", matchIfMissing = true)
class DemoMarketLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMarketLoader.class);

	private final MarketImports imports;

	private final JdbcTemplate jdbc;

	DemoMarketLoader(MarketImports imports, JdbcTemplate jdbc) {
		this.imports = imports;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Integer loaded = jdbc.queryForObject("select count(*) from market_region where id = 'east'", Integer.class);
		if (loaded != null && loaded > 0) {
			return;
		}
		long start = System.nanoTime();
		Path dir = Files.createTempDirectory("regionplan-demo-market");
		try {
			MarketDataset dataset = DemoMarket.generate(DemoMarket.Size.DEMO, DemoMarket.DEFAULT_SEED);
			dataset.writeCsv(dir);
			for (String kind : MarketDataset.IMPORT_ORDER) {
				String file = kind + ".csv";
				ImportReport report = imports.importNow(kind, dir.resolve(file), file, Importer.system());
				if (!"SUCCEEDED".equals(report.status())) {
					throw new IllegalStateException("Demo market data " + file + " was not imported: "
							+ report.message() + " " + report.errors());
				}
			}
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		log.info("Loaded the demo market (east, south) in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

}
