#!/usr/bin/env bash
# CI smoke test of the load-test kit, so that jmeter/papi.jmx cannot rot: starts the whole local stack
# (./papi quickstart, with its own PAPI_HOME in a temporary directory and free ports), writes the id file with
# `papi ids`, runs a few hundred lookups through jmeter/run.sh with the token from the quickstart's broker (its
# header file, refreshed during the run), and fails unless the results file holds lookups and no errors.
# Stops everything it started.
#
#   jmeter/smoke.sh            (needs Java 17 and Maven; JMeter comes from Maven Central; about 2 minutes)
#
# SMOKE_RATE and SMOKE_DURATION (seconds) change the run (default 25/s for 20 s: about 500 lookups).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rate="${SMOKE_RATE:-25}"
duration="${SMOKE_DURATION:-20}"
started_at=$SECONDS

say() { echo "smoke: $*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/papi-smoke.XXXXXX")"
stack_pid=""
stop() {
  if [ -n "$stack_pid" ]; then
    kill "$stack_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$stack_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
taken=" "
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 30000))
    if [[ "$taken" != *" $p "* ]] && ! in_use "$p"; then
      echo "$p"
      return
    fi
  done
  fail "no free port found on 127.0.0.1"
}

say "building papi if needed..."
"$root/papi" --version >/dev/null
export PAPI_SKIP_BUILD=1 PAPI_HOME="$work/home"

# $(free_port) runs in a subshell, so the ports already chosen travel in $taken by hand
api_port="$(free_port)"; taken=" $api_port "
token_port="$(free_port)"; taken="$taken$token_port "
broker_port="$(free_port)"; taken="$taken$broker_port "
proxy_port="$(free_port)"
# 75 s sessions: the broker refreshes a token when 60 s of its life remain (its minimum margin), i.e. every 15 s or
# so, so the header file changes during the run, while each token still has a minute of slack on a busy machine.
say "starting ./papi quickstart: API 127.0.0.1:$api_port, tokens :$token_port, broker :$broker_port, proxy :$proxy_port, in $work"
"$root/papi" quickstart --api-port "$api_port" --token-port "$token_port" --broker-port "$broker_port" \
  --proxy-port "$proxy_port" --session-lifetime 75s >"$work/quickstart.log" 2>&1 &
stack_pid=$!
for _ in $(seq 300); do
  grep -q '^Serving until Ctrl-C' "$work/quickstart.log" && break
  kill -0 "$stack_pid" 2>/dev/null || { tail -n 20 "$work/quickstart.log" >&2; fail "quickstart stopped before it was ready"; }
  sleep 0.5
done
grep -q '^Serving until Ctrl-C' "$work/quickstart.log" || { tail -n 20 "$work/quickstart.log" >&2; fail "quickstart was not ready within 150 s"; }
header="$PAPI_HOME/broker/header"
[ -s "$header" ] || fail "the quickstart's broker wrote no header file $header"
say "stack ready after $((SECONDS - started_at)) s"

"$root/papi" ids --out "$work/cust_ids.csv"

say "running $((rate * duration)) lookups ($rate/s for $duration s)..."
if ! "$root/jmeter/run.sh" --url "http://127.0.0.1:$api_port" --header-file "$header" --ids "$work/cust_ids.csv" \
    --rate "$rate" --duration "${duration}s" --threads 4 --ramp-up 1s; then
  echo "--- quickstart (last lines)" >&2; tail -n 20 "$work/quickstart.log" >&2
  fail "the load test had errors or no lookups (figures above)"
fi
say "passed in $((SECONDS - started_at)) s"
