#!/usr/bin/env bash
# Issue 18's load benchmark: `vpcreach validate` of the ET Open topology
# (bench/etopen-topology.sh) against github.com/google/gonids merely parsing
# the same rules files (bench/gonidsparse, the gonids version go.mod pins).
# Whole processes, warm file cache, run alternately RUNS times (default 5);
# prints each time, the medians and the ratio.
# usage: bench/etopen.sh [ET_OPEN_RULES_DIR]   (default ../shared/corpora/et-open-2024-04/rules)
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-../shared/corpora/et-open-2024-04/rules}"
runs="${RUNS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go build -o "$work/vpcreach" ./cmd/vpcreach
go build -o "$work/gonidsparse" ./bench/gonidsparse
bench/etopen-topology.sh "$src" "$work/topo"
# Warm the file cache and check both commands work.
"$work/gonidsparse" "$work"/topo/rules/*.rules
"$work/vpcreach" validate -t "$work/topo" >/dev/null 2>"$work/diags.txt" || true
echo "vpcreach: $(grep -cE '(^|: )Error: ' "$work/diags.txt") errors (rules AWS refuses)"

now() { date +%s%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
v=(); g=()
for i in $(seq "$runs"); do
  t0=$(now); "$work/vpcreach" validate -t "$work/topo" >/dev/null 2>&1 || true; t1=$(now)
  "$work/gonidsparse" "$work"/topo/rules/*.rules >/dev/null; t2=$(now)
  v+=("$(ms "$t0" "$t1")"); g+=("$(ms "$t1" "$t2")")
  echo "run $i: vpcreach validate ${v[-1]} ms, gonids parse ${g[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mv_=$(median "${v[@]}"); mg=$(median "${g[@]}")
echo "median: vpcreach validate $mv_ ms, gonids parse $mg ms, gonids/vpcreach = $(awk -v g="$mg" -v v="$mv_" 'BEGIN { printf "%.1f", g / v }')x"
