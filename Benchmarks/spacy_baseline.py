#!/usr/bin/env python3
"""The baseline most users would reach for: spaCy's PhraseMatcher on a blank Arabic pipeline
with the same aliases as ActorGraph's bundled gazetteer (exact token sequences: no clitic
peeling, no normalization, no discovery, no relations — it does far less than the extractor).

    python3 Benchmarks/spacy_baseline.py CORPUS_FOLDER -o matches.jsonl

Prints one line of JSON on stdout: documents, bytes, matches, seconds, MB/s (one core).
"""
import argparse
import json
import os
import sys
import time

import spacy
import yaml
from spacy.matcher import PhraseMatcher

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "Sources", "ActorGraph", "Resources", "gazetteer.yaml")


def aliases():
    with open(GAZETTEER, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    for actor in data.get("actors", []):
        names = [actor.get("ar")] + list(actor.get("aliases_ar") or [])
        names += [d.get("name") for d in actor.get("dated_aliases") or []]
        for n in names:
            if n:
                yield actor["id"], str(n)


def files(folder):
    for root, _, names in sorted(os.walk(folder)):
        for n in sorted(names):
            if n.endswith(".txt"):
                yield os.path.join(root, n)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("-o", "--output", default=os.devnull)
    a = p.parse_args()

    nlp = spacy.blank("ar")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    pairs = list(aliases())
    for actor_id, doc in zip((i for i, _ in pairs), nlp.tokenizer.pipe(n for _, n in pairs)):
        matcher.add(actor_id, [doc])

    paths = list(files(a.corpus))
    nbytes = 0
    nmatches = 0
    start = time.perf_counter()

    def texts():
        nonlocal nbytes
        for path in paths:
            with open(path, encoding="utf-8") as f:
                t = f.read()
            nbytes += len(t.encode("utf-8"))
            yield t

    with open(a.output, "w", encoding="utf-8") as out:
        for path, doc in zip(paths, nlp.tokenizer.pipe(texts(), batch_size=64)):
            spans = [{"id": nlp.vocab.strings[m], "start": doc[s].idx, "end": doc[e - 1].idx + len(doc[e - 1].text)}
                     for m, s, e in matcher(doc)]
            nmatches += len(spans)
            out.write(json.dumps({"doc": path, "entities": spans}, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - start
    print(json.dumps({"documents": len(paths), "bytes": nbytes, "aliases": len(pairs), "matches": nmatches,
                      "seconds": round(seconds, 3), "mb_per_s": round(nbytes / 1e6 / seconds, 3)}))


if __name__ == "__main__":
    sys.exit(main())
