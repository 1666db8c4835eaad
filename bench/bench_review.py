"""What analyst review costs: corrections kept through a re-ingest of every
document with changed texts, and one correction made as the page makes it.

Ingests a corpus (default ../shared/corpus/fakes-dev.jsonl), records
``--corrections`` corrections on figures spread over the documents (a third
rejects, a third n edits, a third source edits), then times a re-ingest of
the same documents with a note put before every text (every offset moves,
every figure is extracted and linked again) with the corrections and, in a
second store, without; prints both, the share of corrections found again,
and the time of one correction with its re-link.

    .venv/bin/python bench/bench_review.py [CORPUS] [--corrections N]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"


def _altered(src: Path, out: Path) -> Path:
    with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            if line.strip():
                d = json.loads(line)
                d["text"] = "Editor's note: updated.\n\n" + d["text"]
                g.write(json.dumps(d) + "\n")
    return out


def _ingest(db: Path, corpus: Path) -> float:
    from wartally.store import Store
    from wartally.ingestion import ingest, read_inputs

    started = time.perf_counter()
    with Store(db) as store:
        ingest(store, read_inputs([corpus]))
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--corrections", type=int, default=300)
    args = ap.parse_args()
    from wartally.review import actions
    from wartally.store.review.apply import orphans
    from wartally.store import Store

    with tempfile.TemporaryDirectory(prefix="wartally-bench-review-") as tmp:
        tmp = Path(tmp)
        corpus, altered = Path(args.corpus), _altered(Path(args.corpus), tmp / "altered.jsonl")
        plain, reviewed = tmp / "plain.duckdb", tmp / "reviewed.duckdb"
        first = _ingest(reviewed, corpus)
        _ingest(plain, corpus)
        with Store(reviewed) as store:
            ids = [r[0] for r in store.con.execute("SELECT id FROM figures ORDER BY doc_id, number_start").fetchall()]
            step = max(1, len(ids) // max(1, args.corrections))
            chosen = ids[::step][: args.corrections]
            started = time.perf_counter()
            for i, fid in enumerate(chosen):
                if i % 3 == 0:
                    actions.decide(store, fid, "reject", editor="bench", relink=False)
                elif i % 3 == 1:
                    actions.edit(store, fid, "n", 1 + i, editor="bench", relink=False)
                else:
                    actions.edit(store, fid, "source", "bench source", editor="bench", relink=False)
            recorded = time.perf_counter() - started
            started = time.perf_counter()
            actions.decide(store, chosen[-1], "accept", editor="bench")  # one decision as the page makes it
            one = time.perf_counter() - started
        with_review = _ingest(reviewed, altered)
        without = _ingest(plain, altered)
        with Store(reviewed, read_only=True) as store:
            lost = orphans(store.con)
            kept = store.con.execute("SELECT count(*) FROM figures WHERE reviewed").fetchone()[0]
    print(f"corpus: {corpus.name}, {len(ids)} figures; first ingest {first:.1f} s")
    print(f"{len(chosen)} corrections recorded in {recorded:.2f} s ({recorded / max(1, len(chosen)) * 1000:.1f} ms each, "
          f"without re-linking)")
    print(f"one correction with its re-link of the part it reaches (as the page makes it): {one:.2f} s")
    print(f"re-ingest of changed texts: {with_review:.1f} s with the corrections, {without:.1f} s without "
          f"(+{(with_review - without) / without * 100:.0f}%)")
    print(f"kept: {kept} reviewed figures after re-ingest, {len(lost)} corrections listed for a second look")
    for o in lost:
        print(f"  {o.doc_id}: {o.reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
