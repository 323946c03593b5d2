#!/usr/bin/env python3
"""Scales the seed articles to a corpus of a given size by recombining their sentences.

Reads only the repository's seeds/ folder. Writes NNNNNN.txt articles of 15-40 sentences
(about 2-8 KB, like the seeds) in folders of 1,000, plus a manifest.tsv per folder with
dates spread over 2011-2025 so date handling is exercised. Deterministic for a given seed.

    python3 Benchmarks/corpusgen.py --mb 10 --out /tmp/ag-bench/10MB
    python3 Benchmarks/corpusgen.py --mb 50 --single-line --out /tmp/ag-bench/line50MB
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "seeds")


def seed_sentences():
    sentences = []
    for name in sorted(os.listdir(SEEDS)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
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
    a = p.parse_args()

    rng = random.Random(a.seed)
    sentences = seed_sentences()
    if not sentences:
        sys.exit("corpusgen: no sentences in " + SEEDS)
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
