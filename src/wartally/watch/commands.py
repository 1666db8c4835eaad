"""``wartally watch`` and ``wartally sources``."""
from __future__ import annotations

import argparse
import re
import sys

WATCH_EPILOG = """\
examples:
  wartally watch https://example.org/world/rss.xml --every 15m --db wartally.duckdb
  wartally watch feeds.txt inbox/ --once                 # one round, then exit (cron)
  wartally watch feeds.txt --every 10m --serve --port 8000   # serve the page while watching

A source is an RSS/Atom feed URL, a sitemap URL, a file listing such URLs
(one a line, # comments) or a folder of files that `wartally ingest` reads.
Each round checks every source (conditional GET), fetches the articles never
seen before (politely: one request per --delay seconds to a host, retries
with backoff on 429/5xx), reads, extracts, geocodes and stores them, and
links the store.  The same story under several URLs is stored once, with
every URL and outlet recorded (`wartally sources --items`).  Problems go to
stderr as `URL: CODE: REASON` and the round goes on.  The queue lives in the
store: a killed run resumes where it stopped.  Exit 0 when all went well, 1
when something failed (--once/--rounds), 2 on a usage error."""

SOURCES_EPILOG = """\
examples:
  wartally sources --db wartally.duckdb
  wartally sources --items --format jsonl > items.jsonl"""

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


