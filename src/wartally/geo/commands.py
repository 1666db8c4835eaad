"""``wartally geocode``: resolve place names and say why."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "geocode",
        help="resolve place names to coordinates and admin units",
        description="Resolve each NAME (or each line of stdin) to a gazetteer place and print it as JSON "
        "with the reason for the choice.",
        epilog='example: wartally geocode "Maaret al-Numan" --context "Khan Sheikhoun" --parent "southern Idlib"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="place names (default: one per line on stdin)")
    p.add_argument("--context", action="append", default=[], metavar="NAME",
                   help="another place named in the same article (repeatable)")
    p.add_argument("--parent", help='a stated larger area, e.g. "western Idlib province"')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from wartally.geo import resolve

    names = args.names or [line.strip() for line in sys.stdin if line.strip()]
    if not names:
        print("wartally geocode: give at least one NAME (or lines on stdin)", file=sys.stderr)
        return 2
    unresolved = 0
    for name in names:
        place = resolve(name, context=args.context, parent=args.parent)
        d = asdict(place)
        d["precision"] = place.precision.name.lower()
        d["where_prec"] = int(place.precision)
        d.pop("span", None)
        print(json.dumps(d, ensure_ascii=False))
        unresolved += not place.resolved
    return 1 if unresolved else 0
