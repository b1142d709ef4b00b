#!/usr/bin/env bash
# EASE benchmark: trains EASE on the default synthetic data (100,000 ratings) and ranks the top 10 for every user,
# with a 1 GiB heap, then times the other algorithms once. Figures go to docs/performance/recommender.md.
# Usage: recommender/bench/ease.sh [runs]     (run from anywhere; builds test classes offline first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -o -q -pl recommender -am test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl recommender dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -Xmx1g -cp "recommender/target/test-classes:recommender/target/classes:$(cat "$cp_file")" \
  io.papi.recommender.bench.EaseBenchmark "${1:-5}"
