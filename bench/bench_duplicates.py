"""Compare every pair of articles in a corpus (default: FA-KES dev) as
``watch`` does and print the pairs at or above the near-duplicate
threshold, whether each would be merged (no figure of one missing from the
other) and the time per comparison.

    .venv/bin/python bench/bench_duplicates.py [CORPUS]
"""
from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"


def main() -> int:
    from wartally.pipeline import process_document
    from wartally.records import Document
    from wartally.watch.duplicates import THRESHOLD, signature, similarity, sketch

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    docs = {d["id"]: d for d in map(json.loads, open(path, encoding="utf-8"))}
    sketches = {i: sk for i, d in docs.items() if (sk := sketch(d["text"]))}
    started = time.perf_counter()
    close = [(a, b, s) for a, b in itertools.combinations(sketches, 2)
             if (s := similarity(sketches[a], sketches[b])) >= THRESHOLD]
    seconds = time.perf_counter() - started
    n_pairs = len(sketches) * (len(sketches) - 1) // 2
    figures = lambda i: signature(process_document(  # noqa: E731
        Document.make(i, docs[i]["text"], published=docs[i].get("published"))))
    merged = 0
    for a, b, s in sorted(close, key=lambda c: -c[2]):
        fa, fb = figures(a), figures(b)
        copy = fb <= fa or fa <= fb
        merged += copy
        print(f"{s:.2f}  {'merged' if copy else 'kept apart'}  {a}  {b}  {docs[a].get('title', '')[:40]!r} | "
              f"{docs[b].get('title', '')[:40]!r}")
    print(f"{len(docs)} articles, {n_pairs} pairs: {len(close)} at similarity >= {THRESHOLD}, {merged} merged; "
          f"{seconds / max(1, n_pairs) * 1e6:.1f} us per comparison")
    return 0


if __name__ == "__main__":
    sys.exit(main())
