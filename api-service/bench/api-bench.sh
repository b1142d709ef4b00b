#!/usr/bin/env bash
# Loopback load test of the lookup API with wrk, against BenchServer (src/test/java/io/papi/api/bench): an H2
# store holding 943 synthetic users' recommendations, single random id per request.
#
#   api-service/bench/api-bench.sh [scenario ...]
#     scenarios: cached  uncached  cached-auth  uncached-auth   (default: all four)
#     cached = cache TTL 180 s (warmed first); uncached = TTL 0, every request reads H2;
#     -auth  = behind an IngressAuth that looks the session token up in a map (sent by wrk as a header);
#              AUTH=map-blocking declares it as possibly blocking, to measure the thread hand-off that costs
#
#   env: WRK_THREADS (2)  WRK_CONNECTIONS (32)  DURATION (10s)
#        WARMUP_REQUESTS (150000): warm-up runs of 5 s repeat until this many requests were answered (at most
#        60 s), so the JIT has finished before measuring even when the machine is busy
#        REPEAT (1): measured runs per scenario, each printed
#        SERVER_OPTS   extra BenchServer options, e.g. "--max-threads=16 --store-threads=4 --h2-mode=hikari --h2-pool=4"
#        JAVA_OPTS     JVM options for the server (default -Xms256m -Xmx256m)
#
# wrk and the server share this machine's cores: say how many when quoting the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."

WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP_REQUESTS=${WARMUP_REQUESTS:-150000}
REPEAT=${REPEAT:-1}
SERVER_OPTS=${SERVER_OPTS:-}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=(cached uncached cached-auth uncached-auth)

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }

mvn -B -o -q -pl api-service -am test-compile
CP_FILE="$PWD/api-service/target/bench.classpath"
mvn -B -o -q -pl api-service dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="api-service/target/test-classes:api-service/target/classes:$(cat "$CP_FILE")"
LUA=api-service/bench/random-id.lua
WORK=$(mktemp -d)
SERVER_PID=

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$DURATION (warm-up >= $WARMUP_REQUESTS requests)"
echo "# server: $JAVA_OPTS $SERVER_OPTS"
printf '%-14s %10s %9s %9s %9s %8s %12s\n' scenario req/s p50 p90 p99 non-2xx cpu-us/req

for scenario in "${SCENARIOS[@]}"; do
  case $scenario in
    cached) ttl=180; auth=none ;;
    uncached) ttl=0; auth=none ;;
    cached-auth) ttl=180; auth=${AUTH:-map} ;;
    uncached-auth) ttl=0; auth=${AUTH:-map} ;;
    *) echo "unknown scenario $scenario (cached, uncached, cached-auth, uncached-auth)" >&2; exit 2 ;;
  esac
  log="$WORK/$scenario.server.log"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.papi.api.bench.BenchServer \
    --cache-ttl-seconds=$ttl --auth=$auth --max-seconds=300 $SERVER_OPTS >"$log" 2>&1 &
  SERVER_PID=$!
  port=
  for _ in $(seq 1 120); do
    port=$(sed -n 's/^READY port=\([0-9]*\).*/\1/p' "$log")
    [ -n "$port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$port" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }
  header=()
  [ "$auth" != none ] && header=(-H 'Authorization: Snowflake Token="bench-session-token"')
  url="http://127.0.0.1:$port/"
  warmed=0
  for _ in $(seq 1 12); do
    n=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d5s -s "$LUA" "${header[@]}" "$url" | awk '/requests in/ {print $1}')
    n=${n:-0}
    warmed=$((warmed + n))
    [ "$warmed" -ge "$WARMUP_REQUESTS" ] && break
  done
  for run in $(seq 1 "$REPEAT"); do
    out="$WORK/$scenario.$run.wrk"
    # server CPU time (user+system) spent during the measured run: a figure other load on the machine
    # disturbs far less than req/s
    cpu_before=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "${header[@]}" "$url" >"$out"
    cpu_after=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
    requests=$(awk '/requests in/ {print $1}' "$out")
    cpu_us=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "%.0f", (b - a) * 1000000 / hz / n }')
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p50=$(awk '$1=="50%" {print $2}' "$out")
    p90=$(awk '$1=="90%" {print $2}' "$out")
    p99=$(awk '$1=="99%" {print $2}' "$out")
    bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
    errors=$(grep -o 'Socket errors:.*' "$out" || true)
    printf '%-14s %10s %9s %9s %9s %8s %12s %s\n' "$scenario" "$rps" "$p50" "$p90" "$p99" "${bad:-0}" "$cpu_us" "$errors"
  done
  stop_server
done
