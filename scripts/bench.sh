#!/usr/bin/env bash
# Runs the JMH benchmarks of issue 9 (not part of ./mvnw verify) and prints their table.
#   scripts/bench.sh                          # all benchmarks
#   scripts/bench.sh DealerClassification     # those whose name matches
#   scripts/bench.sh engine [cycles completions clients] [mem|postgres] [audit]   # cycles/s and REST completions (not JMH);
#                                             # postgres: on a throwaway local PostgreSQL (Debian's postgresql package)
#   scripts/bench.sh audit [rounds]               # a rule task over 5,000 dealers in a process, audit on vs off
#   scripts/bench.sh national                 # national import, then a decision pass over all regions
# Extra JMH options after the pattern, e.g. scripts/bench.sh Dealer -f 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
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
