"""The page in a real headless Chromium against the real server (uvicorn on
a free localhost port) over a store of the sample's FA-KES gold articles
(tests/data/sample), their gold figures and one hostile document."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from test_serve_api import HOSTILE_TITLE, build_store, sample_inputs

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_hostile_event(db: Path) -> None:
    """An event whose place, type and actors are markup, on the map."""
    from wartally.store import Store

    with Store(db) as store:
        fid = store.con.execute("SELECT id FROM figures WHERE doc_id = 'hostile-1'").fetchone()[0]
        store.con.execute(
            "INSERT INTO events (id, start_date, end_date, place, lat, lon, admin1, event_type, actors, n_documents) "
            "VALUES ('hostile-event', DATE '2018-09-07', DATE '2018-09-07', ?, 35.5, 38.5, 'Hama', ?, ?, 1)",
            ['<img src=x onerror="window.__pwned=7">', '<b onmouseover="window.__pwned=8">type</b>', HOSTILE_TITLE])
        store.con.execute("INSERT INTO event_counts (event_id, outcome, victims, low, best, high, rule) "
                          "VALUES ('hostile-event', 'killed', 'people', 3, 3, 3, 'only report')")
        store.con.execute("INSERT INTO event_figures (event_id, figure_id, doc_id) VALUES ('hostile-event', ?, 'hostile-1')",
                          [fid])


@pytest.fixture(scope="module")
def server(sample, tmp_path_factory):
    import uvicorn

    from wartally.serve.app import create_app

    docs, gold = sample_inputs(sample)
    db = build_store(tmp_path_factory.mktemp("page") / "sample.duckdb", docs, gold)
    add_hostile_event(db)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db),
                                        host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    # bypass_csp: the page's own escaping must stop hostile text even without
    # the server's Content-Security-Policy (which the API tests check).
    context = browser.new_context(viewport={"width": 1440, "height": 1100}, bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=15000)


def test_serve_page_shows_map_table_quote_and_filters(server, page, output_dir):
    ready(page, server + "/")
    page.wait_for_selector("body[data-boundaries='1']", timeout=15000)
    markers = page.locator("path.event-marker")
    assert markers.count() >= 5  # one per event with a place
    assert page.locator("path.leaflet-interactive").count() > markers.count()  # governorate outlines too
    rows_before = page.locator("#table tbody tr").count()
    assert rows_before >= 5
    # a click on a number opens its article with the sentence highlighted
    page.locator("[data-table=figures]").click()
    page.wait_for_selector("#table th:has-text('Quote')")
    page.locator("#table tbody tr").filter(has_text="Al-Quriyah").locator("button.num").first.click()
    page.wait_for_selector("#quote")
    quote = page.locator("#quote").inner_text()
    assert "Al-Quriyah" in quote or "Al-Quriyah" in page.locator("#figure-card").inner_text()
    number = page.locator("mark.number").inner_text().strip()
    assert number and number in quote and page.locator("#quote").is_visible()
    assert page.locator("#figure-card .source").inner_text() in {"SOHR", "UN"}  # Al-Quriyah's sources
    assert "doc=" in page.url and "fig=" in page.url
    page.screenshot(path=str(output_dir / "serve-page-article.png"), full_page=True)
    # a filter changes the table and the URL
    total_before = page.locator("#n-figures").inner_text()
    page.select_option("#filters [name=outcome]", "injured")
    page.wait_for_function("document.querySelector('#n-figures').textContent === '14'")  # the sample gold's injured
    assert "outcome=injured" in page.url
    assert page.locator("#n-figures").inner_text() != total_before
    assert all("injured" in t for t in page.locator("#table tbody tr td:nth-child(2)").all_inner_texts())
    page.screenshot(path=str(output_dir / "serve-page.png"), full_page=True)
    assert not page.errors


def test_serve_page_deep_link_restores_filters(server, page):
    ready(page, server + "/?admin1=Deir%20ez-Zor&view=figures")
    assert page.locator("#filters [name=admin1]").input_value() == "Deir ez-Zor"
    assert page.locator("#n-figures").inner_text() == "9"  # the sample gold's figures in Deir ez-Zor
    texts = page.locator("#table tbody tr td:nth-child(6)").all_inner_texts()
    assert texts and set(texts) == {"Deir ez-Zor"}


def test_serve_page_timeline_brush_sets_period(server, page):
    ready(page, server + "/?view=figures")
    assert page.locator("#timeline rect.bar").count() > 0
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.02, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.35, y, steps=5)
    page.mouse.up()
    page.wait_for_function("location.search.includes('start=') && location.search.includes('end=')")
    assert page.locator("#timeline rect.brush").get_attribute("visibility") == "visible"


def test_serve_page_disagreements_side_by_side(server, page):
    ready(page, server + "/")
    page.locator("[data-side=disagreements]").click()
    row = page.locator(".dis-row").first
    text = row.inner_text()
    assert "local activists" in text and "SOHR" in text and "32" in text and "16" in text


def test_serve_page_runs_no_script_from_article_text(server, page, output_dir):
    ready(page, server + "/?doc=hostile-1&view=figures")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in page.locator("#article-text").inner_text()  # shown as text
    assert "<img src=x" in page.locator("#article-title").inner_text()
    assert page.locator("#side-article img, #side-article script, #table img, #table script").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
    # the event view lists the hostile report's outlet as text too
    page.locator("#side-article button", has_text="Open the event").click()
    page.wait_for_selector("#side-event .reports li")
    assert "<b>Evil</b> Wire" in page.locator("#side-event").inner_text()
    assert page.evaluate("window.__pwned") is None
    # markers' tooltips and popups, the legend and the events table show markup as text
    page.locator("[data-table=events]").click()
    page.wait_for_selector("#table th:has-text('Reports')")
    assert '<img src=x onerror="window.__pwned=7">' in page.locator("#table").inner_text()
    markers = page.locator("path.event-marker")
    for i in range(markers.count()):  # events on the element itself: no other layer takes the click
        markers.nth(i).dispatch_event("mouseover")
        markers.nth(i).dispatch_event("click")
    assert page.locator(".leaflet-tooltip").count() >= 1 and page.locator(".leaflet-popup").count() >= 1
    assert "<b onmouseover" in page.locator("#legend").inner_text()
    assert page.locator("#map img[src=x], #legend b, #table img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(output_dir / "serve-page-hostile.png"), full_page=True)


def test_serve_page_over_articles_as_wartally_ingest_stores_them(sample_articles, browser, tmp_path, output_dir):
    """The sample's 16 gold FA-KES articles end to end: real ingest, real
    server, real browser."""
    import subprocess
    import sys

    import uvicorn

    from wartally.serve.app import create_app

    db = tmp_path / "sample.duckdb"
    out = subprocess.run([sys.executable, "-m", "wartally", "ingest", str(sample_articles),
                          "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert out.returncode in (0, 1), out.stderr
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        while not srv.started:
            time.sleep(0.05)
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        pg = context.new_page()
        ready(pg, f"http://127.0.0.1:{port}/?view=figures")
        assert pg.locator("path.event-marker").count() >= 1
        import json
        import urllib.request

        stats = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=10).read())
        assert 12 <= stats["documents"] <= 16  # of the 16 ingested, those with a figure
        assert pg.locator("#summary dd").first.inner_text() == str(stats["documents"])
        rows = pg.locator("#table tbody tr")
        assert rows.count() >= 10
        rows.first.locator("button.num").click()
        pg.wait_for_selector("#quote")
        assert pg.locator("mark.number").inner_text().strip()
        pg.screenshot(path=str(output_dir / "serve-page-ingested.png"), full_page=True)
        context.close()
    finally:
        srv.should_exit = True
        thread.join(10)


def test_serve_page_world_map_zooms_to_the_data(server, page):
    """The world's countries are drawn offline under the data, and the view
    holds every marker."""
    ready(page, server + "/")
    page.wait_for_selector("body[data-world='1']", timeout=15000)
    assert page.locator("path.world-country").count() >= 150
    page.wait_for_selector("path.event-marker", timeout=15000)
    inside = page.evaluate("markerLayer.getLayers().every((l) => map.getBounds().contains(l.getLatLng()))")
    assert inside and page.evaluate("map.getZoom()") >= 4  # zoomed in on the data, not the whole world
    assert not page.errors
