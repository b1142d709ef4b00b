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
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
soak_class="$module/target/test-classes/io/papi/broker/bench/BrokerSoak.class"
classpath_file="$module/target/bench.classpath"

cd "$root"
if [ ! -f "$soak_class" ] || [ -n "$(find "$module/src" "$root/serving/src" -newer "$soak_class" -name '*.java' -print -quit)" ] \
   || [ ! -s "$classpath_file" ] || [ "$module/pom.xml" -nt "$classpath_file" ]; then
  # with -am, so that the serving module and its Jetty come from this checkout, not from whatever ~/.m2 holds
  echo "compiling token-broker..." >&2
  mvn -B -q ${MVN_FLAGS:-} -pl token-broker -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
fi
# broker logs at warn: the failures the faults cause are expected, and their count is in the figures
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.io.papi=error \
  -cp "$module/target/classes:$module/target/test-classes:$(cat "$classpath_file")" \
  io.papi.broker.bench.BrokerSoak "$@"
