package io.regionplan.market.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a demo market as CSV files, one per kind, ready to import:
 * {@code DemoMarketCli [--out DIR] [--seed N] [--cities TOTAL] [--dealers N] [--stores N] [--months N]}.
 * Without options it writes the demo size to {@code target/demo-market}; the benchmarks'
 * national scale is {@code --cities 300 --dealers 5000 --stores 1000000}.
 */
public final class DemoMarketCli {

	private static final Set<String> OPTIONS = Set.of("--out", "--seed", "--cities", "--dealers", "--stores",
			"--months");

	private DemoMarketCli() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
				err.println("用法 / usage: DemoMarketCli [--out DIR] [--seed N] [--cities TOTAL] [--dealers N]"
						+ " [--stores N] [--months N]");
				return 2;
			}
			options.put(args[i], args[i + 1]);
		}
		DemoMarket.Size demo = DemoMarket.Size.DEMO;
		try {
			DemoMarket.Size size = DemoMarket.Size.ofTotalCities(number(options, "--cities", demo.cities()),
					number(options, "--dealers", demo.dealers()), number(options, "--stores", demo.stores()),
					number(options, "--months", demo.months()), demo.lastMonth());
			long seed = Long.parseLong(options.getOrDefault("--seed", Long.toString(DemoMarket.DEFAULT_SEED)));
			Path dir = Path.of(options.getOrDefault("--out", "target/demo-market"));
			long started = System.nanoTime();
			MarketDataset dataset = DemoMarket.generate(size, seed);
			dataset.writeCsv(dir);
			out.printf(Locale.ROOT, "wrote %s: %d regions × %d cities, seed %d, %d ms%n", dir.toAbsolutePath(),
					size.regions(), size.citiesPerRegion(), seed, (System.nanoTime() - started) / 1_000_000);
			dataset.tables()
				.forEach(table -> out.printf(Locale.ROOT, "  %-20s %,10d rows%n", table.kind() + ".csv",
						table.rows().size()));
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
	}

	private static int number(Map<String, String> options, String name, int otherwise) {
		return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
	}

}
