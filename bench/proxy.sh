#!/usr/bin/env bash
# First /token of a fresh papi broker at 16 connections, with its resident memory at rest and its peak (VmHWM)
# under that load. Then the broker's forwarding proxy against nginx's proxy_pass, in one run: the same lookup API
# behind both (papi serve --auth local, cache on), both adding the same Authorization header, the same wrk load
# (random ids 1..943), in alternating rounds so that the machine's load hits both alike.
# The broker runs as `./papi broker` starts it, with the launcher's sidecar JVM settings.
# Installs nginx (Debian's nginx-light) and wrk when they are missing. Loopback only; bounded runs.
# Usage: bench/proxy.sh [duration=10s] [connections=16] [rounds=3]
# wrk, nginx and the JVMs share the machine's cores: quote the figures with the load printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10s}"; conns="${2:-16}"; rounds="${3:-3}"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "bench: installing ${need[*]} from Debian" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

export PAPI_HOME="$(mktemp -d)"
base="${BENCH_PORT_BASE:-18100}"  # ports base+1..base+13 on loopback
api=$((base + 1)); token=$((base + 2)); broker=$((base + 3)); proxy=$((base + 4)); nginx_port=$((base + 5))
pids=()
stop_all() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap 'stop_all; rm -rf "$PAPI_HOME"' EXIT
wait_for() { for _ in $(seq 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "bench: $1 did not come up" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

. bench/local-stack.sh
start_local_stack "$base" "$api" "$token"
PAPI_SKIP_BUILD=1 ./papi broker --account LOCAL --user SVC_DATA_API --private-key "$PAPI_HOME/keys/rsa_key.p8" \
  --role DATA_API_ROLE --endpoint 127.0.0.1:$api --token-url http://127.0.0.1:$token/oauth/token \
  --listen 127.0.0.1:$broker --proxy-listen 127.0.0.1:$proxy --proxy-to http://127.0.0.1:$api >"$PAPI_HOME/broker.log" 2>&1 &
broker_pid=$!; pids+=($broker_pid)
wait_for "http://127.0.0.1:$broker/livez"
secret="$(cat "$PAPI_HOME/broker/secret")"
header="$(curl -sf -H 'X-Papi-Broker: 1' -H "Authorization: Bearer $secret" "http://127.0.0.1:$broker/header?min_valid=30m")"

# wrk's figures: requests/s and the p99 in ms
measure() { # url, then wrk's own options
  local url="$1"; shift
  wrk -t2 -c"$conns" -d"$duration" --latency "$@" "$url" | awk '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    $1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; p99 = v }
    END { printf "%.0f %.2f %s %d\n", rps, p99, (bad == "" ? 0 : bad), n }'
}
# CPU time (user + system, in clock ticks) the given processes have used so far, all their threads included
ticks() { for p in "$@"; do cut -d')' -f2 "/proc/$p/stat"; done | awk '{ s += $12 + $13 } END { print s + 0 }'; }
hz="$(getconf CLK_TCK)"
# measure, and the CPU the proxy's processes (the first argument, quoted) spent per request, in microseconds
measure_cpu() { # "pids", url, then wrk's own options
  local procs="$1"; shift
  local before after r p b n
  before="$(ticks $procs)"
  read -r r p b n < <(measure "$@")
  after="$(ticks $procs)"
  echo "$r $p $b $(awk -v t=$((after - before)) -v n="$n" -v hz="$hz" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
}
rss() { awk -v k="$2" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | sed -n 1p); load $(load)"
echo "# /token at 16 connections, the broker fresh; resident at rest: $(rss $broker_pid VmRSS) MiB (peak so far $(rss $broker_pid VmHWM) MiB)"
wrk -t2 -c16 -d5s -H 'X-Papi-Broker: 1' -H "Authorization: Bearer $secret" "http://127.0.0.1:$broker/token" >/dev/null
read -r r p b _ < <(conns=16 measure "http://127.0.0.1:$broker/token" -H 'X-Papi-Broker: 1' -H "Authorization: Bearer $secret")
echo "/token: $r req/s, p99 $p ms, non-2xx $b (target >= 40000); broker peak resident (VmHWM) $(rss $broker_pid VmHWM) MiB (target <= 128); load $(load)"

# nginx with the header the broker handed out: the same value papi's proxy adds
conf="$PAPI_HOME/nginx.conf"
cat >"$conf" <<NGINX
worker_processes auto;
daemon off;
pid $PAPI_HOME/nginx.pid;
error_log $PAPI_HOME/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PAPI_HOME/nginx-body;
  proxy_temp_path $PAPI_HOME/nginx-proxy;
  upstream api { server 127.0.0.1:$api; keepalive 32; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization '${header#Authorization: }';
      proxy_set_header Cookie "";
      proxy_hide_header Set-Cookie;
    }
  }
}
NGINX
"$nginx_bin" -c "$conf" -p "$PAPI_HOME" &
nginx_pid=$!; pids+=($nginx_pid)
wait_for "http://127.0.0.1:$nginx_port/healthz"
nginx_workers="$(pgrep -P "$nginx_pid" | tr '\n' ' ')"

lua="$PAPI_HOME/ids.lua"; cat >"$lua" <<'LUA'
math.randomseed(943)
request = function() return wrk.format("GET", "/customer/" .. math.random(1, 943)) end
LUA
for target in "nginx $nginx_port" "papi $proxy"; do
  set -- $target
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/customer/22")"
  [ "$code" = 200 ] || { echo "bench: a lookup through $1 answered $code" >&2; exit 1; }
  wrk -t2 -c"$conns" -d5s -s "$lua" "http://127.0.0.1:$2" >/dev/null    # warm-up: JIT, connection pools, caches
done

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | sed -n 1p), $("$nginx_bin" -v 2>&1)"
echo "# wrk -t2 -c$conns -d$duration, the lookup API (cache on) behind both; load before: $(load)"
printf '%-6s %-6s %10s %9s %8s %8s  %s\n' round proxy "req/s" "p99 ms" non-2xx "cpu us/r" "load (1/5/15 min)"
nginx_rps=(); nginx_p99=(); papi_rps=(); papi_p99=()
for round in $(seq "$rounds"); do
  read -r r p b c < <(measure_cpu "$nginx_workers" "http://127.0.0.1:$nginx_port" -s "$lua"); nginx_rps+=("$r"); nginx_p99+=("$p")
  printf '%-6s %-6s %10s %9s %8s %8s  %s\n' "$round" nginx "$r" "$p" "$b" "$c" "$(load)"
  read -r r p b c < <(measure_cpu "$broker_pid" "http://127.0.0.1:$proxy" -s "$lua"); papi_rps+=("$r"); papi_p99+=("$p")
  printf '%-6s %-6s %10s %9s %8s %8s  %s\n' "$round" papi "$r" "$p" "$b" "$c" "$(load)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
awk -v nr="$(median "${nginx_rps[@]}")" -v pr="$(median "${papi_rps[@]}")" -v np="$(median "${nginx_p99[@]}")" \
    -v pp="$(median "${papi_p99[@]}")" 'BEGIN {
  printf "medians: nginx %.0f req/s p99 %.2f ms; papi %.0f req/s p99 %.2f ms\n", nr, np, pr, pp
  printf "papi/nginx: %.2fx the requests/s (target >= 0.80), %.2fx the p99 (target <= 1.50)\n", pr / nr, pp / np }'

