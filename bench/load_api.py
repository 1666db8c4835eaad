"""Load the JSON API: N concurrent clients on loopback for S seconds.

    .venv/bin/python bench/load_api.py --db wartally.duckdb            # starts its own server
    .venv/bin/python bench/load_api.py --url http://127.0.0.1:8000     # an already running one

Each client loops over a mix of the page's requests (lists with filters and
pages, an event, a document, stats, timeline).  Prints requests/s, p50/p99
latency and errors (any non-2xx answer or transport failure).  The server
runs in a separate process (uvicorn, one worker) on the same machine.

``--client httpx`` (default) gives each simulated user its own
httpx.AsyncClient; httpx spends about 1 ms of CPU a request, more than the
server (about 0.4 ms with answers cached), so on a small shared machine it
measures mostly itself.  ``--client raw`` uses a minimal HTTP/1.1 client on
asyncio streams (about 0.1 ms a request) and so measures the server.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

FILTERS = [
    "", "outcome=killed", "outcome=injured", "admin1=Idlib", "admin1=Aleppo", "victims=civilians",
    "source=SOHR", "start=2019-01-01&end=2019-12-31", "outcome=killed&admin1=Hama", "actor=Russia",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    code = ("import sys, uvicorn; from wartally.serve.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
            "log_level='error', access_log=False, timeout_keep_alive=30, backlog=4096)")
    proc = subprocess.Popen([sys.executable, "-c", code, db, str(port)], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/api/stats", timeout=2).read()
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited with {proc.returncode}")
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def request_mix(url: str) -> list[str]:
    """Paths a page visit asks for, with ids taken from the store."""
    get = lambda p: json.loads(urllib.request.urlopen(url + p, timeout=10).read())  # noqa: E731
    paths = [f"/api/{what}?{flt}&limit=50" for what in ("figures", "events") for flt in FILTERS]
    paths += [f"/api/timeline?{flt}" for flt in FILTERS[:5]]
    paths += [f"/api/figures?limit=50&offset={o}" for o in (50, 100, 150)]
    paths += ["/api/stats", "/api/disagreements?limit=200"]
    figures = get("/api/figures?limit=1000")["items"]
    paths += [f"/api/documents/{d}" for d in sorted({f["doc_id"] for f in figures})[:20]]
    paths += [f"/api/events/{e['id']}" for e in get("/api/events?limit=20")["items"]]
    return paths


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: one
    connection per simulated user, far cheaper in CPU than httpx, so that
    more of the shared cores go to the server being measured."""

    def __init__(self, url: str):
        host, port = url.split("//", 1)[1].split(":")
        self.host, self.port = host, int(port.rstrip("/"))
        self.reader = self.writer = None

    async def get(self, path: str) -> "RawClient.Answer":
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return RawClient.Answer(status)

    class Answer:
        def __init__(self, status_code: int):
            self.status_code = status_code

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def client(http, paths: list[str], stop_at: float, latencies: list[float], errors: list[str], seed: int) -> None:
    rnd = random.Random(seed)
    while time.perf_counter() < stop_at:
        path = rnd.choice(paths)
        t = time.perf_counter()
        try:
            r = await http.get(path)
            ok = r.status_code < 300
            if not ok:
                errors.append(f"{r.status_code} {path}")
        except Exception as exc:  # a transport failure is an error too
            errors.append(f"{type(exc).__name__} {path}")
            ok = False
        if ok:
            latencies.append(time.perf_counter() - t)


async def run(url: str, clients: int, seconds: float, kind: str = "httpx") -> dict:
    import httpx

    paths = request_mix(url)
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as http:
        for p in paths:  # warm the server's caches once, outside the measurement
            await http.get(p)
        if kind == "httpx":  # one client (and connection) per user: a shared pool costs O(connections) a request
            users = [httpx.AsyncClient(base_url=url, timeout=30) for _ in range(clients)]
        else:
            users = [RawClient(url) for _ in range(clients)]
        start = time.perf_counter()
        stop_at = start + seconds
        await asyncio.gather(*(client(u, paths, stop_at, latencies, errors, i) for i, u in enumerate(users)))
        elapsed = time.perf_counter() - start
        for u in users:
            await u.aclose()
    lat = sorted(latencies)
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else float("nan")  # noqa: E731
    return {
        "clients": clients,
        "client": kind,
        "seconds": round(elapsed, 1),
        "requests": len(lat) + len(errors),
        "requests_per_s": round((len(lat) + len(errors)) / elapsed, 1),
        "p50_ms": round(pct(0.50), 1),
        "p99_ms": round(pct(0.99), 1),
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else None,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "distinct_paths": len(paths),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="store to serve (a server is started for the run)")
    where.add_argument("--url", help="base URL of a running server")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--client", choices=["httpx", "raw"], default="httpx",
                    help="httpx.AsyncClient, or a minimal asyncio-streams HTTP/1.1 client that leaves more CPU to the server")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = ap.parse_args(argv)
    proc = None
    url = args.url
    if args.db:
        proc, url = start_server(args.db)
    try:
        result = asyncio.run(run(url, args.clients, args.seconds, args.client))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(10)
    result["cpus"] = os.cpu_count()
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['clients']} {result['client']} clients, {result['seconds']} s, {result['distinct_paths']} distinct requests, {result['cpus']} CPUs")
        print(f"requests/s {result['requests_per_s']}  p50 {result['p50_ms']} ms  p99 {result['p99_ms']} ms  "
              f"errors {result['errors']} of {result['requests']}")
        for e in result["error_examples"]:
            print("  error:", e)
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
