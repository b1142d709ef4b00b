#!/usr/bin/env bash
# Heap bytes the broker allocates per proxied request, a figure the machine's load barely moves (unlike req/s):
# the local stack of bench/proxy.sh, the broker as `./papi broker` starts it plus -Xlog:gc (and, with JFR=1, a
# JFR recording in profile settings kept in $PAPI_KEEP or /tmp/papi-proxy-alloc.jfr), a warm-up, then one wrk
# run through the proxy. Allocation = the young generation's fill between collections during the measured run.
# Usage: bench/proxy-alloc.sh [duration=10s] [connections=16]. Loopback only; bounded runs.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10s}"; conns="${2:-16}"
command -v wrk >/dev/null || { echo "bench: wrk is missing (bench/proxy.sh installs it)" >&2; exit 1; }
export PAPI_HOME="$(mktemp -d)"
base="${BENCH_PORT_BASE:-18100}"
api=$((base + 1)); token=$((base + 2)); broker=$((base + 3)); proxy=$((base + 4))
pids=()
stop_all() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop_all; rm -rf "$PAPI_HOME"' EXIT
wait_for() { for _ in $(seq 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "bench: $1 did not come up" >&2; exit 1; }
. bench/local-stack.sh
start_local_stack "$base" "$api" "$token"
gclog="$PAPI_HOME/gc.log"
jfr_out="${PAPI_KEEP:-/tmp/papi-proxy-alloc.jfr}"
extra="-Xlog:gc:file=$gclog"
[ "${JFR:-0}" = 1 ] && extra="$extra -XX:StartFlightRecording=settings=profile,filename=$jfr_out,dumponexit=true"
PAPI_JAVA_OPTS="$extra" PAPI_SKIP_BUILD=1 ./papi broker --account LOCAL --user SVC_DATA_API \
  --private-key "$PAPI_HOME/keys/rsa_key.p8" --role DATA_API_ROLE --endpoint 127.0.0.1:$api \
  --token-url http://127.0.0.1:$token/oauth/token --listen 127.0.0.1:$broker --proxy-listen 127.0.0.1:$proxy \
  --proxy-to http://127.0.0.1:$api >"$PAPI_HOME/broker.log" 2>&1 &
broker_pid=$!; pids+=($broker_pid)
wait_for "http://127.0.0.1:$broker/livez"
lua="$PAPI_HOME/ids.lua"; cat >"$lua" <<'LUA'
math.randomseed(943)
request = function() return wrk.format("GET", "/customer/" .. math.random(1, 943)) end
LUA
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$proxy/customer/22")"
[ "$code" = 200 ] || { echo "bench: a lookup through the proxy answered $code" >&2; exit 1; }
wrk -t2 -c"$conns" -d10s -s "$lua" "http://127.0.0.1:$proxy" >/dev/null   # warm-up
from=$(wc -l <"$gclog")
n="$(wrk -t2 -c"$conns" -d"$duration" -s "$lua" "http://127.0.0.1:$proxy" | awk '/requests in/ { print $1 }')"
sleep 0.2
# "Pause Young (Allocation Failure) 12M->3M(39M)": the fill since the last collection is before(i) - after(i-1)
tail -n +"$((from))" "$gclog" | awk -v n="$n" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
  /Pause/ { if (match($0, /[0-9]+M->[0-9]+M/)) { split(substr($0, RSTART, RLENGTH), a, /M->/); b = a[1] + 0; f = a[2] + 0
      if (seen) { sum += b - prev; gcs++ }; prev = f; seen = 1 } }
  END { printf "proxied %d requests; %d collections, %.0f MiB allocated: %.0f bytes per request; load %s\n",
        n, gcs, sum, (n > 0 ? sum * 1048576 / n : 0), load }'
