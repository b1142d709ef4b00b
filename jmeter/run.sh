#!/usr/bin/env bash
# The papi load test in one command: runs jmeter/papi.jmx headless (JMeter 5.6.3 comes from Maven Central through
# jmeter/pom.xml; nothing to install), writes JMeter's HTML dashboard, and prints p50, p90, p95, p99, the achieved
# rate, the errors and the session tokens used. Exit code: 0 no errors, 1 errors or no lookups, 2 bad arguments.
#
#   jmeter/run.sh [--header-file FILE] [--rate N] [--duration 60s] [--mode miss|hit] [--url URL] [--ids FILE]
#                 [--threads N] [--ramp-up 5s] [--out DIR]
#
#   --header-file FILE  the Authorization line, kept fresh by `papi broker --header-file FILE`; re-read during
#                       the run whenever it changes (env PAPI_HEADER_FILE; default: the header file of the broker
#                       ./papi quickstart runs, $PAPI_HOME/broker/header, i.e. ~/.papi/broker/header)
#   --rate N            target requests per second across all threads (default 200)
#   --duration D        how long to send: 90, 90s, 5m or 1h (default 60s)
#   --mode miss|hit     miss: all threads share one pass over the ids (spread out, as many cache misses as the
#                       ids allow); hit: every thread walks the file on its own, so ids repeat (default miss)
#   --url URL           the API: http://127.0.0.1:8001 (default) or https://<ingress host> of an SPCS endpoint
#   --routes LIST       customer (default), or a mix picked at random per request: customer,similar,also-viewed,
#                       bought-together,most-viewed,best-sellers,most-popular,trending (docs/recipes.md)
#   --items FILE        item ids for the /item routes, one a line (default jmeter/item_ids.csv: the quickstart's)
#   --ids FILE          one id a line, e.g. from `papi ids` (default jmeter/cust_ids.csv: the quickstart's ids)
#   --threads N         JMeter threads; enough to hold the rate when each request takes a while (default 20)
#   --ramp-up D         time to start all threads (default 5s)
#   --out DIR           also copy the results, the dashboard and JMeter's log to DIR
#
# Example, with ./papi quickstart running:  jmeter/run.sh --rate 200 --duration 60s --mode miss
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
rate=200 duration=60s mode=miss url=http://127.0.0.1:8001 ids="$here/cust_ids.csv" threads=20 ramp_up=5s out="" routes=customer items="$here/item_ids.csv"
header_file="${PAPI_HEADER_FILE:-${PAPI_HOME:-$HOME/.papi}/broker/header}"

usage_error() { echo "run.sh: $*" >&2; exit 2; }
need_value() { [ "$2" -ge 2 ] || usage_error "$1 needs a value: see jmeter/run.sh --help"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --header-file) need_value "$1" $#; header_file="$2"; shift 2 ;;
    --rate) need_value "$1" $#; rate="$2"; shift 2 ;;
    --duration) need_value "$1" $#; duration="$2"; shift 2 ;;
    --mode) need_value "$1" $#; mode="$2"; shift 2 ;;
    --url) need_value "$1" $#; url="$2"; shift 2 ;;
    --ids) need_value "$1" $#; ids="$2"; shift 2 ;;
    --routes) need_value "$1" $#; routes="$2"; shift 2 ;;
    --items) need_value "$1" $#; items="$2"; shift 2 ;;
    --threads) need_value "$1" $#; threads="$2"; shift 2 ;;
    --ramp-up) need_value "$1" $#; ramp_up="$2"; shift 2 ;;
    --out) need_value "$1" $#; out="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage_error "unknown argument '$1': see jmeter/run.sh --help" ;;
  esac
done

