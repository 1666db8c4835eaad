"""Bad databases and hostile places: each gives a clear error and leaves the
existing data as it was."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from wartally.cli import main
from wartally.records import Document
from wartally.store import Store, StoreCorrupt, StoreLocked, StoreReadOnly, StoreTooNew
from wartally.store.queries import FigureFilter, select_figures
from wartally.store.samples import gold_figures

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = ("A barrel bomb dropped by a government helicopter on the village of Mhambil killed 15 people, "
            "the Syrian Civil Defence said.")
GOLD = [{"outcome": "killed", "n": 15, "qualifier": "exact", "victims": "people", "place": "Mhambil",
         "admin1": "Idlib", "source": "SCD", "quote": "killed 15 people"}]


def seed(path: Path) -> dict[str, int]:
    doc = Document.make("mhambil", SENTENCE, published="2019-06-28")
    with Store(path) as store:
        store.write_document(doc, gold_figures(doc, GOLD))
        return store.counts()


def counts(path: Path) -> dict[str, int]:
    with Store(path, read_only=True) as store:
        return store.counts()


@pytest.mark.parametrize("content, expect", [
    (b"this is not a database\n" * 200, "not a readable"),
    (b"", "not a readable"),
    ("truncated", "not a readable"),
])
def test_store_corrupt_file_is_refused_and_kept(tmp_path, content, expect):
    path = tmp_path / "bad.duckdb"
    if content == "truncated":
        seed(tmp_path / "good.duckdb")
        content = (tmp_path / "good.duckdb").read_bytes()[:5000]
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt, match=expect) as err:
        Store(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content  # untouched


def test_store_newer_schema_is_refused_and_kept(tmp_path):
    path = tmp_path / "future.duckdb"
    before = seed(path)
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')")
    for read_only in (False, True):
        with pytest.raises(StoreTooNew, match="schema version 99, newer than this wartally knows"):
            Store(path, read_only=read_only)
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == before["figures"]
    con.close()


def test_store_locked_file_names_the_holder(tmp_path):
    path = tmp_path / "locked.duckdb"
    before = seed(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from wartally.store import Store; s = Store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked, match="in use by another process"):
            Store(path)
        with pytest.raises(StoreLocked):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    assert counts(path) == before


@contextmanager
def small_tmpfs(where: Path, size: str):
    where.mkdir()
    got = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                         capture_output=True, text=True)
    if got.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {got.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@contextmanager
def read_only_dir(where: Path):
    """A directory with a database in it that cannot be written: a tmpfs
    remounted read-only where we may mount (root ignores file modes), else
    a directory without write permission."""
    if os.geteuid() != 0:
        where.mkdir()
        seed(where / "w.duckdb")
        (where / "w.duckdb").chmod(0o444)
        where.chmod(0o555)
        try:
            yield where
        finally:
            where.chmod(0o755)
        return
    with small_tmpfs(where, "4m") as ro:
        seed(ro / "w.duckdb")
        got = subprocess.run(["mount", "-o", "remount,ro", str(ro)], capture_output=True, text=True)
        assert got.returncode == 0, got.stderr
        yield ro


def test_store_read_only_directory(tmp_path):
    with read_only_dir(tmp_path / "ro") as ro:
        path = ro / "w.duckdb"
        before = {"documents": 1, "sources": 1, "figures": 1, "events": 0, "event_counts": 0, "event_figures": 0,
                  "links": 0, "disagreements": 0}
        with pytest.raises(StoreReadOnly, match="cannot write here"):
            Store(path)
        with pytest.raises(StoreReadOnly):
            Store(ro / "new.duckdb")
        assert counts(path) == before  # reading still works
        assert main(["figures", "--db", str(path), "--format", "jsonl"]) == 0
        assert main(["ingest", str(ro), "--db", str(ro / "new.duckdb"), "-q"]) == 1


# Fills the disk batch by batch; prints how many documents were committed.
FILL = r'''
import os, resource, signal, sys
from wartally.records import Document
from wartally.store import Store
from wartally.errors import StoreError
if sys.argv[2] != "0":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
done = 0
try:
    with Store(sys.argv[1]) as store:
        for i in range(1000):
            batch = [(Document.make(f"fill-{i}-{j}", f"{i} {j} " + os.urandom(4000).hex()), []) for j in range(10)]
            store.write_batch(batch)
            done += len(batch)
except StoreError as exc:
    print(done, type(exc).__name__, exc, sep="\t")
    sys.exit(0)
print(done, "none", "never full", sep="\t")
'''


def fill(path: Path, fsize: int) -> tuple[int, str, str]:
    got = subprocess.run([sys.executable, "-c", FILL, str(path), str(fsize)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120)
    assert got.returncode == 0, got.stderr
    done, kind, msg = got.stdout.strip().split("\t")
    return int(done), kind, msg


def check_after_full(path: Path, before: dict[str, int], done: int) -> None:
    with Store(path, read_only=True) as store:
        got = store.counts()
        assert got["documents"] == before["documents"] + done  # every committed batch, nothing of the failed one
        assert got["figures"] == before["figures"]
        rows, total = select_figures(store.con, FigureFilter(place="mhambil"))
        assert total == 1 and rows[0]["n"] == 15


def test_store_full_disk_tmpfs(tmp_path, gold_root):
    with small_tmpfs(tmp_path / "small", "3m") as small:
        path = small / "w.duckdb"
        before = seed(path)
        done, kind, msg = fill(path, 0)
        assert kind == "StoreNoSpace" and "disk is full" in msg and str(path) in msg
        assert done > 0
        check_after_full(path, before, done)
        # the command says so too, and keeps the data
        seeds = gold_root / "corpus" / "fakes-dev.jsonl"
        got = subprocess.run([sys.executable, "-m", "wartally", "ingest", str(seeds), "--db", str(path), "-q",
                              "--no-link", "--batch-size", "2"], capture_output=True, text=True, timeout=300,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        assert got.returncode == 1 and "disk is full" in got.stderr, got.stderr[-2000:]
        check_after_full(path, before, done)


def test_store_full_disk_file_size_limit(tmp_path):
    path = tmp_path / "w.duckdb"
    before = seed(path)
    size = path.stat().st_size
    done, kind, msg = fill(path, size + 600_000)
    assert kind == "StoreNoSpace", msg
    check_after_full(path, before, done)


def test_store_filters_are_parameters_not_sql(tmp_path):
    path = tmp_path / "w.duckdb"
    seed(path)
    with Store(path, read_only=True) as store:
        for hostile in ("' OR 1=1 --", "x'); DROP TABLE figures; --", "%", "Mhambil' --"):
            for flt in (FigureFilter(place=hostile), FigureFilter(source=hostile), FigureFilter(actor=hostile + "zz"),
                        FigureFilter(admin1=hostile)):
                assert select_figures(store.con, flt)[1] == 0
        assert select_figures(store.con, FigureFilter(place="MHAMBIL"))[1] == 1
        assert store.counts()["figures"] == 1
