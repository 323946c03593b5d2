#!/usr/bin/env bash
# Throughput (MB/s) and peak memory of `actorgraph extract --format jsonl` on generated corpora
# of several sizes, with one core and with all cores, beside spaCy's PhraseMatcher with the same
# aliases on one core. Results go to $BENCH_DIR/results.tsv and stdout. Not part of `swift test`.
#
#   Benchmarks/run.sh              # 10 and 100 MB
#   Benchmarks/run.sh 10 100 1000  # also 1 GB (about 15 minutes more on 2 cores; memory stays flat)
#   Benchmarks/run.sh none         # only the 50 MB file without line breaks
#
# Environment: BENCH_DIR (scratch, default /tmp/ag-bench, outside git), TIMEOUT (seconds per run,
# default 7200), SPACY_SIZES (sizes for the baseline, default: all), LINE_MB (size of the
# no-line-break file, default 50; 0 skips it), LINE_TIMEOUT (default 900).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/ag-bench}
TIMEOUT=${TIMEOUT:-7200}
LINE_MB=${LINE_MB:-50}
LINE_TIMEOUT=${LINE_TIMEOUT:-900}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
[ "${sizes[*]}" != "none" ] || sizes=()  # `run.sh none`: only the no-line-break file
SPACY_SIZES=${SPACY_SIZES:-${sizes[*]}}
mkdir -p "$BENCH_DIR"

# Tools: GNU time for peak RSS, spaCy and PyYAML for the baseline.
if [ ! -x /usr/bin/time ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi
python3 -c "import spacy, yaml" 2>/dev/null || python3 -m pip install -q spacy pyyaml

swift build -c release >&2
bin=.build/release/actorgraph
results="$BENCH_DIR/results.tsv"
printf 'date\tcorpus\tMB\tdocuments\ttool\tcores\tseconds\tMB/s\tcpu_seconds\tMB/cpu_s\tpeak_RSS_MB\tstatus\n' > "$results"

# measure LABEL CORPUS MB DOCS CORES -- COMMAND...: wall time with GNU time, peak RSS from it.
measure() {
    local tool=$1 corpus=$2 mb=$3 docs=$4 cores=$5; shift 6
    local log="$BENCH_DIR/time.log" status=ok
    local t0 t1
    t0=$(date +%s.%N)
    timeout "$TIMEOUT" /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$BENCH_DIR/stderr.log" || status="failed($?)"
    t1=$(date +%s.%N)
    local secs rss rate cpu cpurate
    secs=$(echo "$t1 - $t0" | bc -l)
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log" 2>/dev/null || echo "?")
    # CPU time (user + system) is less disturbed than wall time when other work shares the cores.
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$log" 2>/dev/null || echo 0)
    rate=$(echo "scale=3; $mb / $secs" | bc -l)
    cpurate=$(echo "scale=3; $mb / $cpu" | bc -l 2>/dev/null || echo "?")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$corpus" "$mb" "$docs" "$tool" "$cores" "$secs" "$rate" "$cpu" "$cpurate" "$rss" "$status" | tee -a "$results"
}

# Corpora are named after their sources: seeds/ and, when it is beside the repository, the dev set.
tag=seeds; [ -d ../shared/eval/dev ] && tag=seeds+dev

for size in ${sizes[@]+"${sizes[@]}"}; do
    corpus="$BENCH_DIR/${size}MB-$tag"
    [ -d "$corpus" ] || python3 Benchmarks/corpusgen.py --mb "$size" --out "$corpus"
    bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
    mb=$(echo "scale=3; $bytes / 1000000" | bc -l)
    docs=$(find "$corpus" -name '*.txt' | wc -l)
    measure actorgraph "${size}MB-$tag" "$mb" "$docs" 1 -- taskset -c 0 "$bin" extract "$corpus" --format jsonl --jobs 1 -o "$BENCH_DIR/actorgraph.jsonl"
    measure actorgraph "${size}MB-$tag" "$mb" "$docs" "$(nproc)" -- "$bin" extract "$corpus" --format jsonl -o "$BENCH_DIR/actorgraph.jsonl"
    if [[ " $SPACY_SIZES " == *" $size "* ]]; then
        measure spacy-phrasematcher "${size}MB-$tag" "$mb" "$docs" 1 -- taskset -c 0 python3 Benchmarks/spacy_baseline.py "$corpus" -o "$BENCH_DIR/spacy.jsonl"
    fi
done

# One file with no line breaks through extract (too slow for the test suite).
if [ "$LINE_MB" != 0 ]; then
    line="$BENCH_DIR/line${LINE_MB}MB-$tag"
    [ -d "$line" ] || python3 Benchmarks/corpusgen.py --mb "$LINE_MB" --single-line --out "$line"
    TIMEOUT=$LINE_TIMEOUT measure actorgraph "line${LINE_MB}MB-$tag" "$LINE_MB" 1 "$(nproc)" -- "$bin" extract "$line/line.txt" --format jsonl -o "$BENCH_DIR/line.jsonl"
fi

echo "results: $results" >&2
