#!/usr/bin/env bash
# Wall time of `papi jwt` from start to exit, through the ./papi launcher, as a user runs it.
# Usage: bench/cli-startup.sh [runs=20]
# Prints min / median / p90 / max in milliseconds. The first run after a build creates the class-data archive
# (cli/target/papi.jsa) and is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
./papi keygen --out "$work" >/dev/null
args=(jwt --account xy12345.us-east-1.aws --user SVC_DATA_API --private-key "$work/rsa_key.p8")
./papi "${args[@]}" >/dev/null          # warm the OS file cache; creates the CDS archive if missing
times=()
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  ./papi "${args[@]}" >/dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "papi jwt wall time over $n runs (ms): min ${sorted[0]}  median ${sorted[$((n/2))]}  p90 ${sorted[$((n*9/10))]}  max ${sorted[$((n-1))]}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
