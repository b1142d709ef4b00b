#!/usr/bin/env bash
# The lookup API as users run it, with local token auth ON, measured with wrk on loopback.
# `papi quickstart --exit` prepares a local account (data, key, user); then `papi local` serves /oauth/token and
# `papi serve --auth local` serves the API, once with the cache (TTL 180 s) and once without (TTL 0: every
# request reads H2). Each API process owns its store, as in a deployment. wrk sends a session token from
# `papi token --header` with every request, one random id 1..943 per request.
# Usage: bench/api-serve.sh [duration=15s] [connections=32]
# wrk shares the machine's cores with the server: say so when quoting the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15s}"; conns="${2:-32}"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
export PAPI_HOME="$(mktemp -d)"
api=18001; token=18088
pids=()
stop_all() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop_all; rm -rf "$PAPI_HOME"' EXIT

./papi quickstart --exit --api-port $api --token-port $token --broker-port 18081 --proxy-port 18082 >"$PAPI_HOME/qs.log" 2>&1 \
  || { cat "$PAPI_HOME/qs.log" >&2; exit 1; }
PAPI_SKIP_BUILD=1 ./papi local --port $token >"$PAPI_HOME/local.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do grep -q "Token URL" "$PAPI_HOME/local.log" && break; sleep 0.5; done
header="$(PAPI_SKIP_BUILD=1 ./papi token --account LOCAL --user SVC_DATA_API --private-key "$PAPI_HOME/keys/rsa_key.p8" \
  --role DATA_API_ROLE --endpoint 127.0.0.1:$api --token-url http://127.0.0.1:$token/oauth/token --header)"
lua="$(mktemp)"; cat >"$lua" <<'LUA'
math.randomseed(943)
request = function() return wrk.format("GET", "/customer/" .. math.random(1, 943)) end
LUA

run() { # name cache-ttl [wrk-lua-script, default: /customer]
  PAPI_SKIP_BUILD=1 ./papi serve --host 127.0.0.1 --port $api --auth local --cache-ttl "$2" >"$PAPI_HOME/serve-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$api/healthz" >/dev/null && break; sleep 0.5; done
  curl -sf -H "$header" "http://127.0.0.1:$api/customer/22" >/dev/null || { echo "$1: the authenticated lookup failed" >&2; exit 1; }
  curl -s -o /dev/null -w "$1: without a token -> %{http_code}\n" "http://127.0.0.1:$api/customer/22"
  local script="${3:-$lua}"
  wrk -t2 -c"$conns" -d10s -s "$script" -H "$header" "http://127.0.0.1:$api" >/dev/null    # warm-up: JIT, caches
  echo "== $1 (cache ttl $2), wrk -t2 -c$conns -d$duration, local token auth on"
  wrk -t2 -c"$conns" -d"$duration" --latency -s "$script" -H "$header" "http://127.0.0.1:$api" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%|Latency  "
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | sed -n 1p)"
run cached 180s
run uncached 0
# Item-to-item lists (issue 12, docs/recipes.md): the quickstart publishes them; one random item of 200 a request,
# skipping SKU-7, SKU-47, ...: the generator gives those ids characters the id grammar refuses, on purpose.
item_lua="$(mktemp)"; cat >"$item_lua" <<'LUA'
math.randomseed(200)
request = function()
  local i = math.random(0, 199)
  if i % 40 == 7 then i = i + 1 end
  return wrk.format("GET", "/item/SKU-" .. i .. "/similar")
end
LUA
run cached-item-similar 180s "$item_lua"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
