#!/usr/bin/env bash
# CI smoke test of the load-test kit, so that jmeter/papi.jmx cannot rot: starts the whole local stack
# (./papi quickstart, with its own PAPI_HOME in a temporary directory and free ports), writes the id file with
# `papi ids`, refreshes a header file every 5 s (so the plan re-reads it mid-run), runs a few hundred lookups
# through jmeter/run.sh, and fails unless the results file holds lookups and no errors. Stops everything it started.
# Sessions last 2 minutes: a refresh is a new JVM, which a busy CI machine can delay by tens of seconds, and the
# smoke test is about the plan, not about a race with a short token lifetime (docs/performance/load-test.md).
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
stack_pid="" loop_pid=""
stop() {
  local pid
  for pid in $loop_pid $stack_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $loop_pid $stack_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop EXIT

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 20); do
    p=$((20000 + RANDOM % 30000))
    in_use "$p" || { echo "$p"; return; }
  done
  fail "no free port found on 127.0.0.1"
}

say "building papi if needed..."
"$root/papi" --version >/dev/null
export PAPI_SKIP_BUILD=1 PAPI_HOME="$work/home"

api_port="$(free_port)"
token_port="$(free_port)"
[ "$api_port" != "$token_port" ] || token_port="$(free_port)"
say "starting ./papi quickstart on 127.0.0.1:$api_port (tokens on :$token_port) in $work"
"$root/papi" quickstart --api-port "$api_port" --token-port "$token_port" --session-lifetime 2m >"$work/quickstart.log" 2>&1 &
stack_pid=$!
for _ in $(seq 300); do
  grep -q '^Serving until Ctrl-C' "$work/quickstart.log" && break
  kill -0 "$stack_pid" 2>/dev/null || { tail -n 20 "$work/quickstart.log" >&2; fail "quickstart stopped before it was ready"; }
  sleep 0.5
done
grep -q '^Serving until Ctrl-C' "$work/quickstart.log" || { tail -n 20 "$work/quickstart.log" >&2; fail "quickstart was not ready within 150 s"; }
say "stack ready after $((SECONDS - started_at)) s"

"$root/papi" ids --out "$work/cust_ids.csv"

endpoint="127.0.0.1:$api_port"
"$root/jmeter/header-loop.sh" --header-file "$work/header" --every 5 -- --account LOCAL --user SVC_DATA_API \
  --private-key "$PAPI_HOME/keys/rsa_key.p8" --role DATA_API_ROLE --endpoint "$endpoint" \
  --token-url "http://127.0.0.1:$token_port/oauth/token" >"$work/header-loop.log" 2>&1 &
loop_pid=$!
for _ in $(seq 60); do [ -s "$work/header" ] && break; sleep 0.5; done
[ -s "$work/header" ] || { cat "$work/header-loop.log" >&2; fail "no session token within 30 s"; }

say "running $((rate * duration)) lookups ($rate/s for $duration s)..."
if ! "$root/jmeter/run.sh" --url "http://$endpoint" --header-file "$work/header" --ids "$work/cust_ids.csv" \
    --rate "$rate" --duration "${duration}s" --threads 4 --ramp-up 1s; then
  echo "--- header refreshes" >&2; cat "$work/header-loop.log" >&2
  echo "--- quickstart (last lines)" >&2; tail -n 15 "$work/quickstart.log" >&2
  fail "the load test had errors or no lookups (figures above)"
fi
say "passed in $((SECONDS - started_at)) s"
