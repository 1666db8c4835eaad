"""``wartally serve``: the web page and JSON API over a store."""
from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the web page and JSON API over a store (read-only)",
        description="Start a web server with a map, timeline and table of the store's events "
        "and figures, and a JSON API (its OpenAPI schema at /openapi.json).",
        epilog="example: wartally serve --db wartally.duckdb --port 8000\n"
        "         then open http://127.0.0.1:8000/ or curl 'http://127.0.0.1:8000/api/figures?admin1=Idlib&outcome=killed'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", default="wartally.duckdb", help="the store (DuckDB file); default: %(default)s")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on; default: %(default)s")
    p.add_argument("--port", type=int, default=8000, help="port to listen on; default: %(default)s")
    p.add_argument(
        "--tiles",
        metavar="URL",
        default=None,
        help="optional online tile layer, e.g. 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' (default: none, offline)",
    )
    p.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(func=run)


#: The largest request line and headers the server reads (bytes): a query
#: string up to this size gets the API's 414 answer, not a dropped connection.
MAX_REQUEST_HEAD = 1024 * 1024


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    if not Path(args.db).is_file():
        print(f"wartally serve: {args.db}: no such store (create one with: wartally ingest FILE --db {args.db})", file=sys.stderr)
        return 2
    if args.tiles and not args.tiles.startswith(("http://", "https://")):
        print(f"wartally serve: --tiles {args.tiles!r}: give an http(s) URL template such as "
              "https://tile.openstreetmap.org/{z}/{x}/{y}.png", file=sys.stderr)
        return 2
    import uvicorn

    from wartally.serve.app import create_app

    try:
        app = create_app(args.db, tiles=args.tiles)
    except Exception as exc:  # a locked or corrupt store
        print(f"wartally serve: {args.db}: cannot open the store: {exc}", file=sys.stderr)
        return 2
    print(f"wartally: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False,
                timeout_keep_alive=30, backlog=4096, h11_max_incomplete_event_size=MAX_REQUEST_HEAD)
    return 0
