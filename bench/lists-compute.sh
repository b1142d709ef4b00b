#!/usr/bin/env bash
# papi recommend lists on synthetic e-commerce data (issue 12): time and peak memory of computing every list.
# Generates Snowplow e-commerce events for USERS users (1000: the default data, ~13k interactions), builds the
# datasets with papi datasets, then times papi recommend lists --out with GNU time (wall seconds, max RSS).
# Usage: bench/lists-compute.sh [users=1000]      (PAPI_JAVA_OPTS=-Xmx... for large runs)
# The machine is shared: print uptime beside every figure, as this script does.
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-1000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export PAPI_HOME="$work/home"
./papi data generate --kind ecommerce --users "$users" --out "$work/events" >/dev/null
PAPI_SKIP_BUILD=1 ./papi datasets ecommerce --events "$work/events/snowplow_ecommerce_product_interactions.parquet" \
  --format csv --out "$work/datasets" >/dev/null
rows=$(($(wc -l < "$work/datasets/snowplow_recommendations_ecommerce_interactions/personalize-dataset.csv") - 1))
echo "# $(date -u +%FT%TZ) $(nproc) cores; uptime: $(uptime)"
echo "# $users users, $rows interactions"
/usr/bin/time -f "wall %e s, max RSS %M KiB" env PAPI_SKIP_BUILD=1 ./papi recommend lists --datasets "$work/datasets" \
  --out "$work/lists.jsonl" 2>&1 | grep -E '^lists:|^wall'
echo "# uptime after: $(uptime)"
