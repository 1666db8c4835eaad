"""Requests that used to grow the server's memory, reset the connection or
answer rows they should not (issue 17, items 3 and 4): the answer cache is
bounded by entries and bytes, keys included; long query strings get a 414
in the API's error shape, from the real server too; filters take user text
literally; offsets and limits are validated."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from test_serve_api import build_store, sample_inputs
from test_serve_page import free_port


@pytest.fixture(scope="module")
def store(sample, tmp_path_factory) -> Path:
    docs, gold = sample_inputs(sample)
    return build_store(tmp_path_factory.mktemp("limits") / "sample.duckdb", docs, gold)


@pytest.fixture(scope="module")
def app(store):
    from wartally.serve.app import create_app

    return create_app(store)


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("query", [
    "admin1=%25", "admin1=%3F%3F%3F", "admin1=_", "admin1=%25%25", "place=%25", "place=_", "place=%3F%3F%3F",
    "place=%20-%20", "actor=%25", "actor=_", "source=%25",
])
def test_serve_punctuation_filter_matches_nothing(client, query):
    body = client.get(f"/api/figures?{query}").json()
    assert body["total"] == 0, query
    assert client.get(f"/api/events?{query}").json()["total"] == 0


def test_serve_filters_still_fold_spellings(client):
    # the sample's gold has 8 figures in Idlib (fakes-1965511139, fakes-1924058060)
    assert client.get("/api/figures?admin1=Idleb").json()["total"] == 8
    assert client.get("/api/figures?admin1=idlib%20governorate").json()["total"] == 8


def test_store_punctuation_admin1_matches_only_itself(store, tmp_path):
    """A governorate literally named "???" is found by that name, and the
    rows without one are not."""
    import shutil

    from wartally.store.database import Store
    from wartally.store.queries import FigureFilter, select_figures

    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    with Store(copy) as s:
        [fid] = s.con.execute("SELECT id FROM figures WHERE admin1 IS NULL ORDER BY id LIMIT 1").fetchone()
        s.con.execute("UPDATE figures SET admin1 = '???' WHERE id = ?", [fid])
        rows, total = select_figures(s.con, FigureFilter(admin1="???"))
        assert total == 1 and rows[0]["id"] == fid
        assert select_figures(s.con, FigureFilter(admin1="%"))[1] == 0


@pytest.mark.parametrize("query", [
    "offset=9223372036854775808", "offset=1000000001", "offset=-1", "limit=100000000000000000000", "limit=-5",
])
def test_serve_huge_or_negative_paging_is_invalid_not_a_crash(client, query):
    for path in ("/api/figures", "/api/events", "/api/disagreements"):
        r = client.get(f"{path}?{query}")
        assert r.status_code == 422, (path, query, r.text)
        assert r.json()["error"]["code"] == "invalid_parameter"


def test_serve_largest_offset_answers_an_empty_page(client):
    body = client.get("/api/figures?offset=1000000000").json()
    assert body == {"items": [], "total": 70}  # the sample gold's 69 figures + the hostile one


def test_serve_long_query_string_is_414_in_the_error_shape(client):
    r = client.get("/api/figures?place=" + "x" * 20_000)
    assert r.status_code == 414
    error = r.json()["error"]
    assert error["status"] == 414 and error["code"] == "uri_too_long" and "8192-byte limit" in error["message"]


def test_serve_cache_is_bounded_by_entries_and_bytes_keys_included():
    from wartally.serve.app import _Answers, entry_size

    cache = _Answers(max_bytes=1_000_000, max_entries=50)
    body = b'{"items":[],"total":0}'
    for i in range(2000):  # distinct 50 KB keys, small bodies: the keys are what grows
        key = ("figures", f"{i}" + "p" * 50_000, 100, 0)
        cache.put(key, body)
        assert cache.bytes <= 1_000_000 and len(cache) <= 50
    assert len(cache) == 1_000_000 // entry_size(key, body)  # the newest that fit, oldest dropped
    assert cache.get(key) == body and cache.get(("figures", "0" + "p" * 50_000, 100, 0)) is None
    small = _Answers(max_bytes=10**9, max_entries=3)
    for i in range(10):
        small.put(("k", i), body)
    assert len(small) == 3 and small.get(("k", 9)) == body
    tiny = _Answers(max_bytes=1000)  # an answer over the whole budget is never kept
    assert tiny.put(("k",), b"x" * 5000) == b"x" * 5000 and len(tiny) == 0


def test_serve_cache_of_the_app_stays_bounded(app, client):
    cache = app.state.answers
    cache.max_entries = 100
    for i in range(300):
        assert client.get(f"/api/figures?place={i}{'q' * 7000}").status_code == 200
    assert len(cache) <= 100 and cache.bytes <= cache.max_bytes
    assert cache.bytes >= 100 * 7000  # the keys' text is counted


def test_serve_real_server_answers_414_to_a_200_kb_query(store):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "wartally", "serve", "--db", str(store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", "/api/stats")
                assert conn.getresponse().status == 200
                conn.close()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.time() < deadline, "no answer within 30 s"
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/figures?place=" + quote("x" * 200_000))
        r = conn.getresponse()
        assert r.status == 414
        assert json.loads(r.read())["error"]["code"] == "uri_too_long"
    finally:
        proc.terminate()
        proc.wait(10)


def test_cli_figures_punctuation_filter_and_bad_limit(store, capsys):
    from wartally.cli import main

    assert main(["figures", "--db", str(store), "--admin1", "???", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""
    for bad in ("-1", "0", "ten"):
        with pytest.raises(SystemExit) as exit_:
            main(["figures", "--db", str(store), "--limit", bad])
        assert exit_.value.code == 2
        assert "--limit" in capsys.readouterr().err
    assert main(["figures", "--db", str(store), "--limit", "2", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
