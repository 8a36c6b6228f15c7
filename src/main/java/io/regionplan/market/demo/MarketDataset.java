package io.regionplan.market.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A whole market: one table per kind, in import order, because rows refer to rows of
 * earlier kinds (a sale to its dealer, a dealer to its region).
 */
public record MarketDataset(List<MarketTable> tables) {

	public static final List<String> IMPORT_ORDER = List.of("regions", "channels", "cities", "adjacency", "dealers",
			"dealer-coverage", "stores", "sales", "competitors", "price-tiers", "headcount", "targets", "spend");

	public MarketDataset {
		tables = List.copyOf(tables);
	}

	public MarketTable table(String kind) {
		return tables.stream()
			.filter(table -> table.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("没有表 " + kind + " / no table of kind '" + kind + "'"));
	}

	/**
	 * Writes {@code <kind>.csv} per table into {@code dir} (created if missing): UTF-8
	 * without BOM, a header row, "\n" line ends, so the same data gives the same bytes on
	 * every platform.
	 */
	public void writeCsv(Path dir) {
		try {
			Files.createDirectories(dir);
			for (MarketTable table : tables) {
				write(table, dir.resolve(table.kind() + ".csv"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(MarketTable table, Path file) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setRecordSeparator("\n")
			.setHeader(table.columns().toArray(String[]::new))
			.get();
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, format)) {
			for (List<String> row : table.rows()) {
				printer.printRecord(row);
			}
		}
	}

}
