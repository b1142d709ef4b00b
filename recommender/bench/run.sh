#!/usr/bin/env bash
# Runs a main class from the recommender's test sources with a 1 GiB heap, after compiling offline.
# Usage: recommender/bench/run.sh <ClassName in io.papi.recommender.bench> [args...]
#   recommender/bench/run.sh EaseBenchmark 5
#   recommender/bench/run.sh EvaluationReport [/path/to/ml-100k]
#   recommender/bench/run.sh ParameterSweep [/path/to/ml-100k]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
main="$1"
shift
mvn -B -o -q -pl recommender -am test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl recommender dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Xmx1g -cp "recommender/target/test-classes:recommender/target/classes:$(cat "$cp_file")" \
  "io.papi.recommender.bench.$main" "$@"
