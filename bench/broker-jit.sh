#!/usr/bin/env bash
# JVM options for `papi broker`, side by side: for each set of options given (added to the launcher's broker flags
# through PAPI_JAVA_OPTS; "" is the launcher's own), a fresh broker with its forwarding proxy in front of the
# lookup API; prints its resident memory at rest, its peak (VmHWM) and CPU per request under /token load, then the
# CPU per proxied request over three rounds, and the CPU it took to answer its first /token.
# Usage: bench/broker-jit.sh [duration=10s] [options...]   e.g. bench/broker-jit.sh 10s "" "-XX:-TieredCompilation"
# BENCH_PORT_BASE (default 18200) picks the loopback ports base+1..base+13. Bounded runs, loopback only.
# CPU per request is the broker JVM's user + system time over the run (from /proc), less sensitive to the
# machine's load than requests/s; quote every figure with the load printed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10s}"; shift || true
[ "$#" -gt 0 ] || set -- ""
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 2; }

export PAPI_HOME="$(mktemp -d)"
base="${BENCH_PORT_BASE:-18200}"
api=$((base + 1)); token=$((base + 2)); broker=$((base + 3)); proxy=$((base + 4))
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$PAPI_HOME"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
ticks() { cut -d')' -f2 "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
rss() { awk -v k="$2" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hz="$(getconf CLK_TCK)"
# wrk on a URL, then the broker's CPU per request in microseconds and the requests/s
cpu_run() { # pid, wrk options...
  local p="$1"; shift
  local t0 t1 out
  t0="$(ticks "$p")"; out="$(wrk "$@")"; t1="$(ticks "$p")"
  echo "$out" | awk -v t=$((t1 - t0)) -v hz="$hz" '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 }
    END { printf "%.0f req/s, %.0f us/req", r, (n > 0 ? t * 1e6 / hz / n : 0) }'
}

. bench/local-stack.sh
start_local_stack "$base" "$api" "$token"
lua="$PAPI_HOME/ids.lua"; cat >"$lua" <<'LUA'
math.randomseed(943)
request = function() return wrk.format("GET", "/customer/" .. math.random(1, 943)) end
LUA

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | sed -n 1p); wrk -t2 -c16 -d$duration"
for opts in "$@"; do
  PAPI_JAVA_OPTS="$opts" PAPI_SKIP_BUILD=1 ./papi broker --account LOCAL --user SVC_DATA_API \
    --private-key "$PAPI_HOME/keys/rsa_key.p8" --role DATA_API_ROLE --endpoint 127.0.0.1:$api \
    --token-url http://127.0.0.1:$token/oauth/token --listen 127.0.0.1:$broker \
    --proxy-listen 127.0.0.1:$proxy --proxy-to http://127.0.0.1:$api >"$PAPI_HOME/broker.log" 2>&1 &
  bp=$!; pids+=($bp)
  for _ in $(seq 480); do
    [ -f "$PAPI_HOME/broker/secret" ] && curl -sf -o /dev/null -H 'X-Papi-Broker: 1' \
      -H "Authorization: Bearer $(cat "$PAPI_HOME/broker/secret")" "http://127.0.0.1:$broker/token" && break
    sleep 0.05
  done
  secret="$(cat "$PAPI_HOME/broker/secret")"
  echo "== PAPI_JAVA_OPTS='$opts'"
  echo "   first /token after $(( $(ticks $bp) * 1000 / hz )) ms of CPU; resident at rest $(rss $bp VmRSS) MiB; load $(load)"
  auth=(-H 'X-Papi-Broker: 1' -H "Authorization: Bearer $secret")
  wrk -t2 -c16 -d5s "${auth[@]}" "http://127.0.0.1:$broker/token" >/dev/null
  echo "   /token: $(cpu_run $bp -t2 -c16 -d"$duration" "${auth[@]}" "http://127.0.0.1:$broker/token"); peak $(rss $bp VmHWM) MiB, resident after $(rss $bp VmRSS) MiB; load $(load)"
  wrk -t2 -c16 -d5s -s "$lua" "http://127.0.0.1:$proxy" >/dev/null
  for round in 1 2 3; do
    echo "   proxy round $round: $(cpu_run $bp -t2 -c16 -d"$duration" -s "$lua" "http://127.0.0.1:$proxy"); load $(load)"
  done
  kill -TERM $bp; wait $bp 2>/dev/null || true
done
