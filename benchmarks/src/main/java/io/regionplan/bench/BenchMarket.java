package io.regionplan.bench;

import java.nio.file.Path;
import java.util.List;

import io.regionplan.market.imports.ImportReport;
import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.springframework.context.ApplicationContext;

/**
 * Market CSV files written by the generator, imported in-process in dependency order, for
 * the benchmarks.
 */
final class BenchMarket {

	static final List<String> KINDS = List.of("regions", "channels", "cities", "adjacency", "dealers",
			"dealer-coverage", "stores", "sales", "competitors", "price-tiers", "headcount", "targets");

	private BenchMarket() {
	}

	/**
	 * Imports every file of {@code csv}; stops the benchmark at the first file that is
	 * not imported.
	 */
	static void importAll(ApplicationContext app, Path csv) {
		MarketImports imports = app.getBean(MarketImports.class);
		for (String kind : KINDS) {
			ImportReport report = imports.importNow(kind, csv.resolve(kind + ".csv"), kind + ".csv", Importer.system());
			if (!"SUCCEEDED".equals(String.valueOf(report.status()))) {
				throw new IllegalStateException(kind + ".csv not imported: " + report.status() + " " + report);
			}
		}
	}

}
