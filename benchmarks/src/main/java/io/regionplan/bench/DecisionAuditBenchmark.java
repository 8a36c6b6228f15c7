package io.regionplan.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.decision.DecisionAuditBench;
import io.regionplan.rules.CompiledRuleSet;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.RuleSets;
import io.regionplan.rules.fact.Dealer;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dealers classified per second (one session of 5,000 dealers, warm) and the cost of the
 * decision audit (subjects, JSON, JDBC batch into H2) relative to the evaluation. Not a
 * test: run it by hand from the repository's folder after {@code scripts/bench.sh} has
 * built the module, {@code java -cp
 * benchmarks/target/classes:$(cat benchmarks/target/bench.classpath) io.regionplan.bench.DecisionAuditBenchmark}.
 */
public final class DecisionAuditBenchmark {

	public static void main(String[] args) throws Exception {
		int dealers = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		CompiledRuleSet rules = RuleSets.compile("dealer-classification");
		List<Dealer> facts = dealers(dealers, 20270101L);
		RuleSetVersion version = new RuleSetVersion(rules.name(), "bench", rules.contentHash());

		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
		JdbcTemplate jdbc = new JdbcTemplate(h2);
		jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V2__decisions.sql")));
		DecisionAuditBench audit = new DecisionAuditBench(jdbc, new ObjectMapper().findAndRegisterModules());

		int rounds = 30;
		long[] evaluate = new long[rounds];
		long[] record = new long[rounds];
		for (int warmup = 0; warmup < 20; warmup++) {
			audit.record(rules.run(version, facts, 1_000_000));
		}
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			RuleRun run = rules.run(version, facts, 1_000_000);
			long evaluated = System.nanoTime();
			audit.record(run);
			long recorded = System.nanoTime();
			evaluate[i] = evaluated - start;
			record[i] = recorded - evaluated;
		}
		double evaluateMs = median(evaluate) / 1e6;
		double recordMs = median(record) / 1e6;
		System.out.printf("dealers %d, rounds %d (medians)%n", dealers, rounds);
		System.out.printf("evaluate: %.1f ms = %.0f dealers/s%n", evaluateMs, dealers / (evaluateMs / 1000));
		System.out.printf("audit (subjects, JSON, JDBC batch): %.1f ms%n", recordMs);
		System.out.printf("evaluate + audit: %.1f ms, audit overhead ratio %.2f×%n", evaluateMs + recordMs,
				(evaluateMs + recordMs) / evaluateMs);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	static List<Dealer> dealers(int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Dealer> dealers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			BigDecimal growth = BigDecimal.valueOf(random.nextDouble(-0.4, 0.4)).setScale(4, RoundingMode.HALF_UP);
			dealers.add(new Dealer("D" + i, "r" + i % 25, "经销商" + i, BigDecimal.valueOf(random.nextLong(1, 10_000_000)),
					random.nextInt(20) == 0 ? null : growth,
					BigDecimal.valueOf(i).divide(BigDecimal.valueOf(count - 1), 6, RoundingMode.HALF_UP),
					BigDecimal.valueOf(random.nextDouble(0.2, 1.2)).setScale(4, RoundingMode.HALF_UP),
					random.nextInt(20) == 0 ? random.nextInt(91, 200) : random.nextInt(0, 60),
					random.nextInt(30) == 0 ? 2 : 0));
		}
		return dealers;
	}

}
