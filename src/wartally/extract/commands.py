"""``wartally extract``: figures from documents, as JSONL in the output
shape of the gold guide."""
from __future__ import annotations

import argparse
import sys

EPILOG = """\
examples:
  wartally extract ../shared/corpus/seeds.jsonl -o figures.jsonl
  wartally extract ../shared/corpus/seeds/ --published 2019-05-31
  wartally extract page.html --no-geocode | jq .n

Any input that `wartally read` accepts.  One figure a line with the fields of
../shared/gold/GUIDE.md ("The extractor's output") plus offsets, rule ids and
coordinates.  Problems are reported on stderr as 'WHERE: CODE: REASON'; the
exit code is 1 if there was any."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract casualty and displacement figures from documents, as JSONL",
        description="Read documents and write every killed / injured / displaced figure in them as JSONL.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for inputs that give none")
    p.add_argument("--no-geocode", action="store_true", help="skip geocoding (places keep their raw mention)")
    p.set_defaults(func=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from wartally.errors import Problem
    from wartally.ingest import read_documents
    from wartally.pipeline import process_document

    from wartally.outputs import LazyOutput

    if args.published:
        import datetime as dt

        try:
            dt.date.fromisoformat(args.published.strip())
        except ValueError:
            print(f"wartally extract: error: --published {args.published!r} is not a YYYY-MM-DD date", file=sys.stderr)
            return 2
    out = LazyOutput(args.output)  # created once a document is read: no empty file when none is
    problems = 0
    try:
        for item in read_documents([Path(p) for p in args.paths], published=args.published):
            if isinstance(item, Problem):
                print(item, file=sys.stderr)
                problems += 1
                continue
            out.touch()
            try:
                figures = process_document(item, geocode=not args.no_geocode)
            except Exception as exc:  # one bad document must not stop the batch
                print(Problem(item.id, "extract", f"{type(exc).__name__}: {exc}"), file=sys.stderr)
                problems += 1
                continue
            for f in figures:
                out.write(json.dumps(f.to_json(), ensure_ascii=False) + "\n")
    finally:
        out.close()
    return 1 if problems else 0
