#!/usr/bin/env bash
# Measures local ingress auth and the local /oauth/token on loopback:
# cached and uncached session-token verification (ns/op), the key-pair JWT check alone (ns/op),
# and /oauth/token exchanges per second with latency percentiles.
# Usage: local-account/bench/verify.sh [clientThreads=4] [exchangeSeconds=5]
# Runs in about 30-60 s; every phase is bounded in count or time. Builds offline (-o) with test classes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="$root/local-account/target/bench.classpath"
mvn -B -o -q -pl local-account -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
# request logging at INFO would measure stderr; the benchmark reports the server's own work
exec java -Xms256m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$root/local-account/target/classes:$root/local-account/target/test-classes:$(cat "$classpath_file")" \
    io.papi.local.bench.VerifyBenchmark "$@"
