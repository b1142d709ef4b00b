#!/usr/bin/env bash
# The e-commerce dataset build on 10 million synthetic Snowplow events, on the embedded engine (DuckDB), with the
# Java heap capped at 2 GiB. Prints the build's own figures (wall time, peak Java heap, peak resident memory), the
# time of the whole command (build + validation) and the machine's load beside them.
# Usage: bench/datasets-build.sh [users=480000] [csv|parquet]
#   480,000 users make ~10.0 million rows (about 21 a user). The events are generated once into $PAPI_BENCH_DIR
#   (default /tmp/papi-bench-datasets, ~1.8 GB) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-480000}"
input="${2:-csv}"
work="${PAPI_BENCH_DIR:-/tmp/papi-bench-datasets}"
jar=cli/target/papi.jar
[ -f "$jar" ] || mvn -B -q -o -pl cli -am install -DskipTests
papi() { java -Xmx2g -jar "$jar" "$@"; }
events="$work/events-$users"
if [ ! -f "$events/snowplow_ecommerce_product_interactions.parquet" ]; then
  mkdir -p "$events"
  t0=$(date +%s%N)
  papi data generate --kind ecommerce --users "$users" --out "$events" --force
  echo "generated in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
fi
file="$events/snowplow_ecommerce_product_interactions.$input"
echo "input: $file ($(du -h "$file" | cut -f1), $(( $(wc -l < "$events/snowplow_ecommerce_product_interactions.csv") - 1 )) rows)"
rm -rf "$work/out"
echo "before: $(uptime)"
t0=$(date +%s%N)
papi datasets ecommerce --events "$file" --out "$work/out" 2>"$work/validate.err" || echo "exit $?"
t1=$(date +%s%N)
echo "after:  $(uptime)"
echo "whole command (build + validation): $(( (t1 - t0) / 1000000 )) ms"
echo "validation lines on stderr: $(wc -l < "$work/validate.err")"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); the machine is shared, so figures are noisy"
