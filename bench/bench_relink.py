"""What one analyst's correction costs to link: the whole store linked again
(as before) against only the part the correction can reach
(``wartally.store.relink``), on the same store in the same run.

Builds a store of at least ``--figures`` figures from a corpus (default
../shared/corpus/fakes-dev.jsonl, about 1,400 figures) by ingesting copies of
it moved ten years apart (ids, publication dates and the years in the texts
shifted, so the copies are separate incidents, not wire copies), then makes
``--corrections`` corrections (number edits on incident figures of
many-document events, a tally's number, rejections) twice, on two copies of
the store: once followed by a full link, once linked in part.  Prints the
time per correction each way, their ratio, and whether the two stores ended
equal (events, counts, links, disagreements, kinds).

    PYTHONPATH=src .venv/bin/python bench/bench_relink.py [CORPUS] [--figures 5000] [--corrections 8]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"
YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")
TABLES = ("SELECT * FROM events ORDER BY id", "SELECT * FROM event_counts ORDER BY ALL",
          "SELECT * FROM event_figures ORDER BY ALL", "SELECT * FROM links ORDER BY figure_a, figure_b",
          "SELECT * FROM disagreements ORDER BY id", "SELECT id, kind FROM figures ORDER BY id")


def copies(src: Path, out: Path, n: int) -> Path:
    lines = [json.loads(x) for x in open(src, encoding="utf-8") if x.strip()]
    with open(out, "w", encoding="utf-8") as f:
        for k in range(n):
            for d in lines:
                d = dict(d)
                if k:
                    shift = 10 * k
                    d["id"] = f"{d['id']}~{k}"
                    d["text"] = YEAR.sub(lambda m: str(int(m.group(1)) + shift), d["text"])
                    if d.get("title"):
                        d["title"] = YEAR.sub(lambda m: str(int(m.group(1)) + shift), d["title"])
                    if d.get("published"):
                        p = dt.date.fromisoformat(str(d["published"])[:10])
                        d["published"] = p.replace(year=p.year + shift, day=min(p.day, 28)).isoformat()
                f.write(json.dumps(d) + "\n")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--figures", type=int, default=5000, help="at least this many figures in the store")
    ap.add_argument("--corrections", type=int, default=8)
    args = ap.parse_args()
    from wartally.ingestion import ingest, read_inputs
    from wartally.link import link_store
    from wartally.review import actions
    from wartally.store import Store

    with tempfile.TemporaryDirectory(prefix="wartally-bench-relink-") as tmp:
        tmp = Path(tmp)
        src = Path(args.corpus)
        one = tmp / "one.duckdb"
        with Store(one) as store:
            ingest(store, read_inputs([src]))
            per_copy = store.con.execute("SELECT count(*) FROM figures").fetchone()[0]
        n = max(1, -(-args.figures // max(1, per_copy)))
        full_db, part_db = tmp / "full.duckdb", tmp / "part.duckdb"
        started = time.perf_counter()
        with Store(full_db) as store:
            ingest(store, read_inputs([copies(src, tmp / "copies.jsonl", n)]))
            figures = store.con.execute("SELECT count(*) FROM figures").fetchone()[0]
            documents = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
            shared = [r[0] for r in store.con.execute(
                "SELECT ef.figure_id FROM event_figures ef JOIN events e ON e.id = ef.event_id "
                "JOIN figures f ON f.id = ef.figure_id WHERE e.n_documents > 1 AND f.kind = 'incident' "
                "ORDER BY hash(ef.figure_id)").fetchall()]
            tallies = [r[0] for r in store.con.execute(
                "SELECT id FROM figures WHERE kind = 'tally' ORDER BY hash(id)").fetchall()]
        built = time.perf_counter() - started
        shutil.copy(full_db, part_db)
        plan = []
        for i in range(args.corrections):
            if i % 4 == 3 and tallies:
                plan.append(("edit", tallies.pop(), 1000 + i))
            elif i % 4 == 2:
                plan.append(("reject", shared.pop(), None))
            else:
                plan.append(("edit", shared.pop(), 500 + i))

        def run(db: Path, full: bool) -> list[float]:
            times = []
            with Store(db) as store:
                for kind, fid, value in plan:
                    started = time.perf_counter()
                    if kind == "reject":
                        actions.decide(store, fid, "reject", editor="bench", relink=not full)
                    else:
                        actions.edit(store, fid, "n", value, editor="bench", relink=not full)
                    if full:
                        link_store(store)
                    times.append(time.perf_counter() - started)
            return times

        full_times = run(full_db, True)
        part_times = run(part_db, False)
        ends = []
        for db in (full_db, part_db):
            with Store(db, read_only=True) as store:
                ends.append([store.con.execute(sql).fetchall() for sql in TABLES])
    f_ms, p_ms = statistics.median(full_times) * 1000, statistics.median(part_times) * 1000
    print(f"store: {figures} figures in {documents} documents ({n} copies of {src.name}), built in {built:.0f} s")
    print(f"{len(plan)} corrections (number edits and rejections of figures in many-document events, "
          f"a tally's number every fourth)")
    print(f"full re-link after each:   median {f_ms:.0f} ms per correction "
          f"(min {min(full_times) * 1000:.0f}, max {max(full_times) * 1000:.0f})")
    print(f"part re-link (store.relink): median {p_ms:.0f} ms per correction "
          f"(min {min(part_times) * 1000:.0f}, max {max(part_times) * 1000:.0f})")
    print(f"ratio full / part: {f_ms / p_ms:.1f}x (medians), {sum(full_times) / sum(part_times):.1f}x (totals)")
    print(f"the two stores ended {'equal' if ends[0] == ends[1] else 'DIFFERENT'} "
          "(events, counts, event figures, links, disagreements, kinds)")
    return 0 if ends[0] == ends[1] else 1


if __name__ == "__main__":
    raise SystemExit(main())
