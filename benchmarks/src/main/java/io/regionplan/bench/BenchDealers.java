package io.regionplan.bench;

import java.util.List;

import io.regionplan.rules.fact.Dealer;

/** The benchmarks' dealers, for benchmarks outside this package. */
public final class BenchDealers {

	private BenchDealers() {
	}

	public static List<Dealer> dealers(int count, long seed) {
		return DealerClassificationBenchmark.dealers(count, seed);
	}

}
