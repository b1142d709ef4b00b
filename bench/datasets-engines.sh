#!/usr/bin/env bash
# DuckDB against H2 for the same e-commerce dataset definitions on one synthetic CSV (default 48,000 users, about
# 1 million rows): load, build the three datasets, write CSV. Two rounds each; prints wall times and the load average.
# Usage: bench/datasets-engines.sh [users=48000]
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-48000}"
mvn -B -q -o -pl datasets -am install -DskipTests
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -B -q -o -pl datasets dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
echo "before: $(uptime)"
java -Xmx2g -cp "datasets/target/test-classes:datasets/target/classes:$(cat "$cp")" io.papi.datasets.bench.EngineComparison "$users"
echo "after:  $(uptime)"
echo "machine: $(nproc) cores, shared with other work, so figures are noisy"
