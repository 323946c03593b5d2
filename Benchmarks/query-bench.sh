#!/usr/bin/env bash
# The query benchmark (Benchmarks/QUERY.md): a synthetic snapshot of 100,000 actors and 1,000,000
# edges, `actorgraph neighbors` end to end (process start, load, resolve, query, print) from the
# JSON and from graph.idx, and the in-process timings of `querybench measure`.
#
#   Benchmarks/query-bench.sh [WORKDIR]      (default /tmp/actorgraph-bench; needs ~1.2 GB of disk)
#
# Needs the query commands registered in ActorGraphCommand. Takes about 10 minutes on 2 cores,
# most of it JSONDecoder reading the 700 MB snapshot (three times).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/actorgraph-bench}"
mkdir -p "$work"
graph="$work/graph.json"

swift build -c release --product actorgraph
swift build -c release --product QueryBench
bin=.build/release

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"; echo "cores: $(nproc)"; free -h | head -2
grep -m1 "model name" /proc/cpuinfo || true
swift --version 2>&1 | head -1

if [ ! -f "$graph" ]; then
    echo "== generate"
    /usr/bin/time -f "generate: %e s wall, %M KB peak" "$bin/QueryBench" generate "$graph" --actors 100000 --edges 1000000 --seed 42
fi
ls -l "$graph"

run() {  # label, then the actorgraph arguments; prints wall time and peak memory
    local label="$1"; shift
    /usr/bin/time -f "%e s wall, %M KB peak  $label" "$bin/actorgraph" "$@" > "$work/out.txt" 2> "$work/err.txt" || true
    tail -1 "$work/err.txt"
}

echo "== neighbors from the JSON (no index)"
rm -f "$work/graph.idx"
run "neighbors by id, small actor, JSON" neighbors b91w2sj-71986 --graph "$graph"

echo "== index"
run "actorgraph index" index "$graph"
ls -l "$work/graph.idx"

# Ids and names below are those the generator gives with seed 42: b2cirjm-0 is the biggest hub.
echo "== neighbors from graph.idx (three runs each)"
three() {  # the actorgraph arguments; three runs, labelled by them
    for _ in 1 2 3; do run "$*" "$@" --graph "$graph"; done
}
three neighbors b91w2sj-71986
three neighbors b91w2sj-71986 --depth 2
three neighbors b2cirjm-0
three neighbors b2cirjm-0 --format json
three neighbors "لواء الحمزة 71986"
three neighbors "Lwa al-Hmza 71986"
three neighbors "لواء الحمزه 7198"   # not found: the closest names are listed
head -2 "$work/out.txt"; head -c 400 "$work/err.txt"; echo

echo "== in process"
"$bin/QueryBench" measure "$graph"
