"""``wartally serve`` as a user runs it: help with an example, a clear
usage error for a missing store, and a real server in a subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from test_serve_api import build_store, sample_inputs, stored_gold
from test_serve_page import free_port


def wartally(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wartally", *args], capture_output=True, text=True, timeout=60, **kw)


def test_serve_help_has_an_example():
    out = wartally("serve", "--help")
    assert out.returncode == 0
    assert "example: wartally serve --db" in out.stdout and "--port" in out.stdout


def test_serve_missing_store_is_a_usage_error(tmp_path):
    out = wartally("serve", "--db", str(tmp_path / "nothing.duckdb"))
    assert out.returncode == 2
    assert "nothing.duckdb: no such store" in out.stderr


@pytest.mark.slow
def test_serve_command_answers_on_its_port(sample, tmp_path):
    docs, gold = sample_inputs(sample)
    db = build_store(tmp_path / "sample.duckdb", docs, gold)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "wartally", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while True:
            try:
                stats = json.loads(urllib.request.urlopen(base + "/api/stats", timeout=2).read())
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.time() < deadline, "no answer within 30 s"
                time.sleep(0.2)
        assert stats["figures"] == len(stored_gold((docs, gold))) > 0
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(base + "/api/figures?end=31-12-2019", timeout=5)
        assert err.value.code == 422 and json.loads(err.value.read())["error"]["code"] == "invalid_parameter"
        # read-only: the store stays open for other readers while it is served
        import duckdb

        duckdb.connect(str(db), read_only=True).close()
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.slow
def test_serve_answers_over_a_store_that_wartally_ingest_wrote(sample_articles, tmp_path):
    """End to end: the real ingest writes the sample's 16 gold FA-KES
    articles, the API serves them, and
    every figure's offsets point into its document's text as the page
    highlights them."""
    from fastapi.testclient import TestClient

    from wartally.serve.app import create_app

    db = tmp_path / "sample.duckdb"
    out = wartally("ingest", str(sample_articles), "--db", str(db))
    assert out.returncode in (0, 1), out.stderr
    with TestClient(create_app(db)) as c:
        stats = c.get("/api/stats").json()
        figures = c.get("/api/figures?limit=1000").json()
        assert figures["total"] == stats["figures"] > 0
        # documents with a figure: all but the extractor's misses of the 16
        assert 12 <= stats["documents"] == len({f["doc_id"] for f in figures["items"]}) <= 16
        for doc_id in sorted({f["doc_id"] for f in figures["items"]}):
            doc = c.get(f"/api/documents/{doc_id}").json()
            for f in doc["figures"]:
                assert f["sentence_start"] <= f["number_start"] < f["number_end"] <= f["sentence_end"] <= len(doc["text"])
                assert " ".join(f["quote"].split()) in " ".join(doc["text"].split())
        killed = c.get("/api/figures?outcome=killed&limit=1000").json()
        assert 0 < killed["total"] < figures["total"] and {f["outcome"] for f in killed["items"]} == {"killed"}
        # the CLI and the API select the same figures for the same filters
        for query, flags in [("outcome=killed&admin1=Idleb", ["--outcome", "killed", "--admin1", "Idleb"]),
                             ("start=2016-06-01&end=2016-06-30&source=SOHR",
                              ["--start", "2016-06-01", "--end", "2016-06-30", "--source", "SOHR"])]:
            api_ids = {f["id"] for f in c.get(f"/api/figures?{query}&limit=1000").json()["items"]}
            cli = wartally("figures", "--db", str(db), "--format", "jsonl", *flags)
            assert cli.returncode == 0, cli.stderr
            assert api_ids == {json.loads(line)["id"] for line in cli.stdout.splitlines() if line.strip()}
            assert api_ids
