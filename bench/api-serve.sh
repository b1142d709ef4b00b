#!/usr/bin/env bash
# The lookup API as users run it, with local token auth ON: `papi quickstart` (local account, API behind the
# local session-token check, broker) plus a second `papi serve --cache-ttl 0` on the same store for the
# uncached figures. wrk sends the broker's Authorization header with every request.
# Usage: bench/api-serve.sh [duration=15s] [connections=32]
# Prints wrk's summary and latency percentiles for: cached (TTL 180 s, single random id 1..943) and
# uncached (TTL 0, every request reads H2). wrk shares the machine's cores with the server: say so when quoting.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15s}"; conns="${2:-32}"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
export PAPI_HOME="$(mktemp -d)"
api=18001; token=18088; broker=18081; proxy=18082; uncached=18011
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$PAPI_HOME"; }
trap cleanup EXIT
./papi quickstart --api-port $api --token-port $token --broker-port $broker --proxy-port $proxy >"$PAPI_HOME/qs.log" 2>&1 &
pids+=($!)
for _ in $(seq 180); do [ -s "$PAPI_HOME/broker/header" ] && grep -q "Serving until" "$PAPI_HOME/qs.log" && break; sleep 1; done
grep -q "Serving until" "$PAPI_HOME/qs.log" || { cat "$PAPI_HOME/qs.log" >&2; echo "quickstart did not come up" >&2; exit 1; }
PAPI_SKIP_BUILD=1 ./papi serve --host 127.0.0.1 --port $uncached --auth local --endpoint 127.0.0.1:$api --cache-ttl 0 \
  >"$PAPI_HOME/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$uncached/healthz" >/dev/null && break; sleep 1; done

header="$(cat "$PAPI_HOME/broker/header")"
lua="$(mktemp)"; cat >"$lua" <<'LUA'
math.randomseed(943)
request = function() return wrk.format("GET", "/customer/" .. math.random(1, 943)) end
LUA
run() { # name port
  curl -sf -H "$header" "http://127.0.0.1:$2/customer/22" >/dev/null || { echo "$1: the authenticated lookup failed" >&2; exit 1; }
  wrk -t2 -c"$conns" -d10s -s "$lua" -H "$header" "http://127.0.0.1:$2" >/dev/null    # warm-up: JIT, caches
  echo "== $1 (port $2), wrk -t2 -c$conns -d$duration, local token auth on"
  wrk -t2 -c"$conns" -d"$duration" --latency -s "$lua" -H "$header" "http://127.0.0.1:$2" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%|Latency  "
}
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
run cached $api
run uncached $uncached
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
