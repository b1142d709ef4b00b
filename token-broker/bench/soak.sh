#!/usr/bin/env bash
# Soak of papi broker: 20 s tokens, faults injected at a WireMock token endpoint in stretches (resets, timeouts,
# 429 with Retry-After, a 503 burst longer than a token's life, garbage bodies, tokens expired on arrival, a rejected
# JWT), 16 callers polling the token API. Prints its figures and PASS/FAIL for: no expired token handed out, no 503
# while a valid token existed, broker threads and open file descriptors flat. Exit code 0 only when all pass.
# Bounded: --seconds 30..900 (default 255), 16 callers with --pause-ms between calls (default 50).
#
#   token-broker/bench/soak.sh [--seconds 255] [--pause-ms 50]
#
# Set MVN_FLAGS=-o to keep Maven offline.
set -euo pipefail
source "$(dirname "$0")/classpath.sh"
classpath="$(bench_classpath io.papi.broker.bench.BrokerSoak)"
# broker logs at warn: the failures the faults cause are expected, and their count is in the figures
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.io.papi=error \
  -cp "$classpath" io.papi.broker.bench.BrokerSoak "$@"
