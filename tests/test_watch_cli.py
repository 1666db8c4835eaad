"""``wartally watch`` and ``wartally sources`` as commands, and a kill -9
of a ``watch`` process mid-batch: the restarted run reaches the same store
as an uninterrupted one, and fetches nothing it had finished."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from watchsite import Route, RunningSite, sample_articles
from wartally.cli import main
from wartally.store import Store

ARTICLES = sample_articles()


@pytest.fixture
def site():
    with RunningSite() as s:
        yield s


def test_watch_cli_once_reports_bad_items_and_sources_lists_state(site, tmp_path, capsys):
    site.publish("/n/1", ARTICLES[6])
    site.publish("/n/2", ARTICLES[7])
    site.routes["/n/broken"] = Route(b"oops", status=500)
    site.list_link("/n/broken")
    db = str(tmp_path / "w.duckdb")
    feed = site.base + "/feed.xml"
    code = main(["watch", feed, "--once", "--db", db, "--delay", "0", "--retries", "0", "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{site.base}/n/broken: http: HTTP 500 (after 1 attempts)" in err.splitlines()
    assert "2 stored" in err and "1 failed" in err

    assert main(["sources", "--db", db]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["source", "kind", "last_checked"]
    row = table[2].split()
    assert row[0] == feed and row[1] == "feed" and "(1 sources)" in table[-1]

    assert main(["sources", "--db", db, "--items", "--format", "jsonl"]) == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(i["url"], i["status"]) for i in items] == [
        (site.base + "/n/1", "stored"), (site.base + "/n/2", "stored"), (site.base + "/n/broken", "failed")]
    assert items[2]["error"] == "http: HTTP 500 (after 1 attempts)"

    # a second run: nothing new, the feed is not modified; exit 0 once nothing fails
    site.routes["/n/broken"] = Route(b"<html><body><nav>menu</nav></body></html>")
    assert main(["watch", feed, "--once", "--db", db, "--delay", "0"]) == 1  # the retried page has no text
    assert "(1 unchanged)" in capsys.readouterr().err
    assert main(["watch", feed, "--once", "--db", db, "--delay", "0"]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("argv", [
    ["watch", "http://127.0.0.1:9/feed", "--every", "0"],
    ["watch", "http://127.0.0.1:9/feed", "--every", "soon"],
    ["watch", "http://127.0.0.1:9/feed", "--rounds", "0"],
    ["watch", "http://127.0.0.1:9/feed", "--once", "--rounds", "2"],
    ["watch"],
])
def test_watch_cli_usage_errors_exit_2(argv, tmp_path, capsys):
    try:
        code = main(argv + ["--db", str(tmp_path / "w.duckdb")] if argv[1:] else argv)
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    assert code == 2
    assert capsys.readouterr().err.strip()
    assert not (tmp_path / "w.duckdb").exists()


def test_watch_cli_sources_on_a_missing_store_is_one_line(tmp_path, capsys):
    assert main(["sources", "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "none.duckdb" in err[0]


def snapshot(db) -> dict:
    """What a watch run leaves, without timestamps."""
    with Store(db, read_only=True) as store:
        q = lambda sql: sorted(store.con.execute(sql).fetchall())  # noqa: E731
        return {
            "documents": q("SELECT id, content_hash, outlet, published, text FROM documents"),
            "figures": q("SELECT id, doc_id, outcome, n, victims, place, start_date, kind FROM figures"),
            "events": q("SELECT id, start_date, place, n_documents, n_reports FROM events"),
            "counts": q("SELECT event_id, outcome, victims, low, best, high FROM event_counts"),
            "links": q("SELECT figure_a, figure_b FROM links"),
            "items": q("SELECT url, status, doc_id, outlet FROM watch_items"),
            "needs_link": q("SELECT value FROM watch_meta WHERE key = 'needs_link'"),
        }


def watch_process(feed: str, db, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "wartally", "watch", feed, "--once", "--db", str(db),
                             "--delay", "0", "--batch-size", "3", "--retries", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [4, 8])
def test_watch_kill_9_mid_batch_then_restart_reaches_the_uninterrupted_store(site, tmp_path, kill_after):
    for i in range(12):
        site.publish(f"/k/{i}", ARTICLES[12 + i])
    site.publish("/k/copy", ARTICLES[14], outlet="Copy Wire")
    feed = site.base + "/feed.xml"

    whole = tmp_path / "whole.duckdb"
    done = watch_process(feed, whole)
    assert done.wait(timeout=240) == 0, done.stderr.read()
    expected = snapshot(whole)
    assert len(expected["documents"]) == 12 and expected["events"]

    site.pace = 0.25  # slow pages, so the kill lands inside a batch
    killed = tmp_path / "killed.duckdb"
    pages = lambda: [p for p, _ in site.log if p.startswith("/k/")]  # noqa: E731
    before = len(pages())
    proc = watch_process(feed, killed)
    deadline = time.time() + 120
    while len(pages()) - before < kill_after and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "watch ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with Store(killed, read_only=True) as store:  # the killed run's file opens and holds whole batches
        finished = {r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()}
    assert len(finished) < 12

    site.pace = 0.0
    after = len(site.log)
    restarted = watch_process(feed, killed)
    assert restarted.wait(timeout=240) == 0, restarted.stderr.read()
    assert snapshot(killed) == expected
    refetched = {site.base + p for p, _ in site.log[after:] if p.startswith("/k/")}
    assert not refetched & finished, "a stored article was fetched again"
