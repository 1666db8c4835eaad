"""``wartally load``: Parquet written by the Spark engine into the store."""
from __future__ import annotations

import argparse
import sys

LOAD_EPILOG = """\
examples:
  wartally ingest corpus.jsonl --engine spark --master local[2] --out parquet/
  wartally load parquet/ --db wartally.duckdb
  wartally figures --db wartally.duckdb --admin1 Idlib

Reads DIR/documents/ and DIR/figures/ (Parquet partitioned by
published_month) and stores them as `wartally ingest` does: documents already
stored with the same text are skipped, changed ones have their figures
replaced.  Events come from DIR/events/ when `wartally link --engine spark`
wrote them; otherwise the store's figures are linked here (--no-link: not,
and the summary says so).  Problems the engine recorded in DIR/problems/ are
listed on stderr.
Exit 0 when the load went well (recorded problems included), 1 when the
store refused it."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "load", help="load the Spark engine's Parquet output into the store",
        description="Load DIR/documents/ and DIR/figures/ (Parquet written by `wartally ingest --engine spark`) "
                    "into the DuckDB store.",
        epilog=LOAD_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", metavar="DIR", help="the folder given to --out")
    p.add_argument("--db", default="wartally.duckdb", metavar="FILE", help="the store (default: wartally.duckdb)")
    p.add_argument("--batch-size", type=int, default=256, metavar="N", help="documents per committed batch")
    p.add_argument("--no-link", action="store_true",
                   help="do not link the figures into events when DIR holds none (link later with `wartally link`)")
    p.set_defaults(func=run_load)


def run_load(args: argparse.Namespace) -> int:
    from wartally.engines.loading import load_parquet
    from wartally.errors import WartallyError

    if args.batch_size < 1:
        print("wartally load: error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    try:
        summary = load_parquet(args.dir, args.db, batch_size=args.batch_size, link=not args.no_link)
    except WartallyError as exc:
        print(f"wartally load: error: {exc}", file=sys.stderr)
        return 1
    for problem in summary.problems:
        print(f"wartally load: {problem}", file=sys.stderr)
    print(summary.text(), file=sys.stderr)
    return 0
