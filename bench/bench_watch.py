"""Watch a local news site (FA-KES articles from ../shared/corpus, served as
HTML pages by tests/watchsite.py on 127.0.0.1) while the web API answers
from the same process, and print: articles/s through a round (fetch, read,
extract, geocode, store, link), and the latency of /api/changes and
/api/figures during the round and the number of failed requests.

    .venv/bin/python bench/bench_watch.py [--articles 100] [--batch-size 16]
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"
sys.path.insert(0, str(ROOT / "tests"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_get(url: str) -> float | None:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
    except OSError:
        return None
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    import uvicorn

    from watchsite import RunningSite
    from wartally.serve.app import create_app
    from wartally.serve.live import Live
    from wartally.store import Store
    from wartally.watch import Fetcher, Watcher

    articles = [json.loads(line) for line in open(CORPUS, encoding="utf-8")][: args.articles]
    articles = [a for a in articles if a.get("published") and a.get("title")]
    with RunningSite() as site, tempfile.TemporaryDirectory(prefix="wartally-bench-") as tmp:
        for i, a in enumerate(articles):
            site.publish(f"/b/{i}", a)
        with Store(Path(tmp) / "watch.duckdb") as store:
            live = Live(watching=True)
            port = free_port()
            server = uvicorn.Server(uvicorn.Config(create_app(store.path, store=store, live=live),
                                                   host="127.0.0.1", port=port, log_level="warning"))
            threading.Thread(target=server.run, daemon=True).start()
            while not server.started:
                time.sleep(0.05)
            base = f"http://127.0.0.1:{port}"
            watcher = Watcher(store, [site.base + "/feed.xml"], fetcher=Fetcher(min_interval=0),
                              batch_size=args.batch_size, on_change=live.bump, say=lambda s: None)
            result = {}
            worker = threading.Thread(target=lambda: result.update(summary=watcher.round()))
            started = time.perf_counter()
            worker.start()
            changes, figures, failed = [], [], 0
            while worker.is_alive():
                for path, into in (("/api/changes?since=0", changes), ("/api/figures?limit=50", figures)):
                    t = timed_get(base + path)
                    if t is None:
                        failed += 1
                    else:
                        into.append(t)
                time.sleep(0.05)
            worker.join()
            seconds = time.perf_counter() - started
            server.should_exit = True
    summary = result["summary"]
    p = lambda xs, q: sorted(xs)[min(len(xs) - 1, int(q * len(xs)))] * 1000 if xs else float("nan")  # noqa: E731
    print(f"watch round: {len(articles)} articles listed, {summary.stored} stored, {summary.duplicates} duplicates, "
          f"{summary.failed} failed, {summary.figures} figures, {summary.events} events in {seconds:.1f} s "
          f"({summary.stored / seconds:.1f} articles/s)")
    for name, xs in (("/api/changes", changes), ("/api/figures?limit=50", figures)):
        print(f"{name} during the round: {len(xs)} requests, median {statistics.median(xs) * 1000 if xs else float('nan'):.1f} ms, "
              f"p95 {p(xs, 0.95):.1f} ms, max {max(xs) * 1000 if xs else float('nan'):.1f} ms")
    print(f"failed requests during the round: {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
