"""``wartally export`` and ``wartally report``."""
from __future__ import annotations

import argparse
import sys

from wartally.store.commands import add_db, add_filters, fail, filter_of

EXPORT_EPILOG = """\
examples:
  wartally export --format csv -o figures.csv
  wartally export --format parquet --admin1 Idlib -o idlib.parquet
  wartally export --format geojson --records events -o events.geojson
  wartally export --format acled --start 2019-04-26 --end 2019-06-30 -o acled.csv
  wartally export --format ucdp -o ged.csv
  wartally export --format tallies --source SOHR -o sohr-tolls.csv

csv, parquet and geojson hold figures (or events with --records events);
geojson keeps those with coordinates.  acled and ucdp are event tables in
those data sets' columns; where linking has not run, each incident figure is
its own event.  tallies: each source's running totals over time (SOHR's war
toll), one row per date it gave; see docs/linking.md.  Mapping rules:
docs/exports.md."""

REPORT_EPILOG = """\
examples:
  wartally report --admin1 Idlib -o idlib.html
  wartally report --place "Maarat al-Numan" --start 2019-05-01 --end 2019-06-30 -o maarat.html --pdf maarat.pdf

The HTML is self-contained (inline CSS and SVG, no network): totals by
outcome and victim group, a timeline per day, a map of events over Syria's
governorates, the sources and where they disagree, and every number linked
to the sentence it came from.  --pdf prints it with headless Chromium."""


def register(subparsers: argparse._SubParsersAction) -> None:
    from wartally.export.formats import FORMATS

    p = subparsers.add_parser(
        "export", help="write figures or events as csv, parquet, geojson, acled or ucdp; or tallies over time",
        description="Export the store (optionally filtered) to a file.",
        epilog=EXPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db(p)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--records", choices=("figures", "events"), default="figures",
                   help="what csv, parquet and geojson hold (default: figures)")
    add_filters(p)
    p.set_defaults(func=run_export)

    p = subparsers.add_parser(
        "report", help="a self-contained HTML (and PDF) situation report for a place and period",
        description="Write an HTML situation report for a place and period, and optionally a PDF.",
        epilog=REPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db(p)
    add_filters(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file")
    p.add_argument("--pdf", metavar="FILE", help="also print the report to this PDF (needs chromium)")
    p.add_argument("--title", help="the report's title (default: from the place and period)")
    p.set_defaults(func=run_report)


def run_export(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError
    from wartally.export.formats import export
    from wartally.store.database import Store

    try:
        with Store(args.db, read_only=True) as store:
            n = export(store.con, args.format, args.output, filter_of(args), records=args.records)
    except WartallyError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(OSError(f"{args.output}: {exc.strerror or exc}"))
    print(f"wrote {n} rows to {args.output}", file=sys.stderr)
    return 0


def run_report(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError
    from wartally.report import print_pdf, write_report
    from wartally.store.database import Store

    try:
        with Store(args.db, read_only=True) as store:
            summary = write_report(store.con, filter_of(args), args.output, title=args.title)
        print(f"wrote {args.output}: {summary}", file=sys.stderr)
        if args.pdf:
            print_pdf(args.output, args.pdf)
            print(f"wrote {args.pdf}", file=sys.stderr)
    except WartallyError as exc:
        return fail(exc)
    except OSError as exc:
        return fail(exc)
    return 0
