#!/usr/bin/env bash
# Runs the JMH benchmarks of issue 9 (module benchmarks/, not part of ./mvnw verify) and prints their table.
#   scripts/bench.sh                          # all benchmarks
#   scripts/bench.sh DealerClassification     # those whose name matches
#   scripts/bench.sh engine [cycles completions clients] [mem|postgres] [audit]   # cycles/s and REST completions (not JMH);
#                                             # postgres: on a throwaway local PostgreSQL (Debian's postgresql package)
#   scripts/bench.sh audit [rounds]               # a rule task over 5,000 dealers in a process, audit on vs off
#   scripts/bench.sh national                 # national import, then a decision pass over all regions
# Extra JMH options after the pattern, e.g. scripts/bench.sh Dealer -f 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
# the application and the benchmarks module (benchmarks/) in one reactor; the module writes its classpath,
# the application's classes and test classes included, to benchmarks/target/bench.classpath
./mvnw -q -B -f benchmarks/reactor.xml test-compile -Dspring-javaformat.skip=true
CP="benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
if [ "${1:-}" = "national" ]; then
  # generates the national market, imports it in-process, then times decision passes over every region
  exec java -Xmx2g -cp "$CP" io.regionplan.bench.NationalDecisionPass
fi
if [ "${1:-}" = "audit" ]; then
  # one dealer-classification rule task over 5,000 dealers inside a process, decision audit on vs off
  shift
  exec java -Xmx2g -cp "$CP" io.regionplan.bench.ProcessAuditBenchmark "$@"
fi
if [ "${1:-}" = "engine" ]; then
  # the whole application: planning cycles per second and REST completions by 16 clients
  shift
  exec java -Xmx2g -cp "$CP" io.regionplan.bench.EngineBenchmark "$@"
fi
pattern="${1:-io.regionplan.bench.*Benchmark}"
shift || true
exec java -cp "$CP" org.openjdk.jmh.Main "$pattern" "$@"
