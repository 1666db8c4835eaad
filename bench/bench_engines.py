"""Articles per second and peak memory of the engines on the same corpus.

    .venv/bin/python bench/bench_engines.py                    # local 1, local 2, spark local[2]; 20,000 articles
    .venv/bin/python bench/bench_engines.py --articles 2000 --runs local-1 spark-local[4]

The corpus (default ../shared/corpus/fakes-dev.jsonl) is repeated, with
fresh ids, to at least --articles articles in one JSONL file.  Each run is a
fresh Python process (so model loading and, for Spark, the JVM start are
counted); its wall time is measured from the outside, and its memory is the
peak over the run of the summed resident memory of the process and all its
descendants (workers, the JVM, Spark's Python workers), read from /proc,
as are their CPU seconds: on a shared machine articles per CPU second says
more than articles per second.
Runs: ``local-N`` (the local engine with N workers) and ``spark-MASTER``
(``ingest_to_parquet`` with that master, writing Parquet to a temporary
folder).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"
PAGE = os.sysconf("SC_PAGE_SIZE")


def write_corpus(source: Path, articles: int, target: Path) -> int:
    """``source`` repeated with fresh ids to at least ``articles`` lines."""
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = 0
    with open(target, "w", encoding="utf-8") as f:
        while n < articles:
            for rec in records:
                f.write(json.dumps({**rec, "id": f"{rec['id']}~{n // len(records)}"}, ensure_ascii=False) + "\n")
                n += 1
    return n


TICK = os.sysconf("SC_CLK_TCK")


def tree_rss(root: int, cpu: dict[int, float] | None = None) -> int:
    """Summed resident bytes of ``root`` and its descendants; ``cpu`` gets
    each one's CPU seconds so far (user + system)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)  # fields[1] = ppid
        rss[pid] = int(fields[21]) * PAGE  # resident pages
        used[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        if cpu is not None and pid in used:
            cpu[pid] = used[pid]
        todo.extend(children.get(pid, []))
    return total


def measure(cmd: list[str]) -> tuple[float, int, float, str]:
    """Wall seconds, peak tree RSS in bytes, CPU seconds of the tree (as
    last sampled, so a process's last 0.2 s may be missed) and stdout of
    ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = 0
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid, cpu))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return seconds, peak, sum(cpu.values()), out


def run_one(run: str, corpus: Path) -> dict:
    """One run in this process; prints what it counted as JSON."""
    if run.startswith("local-"):
        from wartally.engines.local import process_documents
        from wartally.errors import Problem
        from wartally.ingest import read_documents

        docs = figures = problems = 0
        for r in process_documents(read_documents([corpus]), workers=int(run.split("-", 1)[1])):
            if isinstance(r, Problem):
                problems += 1
            else:
                docs += 1
                figures += len(r[1])
        return {"documents": docs, "figures": figures, "problems": problems}
    if run.startswith("spark-"):
        from wartally.engines.spark import ingest_to_parquet, session

        master = run.split("-", 1)[1]
        spark = session(master, conf={"spark.ui.showConsoleProgress": "false"})
        with tempfile.TemporaryDirectory(prefix="wartally-bench-") as out:
            counts = ingest_to_parquet([str(corpus)], out, spark=spark)
        spark.stop()
        return counts
    raise SystemExit(f"unknown run {run!r}: use local-N or spark-MASTER")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--runs", nargs="+", default=["local-1", "local-2", "spark-local[2]"])
    ap.add_argument("--one", metavar="RUN", help=argparse.SUPPRESS)  # internal: the measured child
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.input)))
        return 0
    if not args.corpus.exists():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="wartally-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(args.corpus, args.articles, corpus)
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"corpus: {args.corpus.name} repeated to {n} articles; {os.cpu_count()} CPUs; load average {load}")
        print(f"{'run':<18} {'articles':>8} {'figures':>8} {'seconds':>8} {'articles/s':>10} {'peak MiB':>9}"
              f" {'CPU s':>7} {'articles/CPU s':>14}")
        for run in args.runs:
            seconds, peak, cpu, out = measure([sys.executable, __file__, "--one", run, "--input", str(corpus)])
            counts = json.loads(out.strip().splitlines()[-1])
            print(f"{run:<18} {counts['documents']:>8} {counts['figures']:>8} {seconds:>8.1f} "
                  f"{counts['documents'] / seconds:>10.1f} {peak / 2**20:>9.0f} {cpu:>7.0f} "
                  f"{counts['documents'] / max(cpu, 1e-9):>14.1f}   (load average after: "
                  f"{os.getloadavg()[0]:.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
