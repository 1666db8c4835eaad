"""The fetcher against a real HTTP server on 127.0.0.1: conditional GET,
User-Agent, per-host pacing, retries with backoff and Retry-After, size,
redirect and scheme limits, timeouts."""
from __future__ import annotations

import time
from email.utils import formatdate

import pytest

from watchsite import Route, RunningSite
from wartally.watch.fetcher import USER_AGENT, Fetcher, FetchFailed, retry_after


@pytest.fixture
def site():
    with RunningSite() as s:
        yield s


class Waits(list):
    """Records each wait, then really waits."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)
        time.sleep(seconds)


def test_watch_fetcher_conditional_get_and_user_agent(site):
    site.publish("/a", {"title": "T", "text": "Text.", "published": "2016-07-16"})
    fetcher = Fetcher(min_interval=0)
    first = fetcher.get(site.base + "/feed.xml")
    assert first.status == 200 and first.etag and first.last_modified and b"<rss" in first.body
    again = fetcher.get(site.base + "/feed.xml", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    headers = site.requests_to("/feed.xml")
    assert headers[0]["User-Agent"] == USER_AGENT and "wartally" in USER_AGENT
    assert "If-None-Match" not in headers[0] and headers[1]["If-None-Match"] == first.etag
    site.publish("/b", {"title": "U", "text": "More.", "published": "2016-07-17"})
    changed = fetcher.get(site.base + "/feed.xml", etag=first.etag)
    assert changed.status == 200 and changed.etag != first.etag


def test_watch_fetcher_paces_requests_to_one_host(site):
    site.routes["/p"] = Route(b"ok", "text/plain")
    fetcher = Fetcher(min_interval=0.25)
    started = time.monotonic()
    for _ in range(3):
        fetcher.get(site.base + "/p")
    assert time.monotonic() - started >= 0.5


def test_watch_fetcher_retries_5xx_with_backoff(site):
    site.routes["/flaky"] = Route(b"fine", "text/plain", fail_first=2)
    waits = Waits()
    got = Fetcher(min_interval=0, backoff=0.05, retries=3, sleep=waits).get(site.base + "/flaky")
    assert got.body == b"fine" and site.routes["/flaky"].hits == 3
    assert waits == [0.05, 0.1]  # exponential


def test_watch_fetcher_honours_retry_after(site):
    site.routes["/busy"] = Route(b"fine", "text/plain", fail_first=1, retry_after=1)
    waits = Waits()
    assert Fetcher(min_interval=0, backoff=0.01, sleep=waits).get(site.base + "/busy").body == b"fine"
    assert waits == [1.0]


def test_watch_fetcher_gives_up_when_asked_to_wait_too_long(site):
    site.routes["/later"] = Route(b"fine", "text/plain", fail_first=5, retry_after=3600)
    with pytest.raises(FetchFailed) as exc:
        Fetcher(min_interval=0, max_wait=60).get(site.base + "/later")
    assert exc.value.code == "http" and exc.value.retryable and "3600" in exc.value.reason
    assert site.routes["/later"].hits == 1


@pytest.mark.parametrize("path, route, code, hits", [
    ("/big-announced", Route(b"x" * 3000), "too-large", 1),
    ("/big-streamed", Route(stream_mb=50), "too-large", 1),
    ("/gone", Route(b"gone", status=410), "http", 1),
    ("/error", Route(b"oops", status=503), "http", 3),
    ("/stall", Route(b"late", stall=1.5), "timeout", 3),
    ("/to-file", Route(status=302, location="file:///etc/passwd"), "bad-redirect", 1),
    ("/self", Route(status=307, location="/self"), "redirect-loop", 1),
])
def test_watch_fetcher_limits(site, path, route, code, hits):
    site.routes[path] = route
    fetcher = Fetcher(min_interval=0, timeout=0.4, retries=2, backoff=0.01, max_bytes=2000)
    started = time.monotonic()
    with pytest.raises(FetchFailed) as exc:
        fetcher.get(site.base + path)
    assert exc.value.code == code and exc.value.url == site.base + path and exc.value.reason
    assert route.hits == hits
    assert time.monotonic() - started < 5


def test_watch_fetcher_follows_redirects_up_to_the_limit(site):
    site.routes["/end"] = Route(b"here", "text/plain")
    for i in range(6):
        site.routes[f"/r{i}"] = Route(status=301, location=f"/r{i + 1}" if i < 5 else "/end")
    got = Fetcher(min_interval=0, max_redirects=6).get(site.base + "/r0")
    assert got.body == b"here" and got.url == site.base + "/end"
    with pytest.raises(FetchFailed) as exc:
        Fetcher(min_interval=0, max_redirects=5).get(site.base + "/r0")
    assert exc.value.code == "too-many-redirects"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://127.0.0.1/x", "http://", "/relative"])
def test_watch_fetcher_refuses_what_is_not_http(url):
    with pytest.raises(FetchFailed) as exc:
        Fetcher(min_interval=0).get(url)
    assert exc.value.code == "bad-url"


def test_watch_fetcher_connection_refused_is_retryable():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchFailed) as exc:
        Fetcher(min_interval=0, retries=1, backoff=0.01).get(f"http://127.0.0.1:{port}/feed")
    assert exc.value.code == "connection" and exc.value.retryable


@pytest.mark.parametrize("header, seconds", [
    ("120", 120.0), (" 5 ", 5.0), ("soon", None), (None, None),
])
def test_watch_retry_after_header(header, seconds):
    assert retry_after(header) == seconds


def test_watch_retry_after_http_date():
    now = time.time()
    assert 55 <= retry_after(formatdate(now + 60, usegmt=True), now=now) <= 61
