#!/usr/bin/env bash
# EASE benchmark: trains EASE on the default synthetic data (100,000 ratings) and ranks the top 10 for every user,
# with a 1 GiB heap, then times the other algorithms once. Figures go to docs/performance/recommender.md.
# Usage: recommender/bench/ease.sh [runs]     (run from anywhere; builds test classes offline first)
exec "$(dirname "$0")/run.sh" EaseBenchmark "${1:-5}"
