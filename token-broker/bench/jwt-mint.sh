#!/usr/bin/env bash
# Measures warm KeyPairJwt.mint() with a 2048-bit key: mints/s and p50/p99 per mint, then the cost of reading
# a papi-encrypted key. Bounded: at most 200,000 mints per thread and 60 s per phase.
#
#   token-broker/bench/jwt-mint.sh [--warmup 2000] [--count 5000] [--threads 1] [--key-reads 3]
#
# Compiles what it needs first (see classpath.sh). Set MVN_FLAGS=-o to keep Maven offline.
set -euo pipefail
source "$(dirname "$0")/classpath.sh"
classpath="$(bench_classpath io.papi.broker.bench.JwtMintBenchmark)"
exec java -cp "$classpath" io.papi.broker.bench.JwtMintBenchmark "$@"
