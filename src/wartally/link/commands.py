"""``wartally link`` and ``wartally disagreements``."""
from __future__ import annotations

import argparse
import sys

from wartally.link.storage import DEFAULT_SCOPE, SCOPES

LINK_EPILOG = """\
examples:
  wartally link --db wartally.duckdb
  wartally link --engine spark --out parquet/

Classifies every figure as an incident or a tally, links incident figures of
different documents that report the same incident into events (blocking on
date and admin unit, scoring place, date, weapon, actor, victims and counts),
reconciles low/best/high counts and puts tallies of different sources side by
side as disagreements.  Replaces the events, links and disagreements in the
store.  Settings: src/wartally/data/link/comparison.json."""

DISAGREEMENTS_EPILOG = """\
examples:
  wartally disagreements --db wartally.duckdb
  wartally disagreements --format csv > disagreements.csv

Each row is two claims (one source's number for one thing, however many
articles carried it) that cannot both be right, shown once: outcome and
victims, the area, the kind (rival: two sources, the same period; decrease:
one source's later total is lower; nested: a count over a shorter period
inside the other's is larger), then for each side the source's canonical id
(SOHR, SNHR, UN, ...), its number, qualifier and period; the difference
(b - a), the days both periods cover, every article behind each side and the
evidence in words.  Growth (a later, higher total) is not disagreement."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "link", help="link figures into events; reconcile counts; find disagreements",
        description="Link the store's figures into events and find disagreements between tallies.",
        epilog=LINK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default="wartally.duckdb", metavar="FILE", help="the store (default: wartally.duckdb)")
    p.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="local: DuckDB in this process (default); spark: Parquet folder from --out")
    p.add_argument("--out", metavar="DIR", help="Parquet folder of a Spark run (with --engine spark)")
    p.set_defaults(func=run_link)

    p = subparsers.add_parser(
        "disagreements", help="list tallies from different sources that disagree",
        description="List tallies of different sources over overlapping periods and the same area.",
        epilog=DISAGREEMENTS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default="wartally.duckdb", metavar="FILE", help="the store (default: wartally.duckdb)")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--scope", choices=SCOPES, default=DEFAULT_SCOPE,
                   help="tally: running totals that disagree (default); incident: rival tolls of one incident, "
                        "candidates for a reviewer (many are a part against its whole); all: both")
    p.set_defaults(func=run_disagreements)


def _error(command: str, message: str, code: int = 1) -> int:
    print(f"wartally {command}: error: {message}", file=sys.stderr)
    return code


def run_link(args: argparse.Namespace) -> int:
    if args.engine == "spark":
        if not args.out:
            return _error("link", "--engine spark needs --out DIR", 2)
        from wartally.engines.spark import link_parquet  # needs the spark extra: it says so (exit 2)

        counts = link_parquet(args.out)
        print("spark link: " + ", ".join(f"{v} {k}" for k, v in (counts or {}).items()), file=sys.stderr)
        return 0
    from wartally.errors import WartallyError
    from wartally.link.storage import link_store
    from wartally.store import Store

    try:
        with Store(args.db) as store:
            result = link_store(store)
    except WartallyError as exc:
        return _error("link", str(exc))
    kinds = list(result.kinds.values())
    multi = sum(1 for e in result.events if len(e.doc_ids) > 1)
    candidates = sum(1 for link in result.links if link.candidate)
    print(f"link: {len(kinds)} figures ({kinds.count('incident')} incidents, {kinds.count('tally')} tallies); "
          f"{len(result.events)} events ({multi} from several documents), {len(result.links) - candidates} links "
          f"and {candidates} candidate links (places conflict), {len(result.disagreements)} disagreements",
          file=sys.stderr)
    return 0


def run_disagreements(args: argparse.Namespace) -> int:
    from pathlib import Path

    from wartally.errors import WartallyError
    from wartally.link.storage import DISAGREEMENT_COLUMNS, read_disagreements
    from wartally.store import Store

    if not Path(args.db).exists():
        return _error("disagreements", f"{args.db}: no such store (run `wartally ingest ... --db {args.db}`)")
    try:
        with Store(args.db, read_only=True) as store:
            rows = read_disagreements(store.con, args.scope)
    except WartallyError as exc:
        return _error("disagreements", str(exc))
    write(rows, args.format, sys.stdout, DISAGREEMENT_COLUMNS)
    return 0


TABLE = ("outcome", "victims", "area", "kind", "source_a", "n_a", "start_a", "end_a", "source_b", "n_b",
         "start_b", "end_b", "difference", "articles")


def write(rows: list[dict], fmt: str, out, columns: tuple[str, ...]) -> None:
    import csv
    import datetime as dt
    import json

    def plain(v):
        if isinstance(v, list) and fmt != "jsonl":
            return "; ".join(map(str, v))
        return v.isoformat() if isinstance(v, dt.date) else v

    def cell(r: dict, c: str) -> str:
        if c == "articles":
            return f"{len(r.get('docs_a') or ())}+{len(r.get('docs_b') or ())}"
        return "" if r.get(c) is None else str(plain(r.get(c)))

    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps({k: plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: plain(v) for k, v in r.items()})
    else:
        head = [c.replace("_", " ") for c in TABLE]
        cells = [[cell(r, c) for c in TABLE] for r in rows]
        sizes = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(head)]
        line = lambda row: "  ".join(v.ljust(s) for v, s in zip(row, sizes)).rstrip()  # noqa: E731
        body = []
        for r, c in zip(rows, cells):
            body.append(line(c))
            if r.get("evidence"):
                body.append("    " + r["evidence"])
        out.write("\n".join([line(head), line(["-" * s for s in sizes])] + body
                            + [f"({len(rows)} disagreements)"]) + "\n")
