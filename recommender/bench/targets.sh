#!/usr/bin/env bash
# The recommender's targets (issue 13), start to exit through ./papi, each figure printed beside `uptime`:
#   1. 100,000 ratings (the default MovieLens-shaped data): tune + train + top 10 for every user, -Xmx1g, <= 5 s;
#   2. 1,000,000 ratings over 20,000 items (10,000 users, MovieLens proportions): <= 60 s (-Xmx2g).
# Usage: recommender/bench/targets.sh [runs]    (builds offline first unless PAPI_SKIP_BUILD=1)
# The machine is shared: read the load average printed with each run before trusting a figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PAPI_HOME="$work/home"
if [ "${PAPI_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -o -q -pl cli -am package -DskipTests
fi
export PAPI_SKIP_BUILD=1

timed() { # label, then the command; prints wall, CPU and peak RSS next to uptime
  local label="$1"; shift
  local t="$work/time"
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err"; return 1; }
  read -r wall user sys rss < "$t"
  printf '%-34s wall %6.2f s  cpu %6.2f s  peak RSS %5d MiB  | %s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" \
    $((rss / 1024)) "$(uptime | sed 's/.*load/load/')"
  grep -E "tuned|not tuned|using itemknn|top [0-9]+ for" "$work/out" "$work/err" | sed 's/^[^:]*:/    /'
}

./papi data generate --out "$work/ml100k" > /dev/null
for i in $(seq "$runs"); do
  PAPI_JAVA_OPTS=-Xmx1g timed "100k ratings, run $i (-Xmx1g)" ./papi recommend --ratings "$work/ml100k" --out "$work/recs.jsonl"
done

mvn -B -o -q -pl recommender test-compile
cp_file="$work/cp"
mvn -B -o -q -pl recommender dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Xmx2g -cp "recommender/target/test-classes:recommender/target/classes:$(cat "$cp_file")" \
  io.papi.recommender.bench.WriteSynthetic "$work/large" 10000 20000 1000000 > /dev/null
for i in $(seq "$runs"); do
  PAPI_JAVA_OPTS=-Xmx2g timed "1M ratings / 20k items, run $i (-Xmx2g)" ./papi recommend --ratings "$work/large" --out "$work/recs-large.jsonl"
done
