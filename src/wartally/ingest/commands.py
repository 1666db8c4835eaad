"""``wartally read``: documents from any input, as JSONL."""
from __future__ import annotations

import argparse
import sys

EPILOG = """\
examples:
  wartally read ../shared/corpus/seeds.jsonl
  wartally read ../shared/corpus/seeds/ --published 2019-05-31 -o seeds.jsonl
  wartally read page.html feed.rss crawl.warc.gz > docs.jsonl
  wartally read ../shared/corpus/ --format table

Formats: .jsonl, folders of .txt (with NAME.json, index.jsonl or published.tsv
sidecars for dates), .html, .xml/.rss/.atom feeds, .warc/.warc.gz.  Documents
are cleaned of boilerplate; non-English ones are skipped.  Each unreadable
input or skipped document is reported on stderr as 'WHERE: CODE: REASON';
the exit code is 1 if there was any."""


SUMMARY_FIELDS = ("id", "published", "outlet", "language", "chars", "title")
TABLE_WIDTHS = (28, 10, 18, 4, 6, 60)


def summary(doc) -> list[str]:
    return [doc.id, doc.published.isoformat() if doc.published else "", doc.outlet or "", doc.language or "",
            str(len(doc.text)), doc.title or ""]


def _row(cells) -> str:
    return "  ".join(cell.ljust(width)[:width] for cell, width in zip(cells, TABLE_WIDTHS)).rstrip()


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "read",
        help="read documents (JSONL, text folders, HTML, feeds, WARC) and print them as JSONL",
        description="Read, clean and language-check documents from files and folders; print them as JSONL.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    p.add_argument("--published", metavar="DATE",
                   help="publication date (YYYY-MM-DD) of text files, and of documents whose input gives none")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--format", choices=("jsonl", "table", "csv"), default="jsonl",
                   help="jsonl (default): whole documents; table, csv: id, published, outlet, language, characters, title")
    p.set_defaults(func=run_read)


def run_read(args: argparse.Namespace) -> int:
    import datetime as dt
    import json
    from pathlib import Path

    from wartally.ingest import read_documents
    from wartally.records import Document

    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            print(f"wartally read: error: --published {args.published!r} is not a YYYY-MM-DD date", file=sys.stderr)
            return 2
    from wartally.outputs import LazyOutput

    out = LazyOutput(args.output)  # created once a document is read: no empty file when none is
    docs = problems = 0
    writer = None
    if args.format == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
    try:
        for item in read_documents([Path(p) for p in args.paths], published=published):
            if not isinstance(item, Document):
                print(item, file=sys.stderr)
                problems += 1
                continue
            if docs == 0 and writer is not None:
                writer.writerow(SUMMARY_FIELDS)
            elif docs == 0 and args.format == "table":
                out.write(_row(SUMMARY_FIELDS) + "\n")
            docs += 1
            if args.format == "jsonl":
                out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            elif writer is not None:
                writer.writerow(summary(item))
            else:
                out.write(_row(summary(item)) + "\n")
    finally:
        out.close()
    print(f"wartally read: {docs} documents, {problems} problems", file=sys.stderr)
    return 1 if problems else 0
