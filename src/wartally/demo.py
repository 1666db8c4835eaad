"""``wartally demo``: the README's main job on the bundled sample corpus.

Ingests ``examples/`` (read → clean → extract → geocode → store → link) into
a DuckDB file, prints a summary table of the figures found, writes the HTML
situation report and prints the command that serves the web page.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """\
examples:
  wartally demo
  wartally demo --db out/demo.duckdb --report out/report.html examples/

Writes out/wartally.duckdb and out/report.html by default."""

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo",
        help="run the whole pipeline on the bundled sample corpus and summarise it",
        description="Ingest the sample corpus, print a summary of the figures, write the HTML report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="inputs (default: the repository's examples/)")
    p.add_argument("--db", default="out/wartally.duckdb", help="DuckDB file to write (default out/wartally.duckdb)")
    p.add_argument("--report", default="out/report.html", help="HTML report to write (default out/report.html)")
    p.set_defaults(func=run_demo)


def summary_rows(con) -> list[tuple]:
    """Figures by outcome and victim group: how many, how many report
    incidents and how many running tallies, the largest tally, and the
    documents and sources behind them.  Incident counts are not summed here:
    linked reports of one incident would count twice (see the events)."""
    return con.execute(
        """
        SELECT outcome, victims, count(*) AS figures,
               count(*) FILTER (WHERE kind = 'incident') AS incidents,
               count(*) FILTER (WHERE kind = 'tally') AS tallies,
               max(n) FILTER (WHERE kind = 'tally') AS largest_tally,
               count(DISTINCT doc_id) AS documents, count(DISTINCT source) AS sources
        FROM figures GROUP BY outcome, victims ORDER BY outcome, figures DESC
        """
    ).fetchall()


def run_demo(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError
    from wartally.report import write_report
    from wartally.store.database import Store
    from wartally.ingestion import ingest, read_inputs
    from wartally.store.progress import Progress
    from wartally.store.queries import FigureFilter

    paths = args.paths or [str(EXAMPLES)]
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    try:
        with Store(args.db) as store:
            result = ingest(store, read_inputs(paths), progress=Progress(enabled=sys.stderr.isatty()))
            rows = summary_rows(store.con)
            docs, figs, events = (store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                  for t in ("documents", "figures", "events"))
            report = write_report(store.con, FigureFilter(), args.report, title="wartally sample corpus")
    except WartallyError as exc:
        print(f"wartally demo: error: {exc}", file=sys.stderr)
        return 1
    print(result.text())
    print()
    print(f"{docs} documents, {figs} figures, {events} events in {args.db}")
    print()
    header = ("outcome", "victims", "figures", "incidents", "tallies", "largest tally", "documents", "sources")
    widths = (10, 11, 8, 9, 8, 13, 10, 8)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(v if v is not None else "").ljust(w) for v, w in zip(row, widths)))
    print()
    print(f"report: {args.report} ({report})")
    print(f"web page: wartally serve --db {args.db}   (then open http://127.0.0.1:8000/)")
    print(f"          or: .venv/bin/wartally serve --db {args.db}")
    return 1 if result.failed else 0
