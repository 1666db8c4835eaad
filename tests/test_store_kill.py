"""A run killed with SIGKILL mid-ingest leaves the store consistent, and the
same command run again reaches exactly the state of an uninterrupted run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wartally.store import Store

ROOT = Path(__file__).resolve().parent.parent

# A subprocess that ingests with a small, slow, deterministic figure finder,
# so that the kill lands mid-run whatever the extractor's state.
SCRIPT = r'''
import re, sys, time
from wartally.records import Figure, Outcome, Qualifier, Span, Victims
from wartally.errors import Problem
from wartally.store import Store
from wartally.ingestion import ingest, read_inputs
from wartally.store.progress import Progress

PAT = re.compile(r"(\d[\d,]*) (people|civilians|children|women|men|fighters|soldiers)[^.]{0,40}?"
                 r"(killed|dead|died|wounded|injured|displaced)")
OUT = {"killed": "killed", "dead": "killed", "died": "killed", "wounded": "injured",
       "injured": "injured", "displaced": "displaced"}

def figures(doc):
    time.sleep(float(sys.argv[3]))
    out = []
    for m in PAT.finditer(doc.text):
        n = int(m.group(1).replace(",", ""))
        vic = {"fighters": "combatants", "soldiers": "combatants"}.get(m.group(2), m.group(2))
        sp = Span(doc.id, m.start(1), m.end(1), m.group(1), "number:test")
        out.append(Figure(Figure.make_id(doc.id, doc.content_hash, m.start(1), OUT[m.group(3)], vic), doc.id,
                          Outcome(OUT[m.group(3)]), n, Qualifier.EXACT, Victims(vic), m.group(0), sp,
                          m.start(), m.end(), provenance=(sp,)))
    return out

def process(items):
    for item in items:
        yield item if isinstance(item, Problem) else (item, figures(item))

with Store(sys.argv[1]) as store:
    s = ingest(store, read_inputs([sys.argv[2]]), process=process, batch_size=10, link=False,
               progress=Progress())
print(s.text(), file=sys.stderr)
'''


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, without the timestamps of when they were written."""
    with Store(path, read_only=True) as store:
        out = {}
        for table in store.counts():
            cols = [c for (c,) in store.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if c not in ("ingested_at", "applied_at")]
            out[table] = store.con.execute(
                f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL").fetchall()
        return out


def start(cmd: list[str], src: Path = ROOT / "src") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)


def kill_after_first_commit(proc: subprocess.Popen, timeout: float = 60) -> list[str]:
    """Wait for the first committed batch on stderr, then SIGKILL."""
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("ingest:"):
            time.sleep(0.3)  # into the next batches
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    return lines


def check_consistent(path: Path, reference: dict[str, list[tuple]]) -> int:
    """Each stored document has exactly the figures it has in the complete
    run (a batch is all there or not there); returns documents stored."""
    with Store(path, read_only=True) as store:
        docs = dict(store.con.execute("SELECT id, content_hash FROM documents").fetchall())
        per_doc = dict(store.con.execute("SELECT doc_id, count(*) FROM figures GROUP BY 1").fetchall())
        orphans = store.con.execute(
            "SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0
    ref_docs = {r[0] for r in reference["documents"]}
    ref_counts: dict[str, int] = {}
    for row in reference["figures"]:
        ref_counts[row[1]] = ref_counts.get(row[1], 0) + 1
    assert set(docs) <= ref_docs
    for doc_id in docs:
        assert per_doc.get(doc_id, 0) == ref_counts.get(doc_id, 0), doc_id
    return len(docs)


@pytest.mark.slow
def test_store_sigkill_mid_ingest_then_rerun_completes(tmp_path, gold_root):
    corpus = gold_root / "corpus" / "fakes-dev.jsonl"
    script = tmp_path / "ingest_script.py"
    script.write_text(SCRIPT)
    full, killed = tmp_path / "full.duckdb", tmp_path / "killed.duckdb"

    proc = start([sys.executable, str(script), str(full), str(corpus), "0"])
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    reference = dump(full)
    assert len(reference["documents"]) > 90 and len(reference["figures"]) > 50

    proc = start([sys.executable, str(script), str(killed), str(corpus), "0.01"])
    lines = kill_after_first_commit(proc)
    assert proc.returncode == -signal.SIGKILL, lines
    stored = check_consistent(killed, reference)
    assert 0 < stored < len(reference["documents"])  # it was killed mid-run

    proc = start([sys.executable, str(script), str(killed), str(corpus), "0"])
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert f"{stored} unchanged" in err
    assert dump(killed) == reference


@pytest.mark.slow
def test_store_sigkill_cli_ingest_then_rerun_completes(tmp_path, gold_root):
    import shutil

    corpus = gold_root / "corpus" / "fakes-dev.jsonl"
    full, killed = tmp_path / "full.duckdb", tmp_path / "killed.duckdb"
    # the three runs use one copy of the code, whatever is edited meanwhile
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    cli = [sys.executable, "-m", "wartally", "ingest", str(corpus), "--batch-size", "8", "--db"]
    proc = start(cli + [str(full)], src)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 1), err
    reference = dump(full)

    proc = start(cli + [str(killed)], src)
    kill_after_first_commit(proc)
    if proc.returncode != -signal.SIGKILL:
        pytest.skip("the ingest finished before it could be killed")
    check_consistent(killed, reference)
    proc = start(cli + [str(killed)], src)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 1), err
    assert dump(killed) == reference
