#!/usr/bin/env bash
# Interleaved wall time of two builds of the CLI on the same tree: the machine drifts, so
# running one build's runs and then the other's would compare the machine, not the builds.
# Usage: bench/compare-builds.sh RUNS CHECKOUT_A CHECKOUT_B REPOSITORY
#   (each checkout built with `npm run build`; REPOSITORY e.g. bench/out/repo-20000)
set -euo pipefail
runs=$1 a=$2 b=$3 repo=$4
out=$(for _ in $(seq "$runs"); do
  /usr/bin/time -f "A %e %U %S" node "$a/bin/portfolio-quality.js" check "$repo" --format json >/dev/null
  /usr/bin/time -f "B %e %U %S" node "$b/bin/portfolio-quality.js" check "$repo" --format json >/dev/null
done 2>&1)
for k in A B; do
  wall=$(grep "^$k " <<<"$out" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu=$(grep "^$k " <<<"$out" | awk '{print $3+$4}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$k median wall ${wall} s, median CPU ${cpu} s over $runs runs"
done
