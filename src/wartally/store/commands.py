"""``wartally ingest``, ``wartally reextract`` and ``wartally figures``."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

OUTCOMES = ("killed", "injured", "displaced")
VICTIMS = ("people", "civilians", "children", "women", "men", "combatants")

INGEST_EPILOG = """\
examples:
  wartally ingest ../shared/corpus/fakes-dev.jsonl
  wartally ingest ../shared/corpus/seeds/ --published 2019-05-31 --db idlib.duckdb
  wartally ingest feeds/ crawl.warc.gz --workers 2
  wartally ingest corpus.jsonl --engine spark --out parquet/ --master local[2]

Documents already stored with the same text are skipped, so running a
command again (after a crash, or on a grown input) only adds what is new; a
document whose text changed has its figures replaced.  Work is committed in
batches.  Progress (documents/s, figures, errors) and problems go to stderr.
Exit 0 when all went well, 1 when some documents failed or the store refused.
To run a newer extractor over texts already stored, use `wartally reextract`."""

REEXTRACT_EPILOG = """\
examples:
  wartally reextract --db wartally.duckdb
  wartally reextract --db wartally.duckdb --all --workers 2

Runs this wartally's extractor again over the stored texts: those whose
figures an older extractor made (each document records the fingerprint of
the extractor that made its figures), or every one with --all.  Each
document's machine figures are replaced, the analysts' corrections applied
again (they are keyed by document and the span of the number, not by
figure id), and the store linked again.  A correction whose number is no
longer a figure is listed for a second look (`wartally review orphans`),
never dropped.  Exit 0 when all went well, 1 when some documents failed."""

FIGURES_EPILOG = """\
examples:
  wartally figures --admin1 Idlib --outcome killed
  wartally figures --place "Maarat al-Numan" --start 2019-05-01 --end 2019-05-31 --format csv
  wartally figures --source SOHR --victims children --format jsonl > children.jsonl

--place matches a settlement, its spelling in the text or any admin unit;
--admin1 a governorate (OCHA spellings such as Idleb work too).  Dates keep
figures whose period overlaps the range.  jsonl and csv print every matching
figure, one a line, and nothing else on stdout."""


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a YYYY-MM-DD date") from None


def positive_int(text: str) -> int:
    """An integer of at least 1 (a count or a limit), else a usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number (give 1 or more)")
    return value


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="wartally.duckdb", metavar="FILE",
                   help="the store (default: wartally.duckdb)")


def add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--place", help="place or admin unit (case-insensitive)")
    g.add_argument("--admin1", help="governorate, e.g. Idlib")
    g.add_argument("--start", type=date_arg, metavar="DATE", help="from this day (YYYY-MM-DD)")
    g.add_argument("--end", type=date_arg, metavar="DATE", help="to this day (YYYY-MM-DD)")
    g.add_argument("--outcome", choices=OUTCOMES)
    g.add_argument("--victims", choices=VICTIMS)
    g.add_argument("--source", help="canonical source id, e.g. SOHR")
    g.add_argument("--actor", help="actor name or part of it, e.g. Russia")


