#!/usr/bin/env bash
# Measures warm KeyPairJwt.mint() with a 2048-bit key: mints/s and p50/p99 per mint, then the cost of reading
# a papi-encrypted key. Bounded: at most 200,000 mints per thread and 60 s per phase.
#
#   token-broker/bench/jwt-mint.sh [--warmup 2000] [--count 5000] [--threads 1] [--key-reads 3]
#
# From a clean checkout, after `mvn -B -q -DskipTests package` at the repository root (which also compiles the
# test classes the benchmark lives in). Set MVN_FLAGS=-o to keep Maven offline.
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
bench_class="$module/target/test-classes/io/papi/broker/bench/JwtMintBenchmark.class"
classpath_file="$module/target/bench.classpath"

cd "$root"
if [ ! -f "$bench_class" ] || [ -n "$(find "$module/src" -newer "$bench_class" -name '*.java' -print -quit)" ]; then
  echo "compiling token-broker..." >&2
  mvn -B -q ${MVN_FLAGS:-} -pl token-broker -DskipTests test-compile
fi
if [ ! -s "$classpath_file" ] || [ "$module/pom.xml" -nt "$classpath_file" ]; then
  mvn -B -q ${MVN_FLAGS:-} -pl token-broker dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
fi
exec java -cp "$module/target/classes:$module/target/test-classes:$(cat "$classpath_file")" \
  io.papi.broker.bench.JwtMintBenchmark "$@"