# 90, 90s, 5m, 1h -> seconds
seconds() {
  local v="$1" flag="$2"
  [[ "$v" =~ ^([0-9]+)([smh]?)$ ]] || usage_error "$flag must be a whole number of seconds, minutes or hours (90, 90s, 5m, 1h), not '$v'"
  case "${BASH_REMATCH[2]}" in
    m) echo $((BASH_REMATCH[1] * 60)) ;;
    h) echo $((BASH_REMATCH[1] * 3600)) ;;
    *) echo $((10#${BASH_REMATCH[1]})) ;;
  esac
}
duration_s="$(seconds "$duration" --duration)"
ramp_up_s="$(seconds "$ramp_up" --ramp-up)"
[ "$duration_s" -ge 1 ] || usage_error "--duration must be at least 1s"
[[ "$rate" =~ ^[0-9]+([.][0-9]+)?$ ]] && [[ ! "$rate" =~ ^0+([.]0+)?$ ]] || usage_error "--rate must be a positive number of requests per second, not '$rate'"
[[ "$threads" =~ ^[0-9]+$ ]] && [ "$threads" -ge 1 ] || usage_error "--threads must be a whole number of at least 1, not '$threads'"
[[ "$mode" == miss || "$mode" == hit ]] || usage_error "--mode must be miss or hit, not '$mode'"
[[ "$url" =~ ^(https?)://([^/:]+)(:([0-9]+))?/?$ ]] || usage_error "--url must be http(s)://HOST[:PORT] with no path, not '$url'"
protocol="${BASH_REMATCH[1]}" host="${BASH_REMATCH[2]}" port="${BASH_REMATCH[4]}"
[ -n "$port" ] || { [ "$protocol" = https ] && port=443 || port=80; }
[ -s "$header_file" ] || usage_error "header file $header_file is missing or empty: start ./papi quickstart (its broker writes it), or \`papi broker --header-file FILE\` and pass --header-file FILE"
[ -s "$ids" ] || usage_error "id file $ids is missing or empty: write one with \`papi ids --out $ids\`"
header_file="$(readlink -f "$header_file")"
ids="$(readlink -f "$ids")"
command -v mvn >/dev/null || { echo "run.sh: Maven (mvn) is needed: install Maven 3.8+ and Java 17" >&2; exit 1; }

base="$protocol://$host:$port"
# The API's own cache counters, before and after, when curl is here and the file holds a whole header line
# (curl reads it with -H @FILE, so the token never shows in a process listing).
cache_counts() {
  command -v curl >/dev/null && head -1 "$header_file" | grep -qi '^Authorization:' || return 0
  curl -s -m 5 -H @"$header_file" "$base/metrics" 2>/dev/null |
    awk '/^papi_cache_lookups_total/ { if ($0 ~ /result="hit"/) h=$NF; if ($0 ~ /result="miss"/) m=$NF }
         END { if (h != "" || m != "") printf "%d %d\n", h, m }'
}
before="$(cache_counts || true)"

target="$here/target/jmeter"
log="$(mktemp "${TMPDIR:-/tmp}/papi-jmeter.XXXXXX")"
trap 'rm -f "$log"' EXIT
echo "run.sh: $base at $rate requests/s for ${duration_s}s, mode $mode, $threads threads, ids $ids"
echo "run.sh: JMeter starting (Maven fetches it from Maven Central on first use)..."
# `clean`: the plugin unpacks a fresh JMeter under target/ on every run; without it they pile up.
mvn -B -f "$here/pom.xml" clean verify \
    -Dpapi.protocol="$protocol" -Dpapi.host="$host" -Dpapi.port="$port" -Dpapi.rate="$rate" \
    -Dpapi.duration="$duration_s" -Dpapi.rampUp="$ramp_up_s" -Dpapi.threads="$threads" -Dpapi.mode="$mode" \
    -Dpapi.headerFile="$header_file" -Dpapi.idsFile="$ids" -Dpapi.routes="$routes" -Dpapi.itemsFile="$(readlink -f "$items")" 2>&1 | tee "$log" | grep --line-buffered -E '^\[INFO\] summary [+=]' || true
if ! grep -q 'BUILD SUCCESS' "$log"; then
  tail -n 40 "$log" >&2
  echo "run.sh: the JMeter run failed (Maven's output above)" >&2
  exit 1
fi

results="$target/results/papi.csv"
report="$target/reports/papi"
set +e
java "$here/ResultsSummary.java" "$results" "$report/statistics.json" "$rate"
status=$?
set -e
after="$(cache_counts || true)"
if [ -n "$before" ] && [ -n "$after" ]; then
  read -r h0 m0 <<<"$before"
  read -r h1 m1 <<<"$after"
  echo "cache       $((h1 - h0)) hits, $((m1 - m0)) misses during the run (the API's /metrics, per id)"
fi
echo "report      $report/index.html"
echo "jmeter log  $target/logs/papi.jmx.log"
if [ -n "$out" ]; then
  mkdir -p "$out"
  cp "$results" "$target/logs/papi.jmx.log" "$out/"
  rm -rf "$out/dashboard"
  cp -r "$report" "$out/dashboard"
  echo "copied to   $out"
fi
exit "$status"
