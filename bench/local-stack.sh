# Sourced by bench/proxy.sh and bench/broker-jit.sh: the local stack both measure against, in $PAPI_HOME.
# start_local_stack BASE API_PORT TOKEN_PORT: `papi quickstart --exit` (keys, data, store) on ports BASE+10..BASE+13,
# then `papi local` (the token endpoint) and `papi serve --auth local` (cache on) on the given ports; their pids
# are added to the caller's `pids` array; returns once the API answers /healthz.
start_local_stack() {
  local base="$1" api="$2" token="$3"
  ./papi quickstart --exit --api-port $((base + 10)) --token-port $((base + 11)) --broker-port $((base + 12)) \
    --proxy-port $((base + 13)) >"$PAPI_HOME/qs.log" 2>&1 || { cat "$PAPI_HOME/qs.log" >&2; exit 1; }
  PAPI_SKIP_BUILD=1 ./papi local --port "$token" --session-lifetime 1h >"$PAPI_HOME/local.log" 2>&1 &
  pids+=($!)
  PAPI_SKIP_BUILD=1 ./papi serve --host 127.0.0.1 --port "$api" --auth local --cache-ttl 180s >"$PAPI_HOME/serve.log" 2>&1 &
  pids+=($!)
  local _
  for _ in $(seq 240); do curl -s -o /dev/null "http://127.0.0.1:$api/healthz" && return 0; sleep 0.25; done
  echo "bench: the lookup API on port $api did not come up" >&2
  exit 1
}
