"""Tallies over time: one source's running total as a series, in
``wartally export --format tallies``, ``/api/tallies`` and as a line on the
page (real store, real server on localhost, real headless Chromium)."""
from __future__ import annotations

import csv
import threading
import time
from pathlib import Path

import pytest

from wartally.link import link_store
from wartally.link.gold import figure_from_gold
from wartally.link.series import tally_series
from wartally.records import Document

# the UN's war toll as outlets cited it (FA-KES dev), and SCPR's
TOLLS = [
    ("fakes-1965495325", "2013-08-21", 100000, "UN",
     "More than 100000 people have been killed in the conflict so far according to the United Nations."),
    ("fakes-1915433684", "2015-07-08", 230000, "UN",
     "Syrias conflict has killed more than 230000 people and wounded at least a million according to the UN."),
    ("fakes-1918398790", "2015-08-03", 220000, "UN",
     "The United Nations says the war has killed more than 220000 people and wounded at least 1 million."),
    ("fakes-1924058169", "2016-06-12", 250000, "UN",
     "Since then more than a quarter of a million people have been killed and more than 10 million displaced "
     "across the war-battered country according to the UN."),
    ("fakes-1924058192", "2016-10-15", 470000, "Syrian Center for Policy Research",
     "The Syrian Center for Policy Research however a Beirut-based NGO has put the death toll from the "
     "six-year conflict at more than 470000."),
]


def toll_items():
    items = []
    for doc_id, published, n, source, text in TOLLS:
        doc = Document.make(doc_id, text, published=published, outlet="wire")
        items.append((doc, [figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "people",
                                                   "qualifier": "at_least", "quote": text, "country": "Syria",
                                                   "source": source, "start": "2011-03-15",
                                                   "end": published})]))
    return items


def test_series_of_one_source_with_its_fall():
    figs = [f for _, fs in toll_items() for f in fs]
    (un,) = tally_series(figs)  # SCPR gives one date only: no line
    assert un.source == "UN" and un.area.level == "country"
    assert [(str(p.as_of), p.n) for p in un.points] == [
        ("2013-08-21", 100000), ("2015-07-08", 230000), ("2015-08-03", 220000), ("2016-06-12", 250000)]
    assert un.falls
    assert [s.source for s in tally_series(figs, min_points=1)] == ["Syrian Center for Policy Research", "UN"]


@pytest.fixture(scope="module")
def tolls_db(tmp_path_factory) -> Path:
    from wartally.store import Store

    db = tmp_path_factory.mktemp("tallies") / "tolls.duckdb"
    with Store(db) as store:
        store.write_batch(toll_items())
        link_store(store)
    return db


def test_export_tallies_one_row_per_point(tolls_db, tmp_path, capsys):
    from wartally.cli import main

    out = tmp_path / "tallies.csv"
    assert main(["export", "--db", str(tolls_db), "--format", "tallies", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["as_of"], int(r["n"])) for r in rows] == [
        ("2013-08-21", 100000), ("2015-07-08", 230000), ("2015-08-03", 220000), ("2016-06-12", 250000)]
    assert {r["source"] for r in rows} == {"UN"} and len({r["series"] for r in rows}) == 1
    assert rows[2]["docs"] == "fakes-1918398790" and rows[0]["area"] == "Syria"
    assert main(["export", "--db", str(tolls_db), "--format", "tallies", "--source", "SOHR", "-o", str(out)]) == 0
    assert list(csv.DictReader(out.open(encoding="utf-8"))) == []


def test_store_decrease_of_the_un_toll_is_a_disagreement(tolls_db):
    from wartally.store import Store

    with Store(tolls_db, read_only=True) as store:
        got = {(d.kind, d.source_a, d.n_a, d.source_b, d.n_b) for d in store.read_disagreements()}
    assert ("decrease", "UN", 230000, "UN", 220000) in got
    # SCPR's 470,000 of October 2016 against the UN's 250,000 of June: as-of dates four months apart (over
    # the 92 days a multi-year count allows), and the UN's 100,000 of 2013 is growth: neither is shown
    assert not any({n_a, n_b} & {100000, 470000} for _, _, n_a, _, n_b in got)


@pytest.fixture(scope="module")
def server(tolls_db):
    import socket

    import uvicorn

    from wartally.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(tolls_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_api_tallies(server):
    import httpx

    body = httpx.get(server + "/api/tallies").json()
    (s,) = body["items"]
    assert s["source"] == "UN" and s["falls"] and [p["n"] for p in s["points"]] == [100000, 230000, 220000, 250000]
    assert httpx.get(server + "/api/tallies", params={"outcome": "injured"}).json()["total"] == 0
    dis = httpx.get(server + "/api/disagreements").json()["items"]
    assert any(d["kind"] == "decrease" and "own total went down" in d["why"] for d in dis)


@pytest.mark.slow
def test_page_draws_each_running_total_as_a_line(server, output_dir):
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1440, "height": 1100})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=15000)
        page.locator("[data-side=disagreements]").click()
        line = page.locator("#tallies polyline.tally-line")
        assert line.count() == 1 and line.get_attribute("data-source") == "UN"
        assert len(line.get_attribute("points").split()) == 4
        assert page.locator("#tallies circle.tally-point").count() == 4
        assert "(goes down)" in page.locator(".tally-legend").inner_text()
        why = page.locator(".dis-why").first.inner_text()
        assert "decrease" in why and "230,000" in why
        page.screenshot(path=str(output_dir / "serve-page-tallies.png"), full_page=True)
        browser.close()
    assert not errors
