#!/usr/bin/env python3
"""Writes a synthetic ActorGraph snapshot for rendering benchmarks.

Usage: make_graph.py NODES EDGES OUT.json [SEED]

Actors get Arabic-looking names (so that text shaping is part of the cost), a mix of types, and
edges of every relation type with weights and one evidence sentence each, attached
preferentially to already-connected actors (hubs, as real actor graphs have)."""
import json
import random
import sys

TYPES = ["faction", "unit", "person", "state"]
RELATIONS = ["subordinate_to", "commands", "member_of", "allied_with", "supports", "fights", "co_mentioned"]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def name(rng):
    words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(2, 3))]
    return " ".join(words)


def main(argv):
    nodes, edges, out = int(argv[1]), int(argv[2]), argv[3]
    rng = random.Random(int(argv[4]) if len(argv) > 4 else 7)
    ids = [f"actor-{i}" for i in range(nodes)]
    node_list = [{"id": i, "name": name(rng), "name_en": i.replace("-", " ").title(), "type": rng.choice(TYPES),
                  "discovered": False, "aliases": [], "mentions": rng.randint(1, 50), "documents": rng.randint(1, 10),
                  "first_seen": "2015", "last_seen": "2024"} for i in ids]
    degree = [1] * nodes
    seen, edge_list = set(), []
    while len(edge_list) < edges:
        a = rng.randrange(nodes)
        b = rng.choices(range(nodes), weights=degree)[0]
        t = rng.choice(RELATIONS)
        s, d = (min(ids[a], ids[b]), max(ids[a], ids[b])) if t in ("allied_with", "fights", "co_mentioned") else (ids[a], ids[b])
        if a == b or (s, t, d) in seen:
            continue
        seen.add((s, t, d))
        degree[a] += 1
        degree[b] += 1
        edge_list.append({"source": s, "type": t, "target": d, "weight": rng.randint(1, 6), "first_seen": "2015", "last_seen": "2024",
                          "evidence": [{"document": "synthetic.txt", "date": "2020", "start": 0, "end": 40,
                                        "sentence": name(rng) + " " + name(rng), "cue": None if t == "co_mentioned" else "التابعة"}]})
    edge_list.sort(key=lambda e: (e["source"], e["type"], e["target"]))
    snapshot = {"format": "actorgraph-snapshot", "format_version": 1,
                "metadata": {"inputs": ["synthetic.txt"], "document_count": 1, "period": {"from": "2015", "to": "2024"},
                             "undated_documents": 0, "tool_version": "bench", "gazetteer_version": "bench"},
                "nodes": sorted(node_list, key=lambda n: n["id"]), "edges": edge_list}
    for e in snapshot["edges"]:
        for ev in e["evidence"]:
            if ev["cue"] is None:
                del ev["cue"]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(snapshot, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv)
