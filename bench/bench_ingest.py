"""Time ``wartally ingest ../shared/corpus/fakes-dev.jsonl`` into a fresh
database (target: under 60 s on the 2-core CI machine) and print the figure.

    .venv/bin/python bench/bench_ingest.py [CORPUS] [--workers N]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"
TARGET_S = 60.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="wartally-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        cmd = [sys.executable, "-m", "wartally", "ingest", args.corpus, "--db", str(db), "-q",
               "--workers", str(args.workers)]
        started = time.perf_counter()
        got = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        summary = (got.stderr.strip().splitlines() or [""])[-1]
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        docs, figs = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "figures"))
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        con.close()
    ok = seconds < TARGET_S
    print(f"ingest {Path(args.corpus).name}: {seconds:.1f} s wall (target < {TARGET_S:.0f} s: "
          f"{'ok' if ok else 'MISSED'}), {docs} documents, {figs} figures, {events} events, "
          f"{docs / seconds:.1f} documents/s, exit {got.returncode}")
    print(f"  {summary}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