def duration(text: str) -> float:
    """Seconds from '90', '30s', '15m', '1h' or '1d'."""
    m = _DURATION.match(text)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 30s, 15m or 1h")
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "watch", help="watch feeds, sitemaps and folders; store new articles as they appear",
        description="Watch RSS/Atom feeds, sitemaps, files of URLs and folders: fetch new articles, "
                    "extract, geocode, store and link them, every --every.",
        epilog=WATCH_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed or sitemap URL, file of URLs, or folder")
    p.add_argument("--db", default="wartally.duckdb", metavar="FILE", help="the store (default: wartally.duckdb)")
    p.add_argument("--every", type=duration, default=duration("15m"), metavar="TIME",
                   help="time between rounds: 30s, 15m, 1h (default: 15m)")
    once = p.add_mutually_exclusive_group()
    once.add_argument("--once", action="store_true", help="one round, then exit")
    once.add_argument("--rounds", type=int, metavar="N", help="N rounds, then exit")
    p.add_argument("--delay", type=float, default=1.0, metavar="S",
                   help="seconds between two requests to the same host (default: 1)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="network timeout (default: 20)")
    p.add_argument("--retries", type=int, default=3, metavar="N", help="retries on 429/5xx/timeouts (default: 3)")
    p.add_argument("--max-mb", type=float, default=10.0, metavar="MB", help="largest page or feed (default: 10)")
    p.add_argument("--batch-size", type=int, default=16, metavar="N", help="articles per committed batch")
    p.add_argument("--no-link", action="store_true", help="do not link the store after a round")
    p.add_argument("--serve", action="store_true",
                   help="also serve the web page and API from this process (it shows new figures as they come)")
    p.add_argument("--host", default="127.0.0.1", help="with --serve: address to listen on")
    p.add_argument("--port", type=int, default=8000, help="with --serve: port to listen on")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line after each round")
    p.set_defaults(func=run_watch)

    p = subparsers.add_parser(
        "sources", help="the watched sources and their state",
        description="Each watched source: kind, when it was last checked, when a new item was last found, "
                    "items stored, duplicates, failed and pending, and its last error.",
        epilog=SOURCES_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default="wartally.duckdb", metavar="FILE", help="the store (default: wartally.duckdb)")
    p.add_argument("--items", action="store_true", help="every item seen instead: URL, status, document, outlet, error")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.set_defaults(func=run_sources)


def _usage(message: str) -> int:
    print(f"wartally watch: error: {message}", file=sys.stderr)
    return 2


def run_watch(args: argparse.Namespace) -> int:
    import signal
    import threading

    from wartally.watch.fetcher import Fetcher

    if args.delay < 0 or args.timeout <= 0 or args.retries < 0 or args.max_mb <= 0 or args.batch_size < 1:
        return _usage("--delay, --retries must be >= 0; --timeout, --max-mb, --batch-size > 0")
    if args.rounds is not None and args.rounds < 1:
        return _usage("--rounds must be at least 1")
    rounds = 1 if args.once else args.rounds
    fetcher = Fetcher(timeout=args.timeout, retries=args.retries, min_interval=args.delay,
                      max_bytes=int(args.max_mb * 1024 * 1024))
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())  # end after the item in hand, committed
    try:
        return _run_watch(args, fetcher, stop, rounds)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_watch(args: argparse.Namespace, fetcher, stop, rounds: int | None) -> int:
    from wartally.errors import WartallyError
    from wartally.store.database import Store
    from wartally.watch.runner import Watcher

    failed = False

    def after_round(summary) -> None:
        nonlocal failed
        failed = failed or bool(summary.problems)
        if not args.quiet:
            print(summary.text(), file=sys.stderr, flush=True)

    try:
        with Store(args.db) as store:
            if args.serve:
                return _watch_and_serve(args, store, fetcher, stop, after_round)
            watcher = Watcher(store, args.sources, fetcher=fetcher, batch_size=args.batch_size, link=not args.no_link)
            try:
                watcher.run(args.every, rounds=rounds, stop=stop, after_round=after_round)
            except KeyboardInterrupt:
                return 130
    except WartallyError as exc:
        print(f"wartally watch: {exc.where or args.db}: {exc.code}: {exc.reason}", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _watch_and_serve(args, store, fetcher, stop, after_round) -> int:
    """One process that writes and serves: the watcher in a thread, the
    server in this one, both over the same DuckDB database (docs/live.md)."""
    import threading

    import uvicorn

    from wartally.serve.app import create_app
    from wartally.serve.live import Live, last_written
    from wartally.watch.runner import Watcher

    from wartally.watch.state import source_rows

    live = Live(last_written(store.con.cursor()), watching=True, sources=source_rows)
    app = create_app(args.db, store=store, live=live)
    watcher = Watcher(store, args.sources, fetcher=fetcher, batch_size=args.batch_size,
                      link=not args.no_link, on_change=live.bump, stop=stop)
    thread = threading.Thread(target=watcher.run, args=(args.every,),
                              kwargs={"after_round": after_round}, name="watch", daemon=True)
    server = uvicorn.Server(uvicorn.Config(app, host=args.host, port=args.port, log_level="warning",
                                           access_log=False, timeout_keep_alive=30))
    print(f"wartally: watching {len(args.sources)} sources into {args.db}, serving http://{args.host}:{args.port}/",
          file=sys.stderr, flush=True)
    thread.start()
    try:
        server.run()
    finally:
        stop.set()  # the watcher commits the item in hand and ends its round
        thread.join()
    return 0


def run_sources(args: argparse.Namespace) -> int:
    from wartally.errors import WartallyError
    from wartally.store.database import Store
    from wartally.watch import state

    try:
        with Store(args.db, read_only=True) as store:
            rows = state.item_rows(store.con) if args.items else state.source_rows(store.con)
    except WartallyError as exc:
        hint = "; a running `wartally watch --serve` shows them at /api/sources" if exc.code == "store-locked" else ""
        print(f"wartally sources: {exc.where or args.db}: {exc.code}: {exc.reason}{hint}", file=sys.stderr)
        return 1
    columns = state.ITEM_COLUMNS if args.items else state.SOURCE_COLUMNS
    _write(rows, columns, args.format, sys.stdout)
    return 0


def _write(rows: list[dict], columns: tuple[str, ...], fmt: str, out) -> None:
    import csv
    import json

    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = lambda row: "  ".join(v.ljust(s) for v, s in zip(row, sizes)).rstrip()  # noqa: E731
    out.write("\n".join([line(columns), line(["-" * s for s in sizes])] + [line(r) for r in cells]) + "\n")
    out.write(f"({len(rows)} {'items' if 'url' in columns else 'sources'})\n")


def _cell(v: object, width: int = 60) -> str:
    if hasattr(v, "strftime"):
        v = v.strftime("%Y-%m-%d %H:%M:%S")
    s = "" if v is None else " ".join(str(v).split())
    return s if len(s) <= width else s[: width - 1] + "…"
