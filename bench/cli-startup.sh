#!/usr/bin/env bash
# Start-to-exit wall time of `papi jwt` and `papi fingerprint` from the release archive, side by side with a small
# Python equivalent of the guide's generateJWT.py (bench/generate_jwt.py: python3 + PyJWT from Debian, i.e.
# apt-get install python3-jwt) on the same key, and `./papi jwt` from the source checkout for reference.
# Usage: bench/cli-startup.sh [runs=20]      (needs `mvn -B -DskipTests package` first: it unpacks the archive)
# The runs of the four commands are interleaved, so a change in the machine's load hits them alike; the figures
# are still noisy on a shared machine: the load average is printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
python=/usr/bin/python3
"$python" -c 'import jwt, cryptography' 2>/dev/null \
  || { echo "cli-startup: needs Debian's python3 with PyJWT: apt-get install -y python3-jwt" >&2; exit 2; }
archive="$(ls cli/target/papi-*-linux-x64.tar.gz 2>/dev/null | head -1)"
[ -n "$archive" ] || { echo "cli-startup: no release archive: run mvn -B -DskipTests package first" >&2; exit 2; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
papi="$(ls -d "$work"/papi-*/)bin/papi"
export PAPI_HOME="$work/home"
"$papi" keygen --out "$work/keys" >/dev/null
key="$work/keys/rsa_key.p8"
account=xy12345.us-east-1.aws
user=SVC_DATA_API

# each command once, to check it works and to warm the OS file cache
[ "$("$papi" fingerprint "$key")" = "$("$python" bench/generate_jwt.py "$account" "$user" "$key" --fingerprint)" ] \
  || { echo "cli-startup: papi and the Python script disagree on the fingerprint" >&2; exit 1; }
"$papi" jwt --account "$account" --user "$user" --private-key "$key" >/dev/null
PAPI_SKIP_BUILD=1 ./papi jwt --account "$account" --user "$user" --private-key "$key" >/dev/null

names=("archive: papi jwt" "python: generate_jwt.py" "archive: papi fingerprint" "python: --fingerprint" "source: ./papi jwt")
commands=(
  "$papi jwt --account $account --user $user --private-key $key"
  "$python bench/generate_jwt.py $account $user $key"
  "$papi fingerprint $key"
  "$python bench/generate_jwt.py $account $user $key --fingerprint"
  "env PAPI_SKIP_BUILD=1 ./papi jwt --account $account --user $user --private-key $key"
)
declare -A times
loads=()
for run in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    t0=$(date +%s%N)
    ${commands[$i]} >/dev/null
    t1=$(date +%s%N)
    times[$i]+="$(( (t1 - t0) / 1000000 )) "
  done
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
done

printf '%-28s %6s %6s %6s %6s   (ms over %d runs)\n' command min median p90 max "$runs"
for i in "${!commands[@]}"; do
  read -r -a sorted <<<"$(printf '%s\n' ${times[$i]} | sort -n | tr '\n' ' ')"
  n=${#sorted[@]}
  printf '%-28s %6d %6d %6d %6d\n' "${names[$i]}" "${sorted[0]}" "${sorted[$((n / 2))]}" "${sorted[$((n * 9 / 10))]}" "${sorted[$((n - 1))]}"
done
echo "load average (1 min) during the runs: $(printf '%s\n' "${loads[@]}" | sort -n | head -1) to $(printf '%s\n' "${loads[@]}" | sort -n | tail -1)"
echo "uptime: $(uptime)"
echo "machine: $(nproc) cores; archive runtime: $("$(dirname "$papi")/../runtime/bin/java" -version 2>&1 | head -1); python $("$python" -c 'import sys, jwt; print(sys.version.split()[0], "PyJWT", jwt.__version__)')"
