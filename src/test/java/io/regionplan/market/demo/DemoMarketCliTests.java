package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMarketCliTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final PrintStream err = new PrintStream(OutputStream.nullOutputStream());

	@Test
	void writesAScaledMarketWithAllItsFiles(@TempDir Path dir) throws IOException {
		int status = DemoMarketCli.run(
				new String[] { "--out", dir.toString(), "--cities", "30", "--dealers", "400", "--stores", "20000" },
				new PrintStream(out, true, StandardCharsets.UTF_8), err);

		assertThat(status).isZero();
		for (String kind : MarketDataset.IMPORT_ORDER) {
			assertThat(Files.readAllLines(dir.resolve(kind + ".csv")).get(0)).as(kind)
				.isEqualTo(String.join(",", ImportFormat.COLUMNS.get(kind)));
		}
		// and the new market Zhenjiang, with its stores after the 20,000
		assertThat(lines(dir.resolve("cities.csv"))).isEqualTo(1 + 30 + 1);
		assertThat(lines(dir.resolve("dealers.csv"))).isEqualTo(1 + 400);
		long newMarketStores;
		try (Stream<String> stores = Files.lines(dir.resolve("stores.csv"))) {
			newMarketStores = stores.filter(line -> line.contains(",zhenjiang,")).count();
		}
		assertThat(newMarketStores).isPositive();
		assertThat(lines(dir.resolve("stores.csv"))).isEqualTo(1 + 20_000 + newMarketStores);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 regions × 15 cities")
			.containsPattern("stores.csv +20,\\d{3} rows");
	}

	@Test
	void refusesUnknownOptionsAndTooFewCities(@TempDir Path dir) {
		assertThat(DemoMarketCli.run(new String[] { "--cities" }, System.out, err)).isEqualTo(2);
		assertThat(DemoMarketCli.run(new String[] { "--regions", "3" }, System.out, err)).isEqualTo(2);
		String[] tooFew = { "--out", dir.toString(), "--cities", "10" };
		assertThat(DemoMarketCli.run(tooFew, System.out, err)).isEqualTo(2);
		assertThat(dir).isEmptyDirectory();
	}

	private static long lines(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
	}

}
