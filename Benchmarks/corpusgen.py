#!/usr/bin/env python3
"""Scales articles to a corpus of a given size by recombining their sentences.

Reads the .txt articles of each --source folder: by default the repository's seeds/ and the
dev set (../shared/eval/dev beside the repository) when it is there. Writes NNNNNN.txt
articles of 8-16 paragraphs (about 2-8 KB, like the seeds) in folders of 1,000, plus a
manifest.tsv per folder with dates spread over 2011-2025 so date handling is exercised.
Deterministic for a given seed and sources. Prints the number of distinct words the corpus
can contain (the sources' vocabulary): recombined corpora repeat words far more than real
archives do, which favours anything that remembers words.

    python3 Benchmarks/corpusgen.py --mb 10 --out /tmp/ag-bench/10MB
    python3 Benchmarks/corpusgen.py --mb 50 --single-line --out /tmp/ag-bench/line50MB
    python3 Benchmarks/corpusgen.py --mb 10 --source seeds --out /tmp/ag-bench/10MB-seeds
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.normpath(os.path.join(HERE, "..", "seeds"))
DEV = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval", "dev"))


def default_sources():
    return [SEEDS] + ([DEV] if os.path.isdir(DEV) else [])


def source_sentences(folders):
    sentences = []
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            # Split after sentence-final punctuation or at line breaks; keep the punctuation.
            for s in re.split(r"(?<=[.!?؟])\s+|\n+", text):
                s = s.strip()
                if len(s) >= 15:
                    sentences.append(s)
    return sentences


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--mb", type=float, required=True, help="corpus size in MB (10^6 bytes of UTF-8 text)")
    p.add_argument("--out", required=True, help="output folder (outside git)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--single-line", action="store_true", help="one file with no line breaks at all")
    p.add_argument("--source", action="append", help="a folder of .txt articles (repeatable; default: seeds/ and the dev set)")
    a = p.parse_args()

    rng = random.Random(a.seed)
    sources = a.source or default_sources()
    sentences = source_sentences(sources)
    if not sentences:
        sys.exit("corpusgen: no sentences in " + ", ".join(sources))
    vocabulary = len({w for s in sentences for w in s.split()})
    print(f"corpusgen: {len(sentences)} sentences, {vocabulary} distinct words, from {', '.join(sources)}", file=sys.stderr)
    target = int(a.mb * 1_000_000)
    os.makedirs(a.out, exist_ok=True)

    if a.single_line:
        written = 0
        with open(os.path.join(a.out, "line.txt"), "w", encoding="utf-8") as f:
            while written < target:
                chunk = " ".join(rng.choice(sentences) for _ in range(200)) + " "
                f.write(chunk)
                written += len(chunk.encode("utf-8"))
        print(f"corpusgen: 1 file, {written} bytes, no line breaks in {a.out}", file=sys.stderr)
        return

    written = 0
    n = 0
    manifest = None
    while written < target:
        folder = os.path.join(a.out, f"{n // 1000:04d}")
        if n % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
            if manifest:
                manifest.close()
            manifest = open(os.path.join(folder, "manifest.tsv"), "w", encoding="utf-8")
            manifest.write("file\tdate\toutlet\ttitle\n")
        body = "\n\n".join(" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
                           for _ in range(rng.randint(8, 16))) + "\n"
        name = f"{n:06d}.txt"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(body)
        date = f"{rng.randint(2011, 2025)}-{rng.randint(1, 12):02d}"
        manifest.write(f"{name}\t{date}\tbench\tgenerated {n}\n")
        written += len(body.encode("utf-8"))
        n += 1
    if manifest:
        manifest.close()
    print(f"corpusgen: {n} articles, {written} bytes in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
