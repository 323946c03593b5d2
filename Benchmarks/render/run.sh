#!/usr/bin/env bash
# Render benchmark: generated graphs of several sizes drawn with --layout auto (release build).
# Usage: Benchmarks/render/run.sh [OUT.md]   (default: print the table)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release >/dev/null
bin=.build/release/actorgraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '| actors | edges | format | layout used | seconds | output bytes |\n|---|---|---|---|---|---|\n'
for size in "100 250" "500 1250" "2000 5000"; do
    set -- $size
    python3 Benchmarks/render/make_graph.py "$1" "$2" "$work/g.json"
    for fmt in svg png; do
        start=$(date +%s.%N)
        "$bin" render "$work/g.json" -o "$work/out.$fmt" --layout auto 2> "$work/err.txt"
        end=$(date +%s.%N)
        used=$(grep -o "drawn with [a-z]*" "$work/err.txt" | awk '{print $3}' || true)
        printf '| %s | %s | %s | %s | %.1f | %s |\n' "$1" "$2" "$fmt" "${used:-auto}" "$(echo "$end - $start" | bc)" "$(stat -c %s "$work/out.$fmt")"
    done
done
