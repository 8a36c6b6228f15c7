#!/usr/bin/env bash
# Measures the market-data import through the REST API: wall time per file and the JVM's peak heap
# (sampled with jstat every 200 ms). Usage: scripts/measure-import.sh demo|national
# Needs: a built jar (./mvnw -DskipTests package), curl, jstat (JDK). Runs a server on 127.0.0.1:18080.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-demo}
jar=$(ls target/regionplan-*.jar | head -1)
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; kill $sampler 2>/dev/null || true; rm -rf "$work"' EXIT

case "$size" in
  demo) gen_args=() ;;
  national) gen_args=(--cities 300 --dealers 5000 --stores 1000000) ;;
  *) echo "usage: $0 demo|national" >&2; exit 2 ;;
esac
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:$cp" io.regionplan.market.demo.DemoMarketCli --out "$work/csv" "${gen_args[@]}" > "$work/gen.log"

java -Xmx2g -jar "$jar" --server.port=18080 --server.address=127.0.0.1 --regionplan.data-dir="$work/data" \
  --regionplan.demo.market=false --spring.servlet.multipart.max-file-size=200MB \
  --spring.servlet.multipart.max-request-size=200MB > "$work/app.log" 2>&1 &
app=$!
until curl -sf http://127.0.0.1:18080/actuator/health > /dev/null; do sleep 0.5; done

peak=0
( while kill -0 $app 2>/dev/null; do jstat -gc $app | awk 'NR==2 {printf "%d\n", ($3+$4+$6+$8)}'; sleep 0.2; done ) > "$work/heap.log" &
sampler=$!

total_start=$(date +%s.%N)
for kind in regions channels cities adjacency dealers dealer-coverage stores sales competitors price-tiers headcount targets; do
  start=$(date +%s.%N)
  id=$(curl -s -u demo:demo -F kind=$kind -F file=@"$work/csv/$kind.csv" http://127.0.0.1:18080/api/market/imports \
    | sed 's/.*"id":"\([^"]*\)".*/\1/')
  while true; do
    report=$(curl -s -u demo:demo http://127.0.0.1:18080/api/market/imports/$id)
    case "$report" in *'"finishedAt":null'*) sleep 0.1 ;; *) break ;; esac
  done
  end=$(date +%s.%N)
  status=$(echo "$report" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
  rows=$(echo "$report" | sed 's/.*"rowsTotal":\([0-9-]*\).*/\1/')
  printf '%-16s %-9s %8s rows %7.2f s\n' "$kind" "$status" "$rows" "$(echo "$end - $start" | bc)"
done
total_end=$(date +%s.%N)
kill $sampler 2>/dev/null || true
peak_kb=$(sort -n "$work/heap.log" | tail -1)
printf 'total %.1f s, peak heap used %d MiB (jstat, sampled every 200 ms, -Xmx2g)\n' \
  "$(echo "$total_end - $total_start" | bc)" "$((peak_kb / 1024))"
