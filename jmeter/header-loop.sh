#!/usr/bin/env bash
# Keeps a header file fresh by running `papi token --header` every few seconds: a stand-in for
# `papi broker --header-file FILE` where the broker is not available. Like the broker, it replaces the file
# atomically (a 0600 temporary file in the same directory, synced, then renamed), so a reader such as
# jmeter/papi.jmx never sees half a token; a failed refresh keeps the previous file.
#
#   jmeter/header-loop.sh --header-file FILE [--every SECONDS] -- <papi token options, without --header>
#
# Runs until killed. Example, against ./papi quickstart's defaults:
#   jmeter/header-loop.sh --header-file /tmp/papi-header --every 240 -- --account LOCAL --user SVC_DATA_API \
#       --private-key ~/.papi/keys/rsa_key.p8 --role DATA_API_ROLE --endpoint 127.0.0.1:8001 \
#       --token-url http://127.0.0.1:8088/oauth/token
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
file=""
every=240

die() { echo "header-loop: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --header-file) [ $# -ge 2 ] || die "--header-file needs a path"; file="$2"; shift 2 ;;
    --every) [ $# -ge 2 ] || die "--every needs a number of seconds"; every="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1': see --help" ;;
  esac
done
[ -n "$file" ] || die "--header-file FILE is required"
[[ "$every" =~ ^[0-9]+$ ]] && [ "$every" -ge 1 ] || die "--every must be a whole number of seconds, not '$every'"
dir="$(dirname "$file")"
[ -d "$dir" ] || die "the directory $dir does not exist"

umask 077
# Logs when each token arrived and how long getting it took (a new JVM per refresh: on a starved machine that can
# exceed a short session lifetime, which the broker, refreshing in process, does not suffer from).
refresh() {
  local tmp started=$SECONDS hash
  tmp="$(mktemp "$dir/.$(basename "$file").XXXXXX")"
  if PAPI_SKIP_BUILD=1 "$root/papi" token "$@" --header >"$tmp" && [ -s "$tmp" ]; then
    sync "$tmp" 2>/dev/null || true
    mv -f "$tmp" "$file"
    hash="$(sed -n 's/.*Token="\([^"]*\)".*/\1/p' "$file" | tr -d '\n' | sha256sum | cut -c1-8)"
    echo "header-loop: $(date -u +%T) token sha256:$hash in $file (took $((SECONDS - started)) s)" >&2
  else
    rm -f "$tmp"
    echo "header-loop: refresh failed; keeping the previous $file" >&2
  fi
}

sleeper=""
trap '[ -z "$sleeper" ] || kill "$sleeper" 2>/dev/null; rm -f "$dir"/."$(basename "$file")".??????; exit 0' TERM INT
while true; do
  refresh "$@"
  sleep "$every" &
  sleeper=$!
  wait "$sleeper" || true
done
