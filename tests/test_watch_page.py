"""The page open in a real headless Chromium while `wartally watch --serve`
(one process that writes and serves) ingests new items from a local news
site: the new figures appear in the table and on the map without a reload,
the page says when the record was last updated, and no request fails."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from watchsite import RunningSite, sample_articles

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTICLES = sample_articles()

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def wait_for(condition, timeout: float, what: str):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            got = condition()
        except OSError:
            got = None
        if got:
            return got
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def settled(server: str, figures_at_least: int) -> dict | None:
    """The API's figure and event totals once a round is stored and linked."""
    changes = get_json(server + "/api/changes")
    figures = get_json(server + "/api/figures?limit=1")["total"]
    events = get_json(server + "/api/events?limit=1000")
    if figures < figures_at_least or not events["total"]:
        return None
    located = sum(1 for e in events["items"] if e.get("lat") is not None)
    return {"version": changes["version"], "figures": figures, "events": events["total"], "located": located}


def test_watch_serve_page_shows_new_figures_without_reload(tmp_path, output_dir):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with RunningSite() as site:
        site.publish("/live/1", ARTICLES[0])  # Homs
        site.publish("/live/2", ARTICLES[6])  # Aleppo
        port = free_port()
        server = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "wartally", "watch", site.base + "/feed.xml", "--serve", "--port", str(port),
             "--every", "1s", "--delay", "0", "--db", str(tmp_path / "live.duckdb")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            before = wait_for(lambda: settled(server, 1), 120, "the first round to be stored and linked")
            # the store is the watcher's: `sources` says where to look instead, and the server answers
            locked = subprocess.run([sys.executable, "-m", "wartally", "sources", "--db", str(tmp_path / "live.duckdb")],
                                    capture_output=True, text=True, timeout=60)
            assert locked.returncode == 1 and "store-locked" in locked.stderr and "/api/sources" in locked.stderr
            assert len(locked.stderr.strip().splitlines()) == 1
            assert get_json(server + "/api/sources")["items"][0]["stored"] == 2
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
                page = browser.new_context(viewport={"width": 1440, "height": 1100}).new_page()
                failed: list[str] = []
                page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
                page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url}: HTTP {r.status}"))
                page.on("pageerror", lambda e: failed.append(f"page error: {e}"))
                page.goto(server + "/?view=figures")
                page.wait_for_selector("body[data-ready='1']", timeout=20000)
                page.wait_for_function(f"() => document.querySelector('#n-figures').textContent === '{before['figures']}'",
                                       timeout=20000)
                page.wait_for_selector("#live-status", timeout=10000)
                markers_before = page.locator("path.event-marker").count()
                assert markers_before == before["located"]
                assert "Last updated" in page.locator("#live-status").inner_text()
                page.evaluate("window.__sameDocument = 1")
                governorates = page.locator("#filters [name=admin1] option").count()

                site.publish("/live/3", ARTICLES[12])  # Deir ez-Zor
                site.publish("/live/4", ARTICLES[39])  # near Damascus
                after = wait_for(lambda: (s := settled(server, before["figures"] + 1)) and s["events"] > before["events"]
                                 and s, 120, "the new articles to be stored and linked")
                page.wait_for_function(f"() => document.querySelector('#n-figures').textContent === '{after['figures']}'",
                                       timeout=30000)
                page.wait_for_function(f"() => document.querySelectorAll('path.event-marker').length === {after['located']}",
                                       timeout=30000)
                assert after["located"] > markers_before
                rows = page.locator("#table tbody tr").all_inner_texts()
                assert any("84" in r for r in rows), rows  # the Damascus article's toll is in the table
                assert page.evaluate("window.__sameDocument") == 1  # no reload
                page.wait_for_function(f"() => document.querySelectorAll('#filters [name=admin1] option').length > {governorates}",
                                       timeout=10000)  # Deir ez-Zor joins the governorate filter
                assert page.locator("#live-status").inner_text().startswith("Last updated 20")
                page.screenshot(path=str(output_dir / "watch-live-page.png"), full_page=True)
                assert failed == []
                browser.close()
        finally:
            proc.terminate()
            try:
                out, _ = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, _ = proc.communicate()
        assert proc.returncode == 0, out