def filter_of(args: argparse.Namespace):
    from wartally.store.queries import FigureFilter

    return FigureFilter(place=args.place, admin1=args.admin1, start=args.start, end=args.end,
                        outcome=args.outcome, victims=args.victims, source=args.source, actor=args.actor)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest", help="read, extract, geocode, store and link documents",
        description="Read documents (JSONL, text folders, HTML, feeds, WARC), extract and geocode their "
                    "figures, store them and link them into events.",
        epilog=INGEST_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    add_db(p)
    p.add_argument("--published", type=date_arg, metavar="DATE",
                   help="publication date of text files and of documents whose input gives none")
    p.add_argument("--engine", choices=("local", "spark"), default="local")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (local engine)")
    p.add_argument("--master", default=None, metavar="URL", help="Spark master (spark engine)")
    p.add_argument("--out", metavar="DIR", help="Parquet output folder (spark engine)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="documents per committed batch")
    p.add_argument("--no-link", action="store_true", help="do not run the link stage afterwards")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_ingest)

    p = subparsers.add_parser(
        "reextract", help="run this extractor again over the stored texts, keeping every correction",
        description="Extract the figures of the stored documents again (a newer extractor), re-apply the "
                    "analysts' corrections and link again.",
        epilog=REEXTRACT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db(p)
    p.add_argument("--all", dest="everything", action="store_true",
                   help="every document, not only those an older extractor made")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="documents per committed batch")
    p.add_argument("--no-link", action="store_true", help="do not run the link stage afterwards")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_reextract)

    p = subparsers.add_parser(
        "figures", help="list stored figures matching filters",
        description="List the figures in the store that match the filters.",
        epilog=FIGURES_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db(p)
    add_filters(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("--limit", type=positive_int, metavar="N", help="at most N figures (N >= 1)")
    p.set_defaults(func=run_figures)


def fail(exc: Exception) -> int:
    print(f"wartally: error: {exc}", file=sys.stderr)
    return 1


def run_ingest(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError

    if args.workers < 1 or args.batch_size < 1:
        print("wartally ingest: error: --workers and --batch-size must be at least 1", file=sys.stderr)
        return 2
    if args.engine == "spark":
        return _ingest_spark(args)
    from wartally.store.database import Store
    from wartally.ingestion import ingest, read_inputs
    from wartally.store.progress import Progress

    import signal

    if hasattr(signal, "SIGXFSZ"):  # a file size limit: a clear error, not a killed process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    progress = Progress(enabled=not args.quiet)
    try:
        with Store(args.db) as store:
            summary = ingest(store, read_inputs(args.paths, args.published), workers=args.workers,
                             batch_size=args.batch_size, link=not args.no_link, progress=progress)
    except WartallyError as exc:
        progress.close()
        return fail(exc)
    print(summary.text(), file=sys.stderr)
    return 1 if summary.failed else 0


def run_reextract(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError

    if args.workers < 1 or args.batch_size < 1:
        print("wartally reextract: error: --workers and --batch-size must be at least 1", file=sys.stderr)
        return 2
    from pathlib import Path

    from wartally.ingestion import reextract
    from wartally.store.database import Store
    from wartally.store.progress import Progress

    if not Path(args.db).exists():
        return fail(FileNotFoundError(f"{args.db}: no store here (run `wartally ingest` first)"))
    progress = Progress(enabled=not args.quiet)
    try:
        with Store(args.db) as store:
            summary = reextract(store, everything=args.everything, workers=args.workers,
                                batch_size=args.batch_size, link=not args.no_link, progress=progress)
    except WartallyError as exc:
        progress.close()
        return fail(exc)
    print(summary.text(), file=sys.stderr)
    for o in summary.orphans[:20]:
        print(f"  second look: {o.doc_id}: {o.reason} ({len(o.corrections)} corrections)", file=sys.stderr)
    if len(summary.orphans) > 20:
        print(f"  ... and {len(summary.orphans) - 20} more: wartally review orphans --db {args.db}", file=sys.stderr)
    return 1 if summary.failed else 0


def _ingest_spark(args: argparse.Namespace) -> int:
    if not args.out:
        print("wartally ingest: error: --engine spark needs --out DIR (then `wartally load DIR`)", file=sys.stderr)
        return 2
    from wartally.engines.spark import ingest_to_parquet

    kw = {"master": args.master} if args.master else {}
    counts = ingest_to_parquet([str(p) for p in args.paths], args.out, **kw)
    print("spark ingest: " + ", ".join(f"{v} {k}" for k, v in counts.items())
          + f"; load it with `wartally load {args.out} --db {args.db}`", file=sys.stderr)
    return 1 if counts.get("problems") else 0


TABLE_COLUMNS = ("doc_id", "outcome", "n", "qualifier", "victims", "place", "admin1", "start_date",
                 "end_date", "source", "actor", "quote")


def run_figures(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError
    from wartally.store.database import Store
    from wartally.store.queries import iter_figures

    try:
        with Store(args.db, read_only=True) as store:
            rows = iter_figures(store.con, filter_of(args))
            if args.limit is not None:
                import itertools

                rows = itertools.islice(rows, args.limit)
            write_rows(rows, args.format, sys.stdout)
    except WartallyError as exc:
        return fail(exc)
    return 0


def write_rows(rows, fmt: str, out) -> int:
    """Print figure rows as jsonl, csv or an aligned table; how many."""
    import csv
    import json

    from wartally.store.queries import DOC_FIELDS, FIGURE_FIELDS

    n = 0
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(FIGURE_FIELDS + DOC_FIELDS), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                        for k, v in r.items()})
            n += 1
        return n
    lines = _table(list(rows))
    text = "\n".join(lines) + "\n"
    if getattr(out, "isatty", lambda: False)() and len(lines) > 40:
        import pydoc

        pydoc.pager(text)
    else:
        out.write(text)
    return len(lines) - 2


def _table(rows: list[dict]) -> list[str]:
    width = {"quote": 60, "doc_id": 24, "actor": 24, "place": 20}
    cells = [[_cell(r.get(c), width.get(c, 16)) for c in TABLE_COLUMNS] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(TABLE_COLUMNS)]
    fmt = lambda row: "  ".join(v.ljust(s) for v, s in zip(row, sizes)).rstrip()  # noqa: E731
    return [fmt(TABLE_COLUMNS), fmt(["-" * s for s in sizes])] + [fmt(r) for r in cells] + \
        [f"({len(rows)} figures)"]


def _cell(v: object, width: int) -> str:
    s = "" if v is None else " ".join(str(v).split())
    return s if len(s) <= width else s[: width - 1] + "…"
