"""A polite, defensive HTTP fetcher for feeds, sitemaps and article pages.

Polite: a User-Agent that names the project, conditional GET (ETag,
Last-Modified), at most one request per ``min_interval`` seconds to a host,
and ``Retry-After`` honoured.  Defensive: only http(s), a timeout per socket
operation and per attempt, a size limit (checked against Content-Length
before reading and again while reading), redirects followed by hand with a
limit and loop detection, retries with exponential backoff on 429, 5xx,
timeouts and dropped connections.

A fetch either returns a ``Fetched`` (status 200, or 304 when the source has
not changed) or raises ``FetchFailed`` with a stable code and a one-line
reason.
"""
from __future__ import annotations

import email.utils
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urljoin, urlsplit

USER_AGENT = "wartally/0.1 (wartally watch: casualty figures from conflict news; polite, conditional GET)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024


class FetchFailed(Exception):
    """A URL that could not be fetched: ``code`` is stable, ``reason`` one line.
    ``retryable`` says whether a later round may try again."""

    def __init__(self, url: str, code: str, reason: str, *, retryable: bool = False):
        super().__init__(f"{url}: {code}: {reason}")
        self.url = url
        self.code = code
        self.reason = reason
        self.retryable = retryable


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: body is empty)
    body: bytes
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses; the fetcher follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else ``FetchFailed``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchFailed(url, "bad-url", "not an absolute http(s) URL")
    return url


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostPacer:
    """At most one request per ``min_interval`` seconds to each host."""

    def __init__(self, min_interval: float, sleep: Callable[[float], None] = time.sleep):
        self.min_interval = min_interval
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, 0.0))
            self._next[host] = at + self.min_interval
        if at > now:
            self.sleep(at - now)


class Fetcher:
    """GET with the politeness and limits above.  One instance per run, so
    the per-host pacing covers every source."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        retries: int = 3,
        backoff: float = 2.0,
        max_wait: float = 120.0,
        min_interval: float = 1.0,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.user_agent = user_agent
        self.sleep = sleep
        self.pacer = HostPacer(min_interval, sleep)
        self._opener = urllib.request.build_opener(_NoRedirect())
        self.requests = 0  # made, retries and redirects included

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The resource at ``url``, following redirects; 304 when ``etag`` or
        ``last_modified`` (from an earlier fetch) still hold."""
        check_url(url)
        seen = {url}
        current = url
        for _ in range(self.max_redirects + 1):
            got = self._with_retries(current, etag, last_modified)
            if isinstance(got, Fetched):
                return got
            status, location = got
            if not location:
                raise FetchFailed(current, "http", f"HTTP {status} redirect without a Location header")
            target = urljoin(current, location)
            try:
                check_url(target)
            except FetchFailed:
                raise FetchFailed(url, "bad-redirect", f"redirected to {target[:200]!r}, not an http(s) URL") from None
            if target in seen:
                raise FetchFailed(url, "redirect-loop", f"redirect loop: {current} -> {target} was visited before")
            seen.add(target)
            current = target
        raise FetchFailed(url, "too-many-redirects", f"more than {self.max_redirects} redirects")

    def _with_retries(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | tuple[int, str | None]:
        """One URL (no redirect followed): a Fetched, or (status, Location)."""
        attempt = 0
        while True:
            try:
                return self._once(url, etag, last_modified)
            except _Retry as r:
                if attempt >= self.retries:
                    raise FetchFailed(url, r.code, f"{r.reason} (after {attempt + 1} attempts)", retryable=True) from None
                wait = r.wait if r.wait is not None else self.backoff * 2 ** attempt
                if wait > self.max_wait:
                    raise FetchFailed(url, r.code, f"{r.reason}; the server asks to wait {wait:.0f} s",
                                      retryable=True) from None
                self.sleep(wait)
                attempt += 1

    def _once(self, url: str, etag: str | None, last_modified: str | None) -> Fetched | tuple[int, str | None]:
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity",
                   "Accept": "application/rss+xml, application/atom+xml, application/xml, text/xml, "
                             "text/html;q=0.9, */*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self.pacer.wait(urlsplit(url).hostname or "")
        self.requests += 1
        started = time.monotonic()
        try:
            response = self._opener.open(urllib.request.Request(url, headers=headers), timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            with exc:
                return self._status(url, exc.code, exc.headers)
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise _Retry("timeout", f"no answer within {self.timeout:g} s") from None
            raise _Retry("connection", f"cannot connect: {reason}") from None
        except (TimeoutError, socket.timeout):
            raise _Retry("timeout", f"no answer within {self.timeout:g} s") from None
        except (HTTPException, ConnectionError, OSError) as exc:
            raise _Retry("connection", f"connection failed: {type(exc).__name__}: {exc}") from None
        with response:
            if response.status != 200:
                return self._status(url, response.status, response.headers)
            body = self._read(url, response, started)
            info = response.headers
            return Fetched(url=url, status=200, body=body, content_type=info.get_content_type(),
                           charset=info.get_content_charset(), etag=info.get("ETag"),
                           last_modified=info.get("Last-Modified"))

    def _status(self, url: str, status: int, headers) -> Fetched | tuple[int, str | None]:
        if status == 304:
            return Fetched(url=url, status=304, body=b"", etag=headers.get("ETag"),
                           last_modified=headers.get("Last-Modified"))
        if status in REDIRECT_STATUS:
            return status, headers.get("Location")
        if status in RETRY_STATUS:
            raise _Retry("http", f"HTTP {status}", retry_after(headers.get("Retry-After")))
        raise FetchFailed(url, "http", f"HTTP {status}")

    def _read(self, url: str, response, started: float) -> bytes:
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchFailed(url, "too-large", f"{_mb(int(length))} announced, over the {_mb(self.max_bytes)} limit")
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchFailed(url, "too-large", f"over the {_mb(self.max_bytes)} limit (stopped reading)")
                if time.monotonic() - started > 3 * self.timeout:
                    raise _Retry("timeout", f"the body took over {3 * self.timeout:g} s")
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            raise _Retry("timeout", f"the body stalled for {self.timeout:g} s") from None
        except (HTTPException, ConnectionError) as exc:
            raise _Retry("connection", f"connection dropped while reading: {type(exc).__name__}") from None
        return b"".join(chunks)


class _Retry(Exception):
    def __init__(self, code: str, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.wait = wait


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
