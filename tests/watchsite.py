"""A small news site on 127.0.0.1 for the watch tests: article pages made
from the FA-KES sample articles in examples/ (CC BY 4.0), an RSS feed and a
sitemap that list what was published so far, and pages that misbehave
(500s, a 429, a stall past the timeout, a 50 MB page, a redirect loop,
malformed XML).  Tests publish new articles while a watcher runs.  Every
request is logged with its headers."""
from __future__ import annotations

import hashlib
import html
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "fakes-sample.jsonl"


def sample_articles() -> list[dict]:
    with open(EXAMPLES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_page(article: dict, *, outlet: str, extra: str = "") -> bytes:
    """An article as a news site serves it: navigation, headline, date, body, footer."""
    sentences = [s.strip() for s in article["text"].replace(". ", ".\n").split("\n") if s.strip()]
    paragraphs = "\n".join(f"<p>{html.escape(s)}</p>" for s in sentences)
    title = html.escape(article["title"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{article['published']}T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><time datetime="{article['published']}">{article['published']}</time>
{paragraphs}{extra}
</article>
<footer>Copyright {outlet}. All rights reserved.</footer>
</body></html>""".encode()


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    fail_first: int = 0  # answer 500 this many times, then the body
    retry_after: int | None = None  # with fail_first: 429 and this Retry-After instead of 500
    stall: float = 0.0  # sleep before answering
    stream_mb: int = 0  # stream this many MB of HTML without a Content-Length
    location: str | None = None
    conditional: bool = False  # ETag and Last-Modified, 304 when they match
    hits: int = 0


@dataclass
class Site:
    """The routes, what is published, and the request log."""

    routes: dict[str, Route] = field(default_factory=dict)
    feed_items: list[tuple[str, dict]] = field(default_factory=list)  # (path, article)
    log: list[tuple[str, dict]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""
    pace: float = 0.0  # seconds every article page takes (to let a test kill a run mid-batch)

    def publish(self, path: str, article: dict, *, outlet: str = "Example News", in_feed: bool = True,
                extra: str = "") -> None:
        with self.lock:
            self.routes[path] = Route(article_page(article, outlet=outlet, extra=extra))
            if in_feed:
                self.feed_items.append((path, article))
            self._rebuild()

    def list_link(self, path: str, title: str = "listed") -> None:
        """A feed entry for a path whose route the test sets itself."""
        with self.lock:
            self.feed_items.append((path, {"title": title, "published": "2016-07-16"}))
            self._rebuild()

    def _rebuild(self) -> None:
        url = lambda p: html.escape(self.base + p if p.startswith("/") else p)  # noqa: E731
        items = "".join(
            f"<item><title>{html.escape(a['title'])}</title><link>{url(p)}</link>"
            f"<guid>{url(p)}</guid></item>" for p, a in self.feed_items)
        rss = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example News</title>'
               f"<link>{self.base}/</link><description>test</description>{items}</channel></rss>").encode()
        self.routes["/feed.xml"] = Route(rss, "application/rss+xml", conditional=True)
        urls = "".join(f"<url><loc>{url(p)}</loc></url>" for p, _ in self.feed_items)
        sitemap = (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   f"{urls}</urlset>").encode()
        self.routes["/sitemap.xml"] = Route(sitemap, "application/xml", conditional=True)

    def requests_to(self, path: str) -> list[dict]:
        with self.lock:
            return [h for p, h in self.log if p == path]


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.log.append((path, dict(self.headers.items())))
                route = site.routes.get(path)
                if route is not None:
                    route.hits += 1
            if route is None:
                return self._send(404, b"not found", "text/plain")
            if route.stall:
                time.sleep(route.stall)
            if site.pace and route.content_type.startswith("text/html") and not route.stream_mb:
                time.sleep(site.pace)
            if route.hits <= route.fail_first:
                if route.retry_after is not None:
                    return self._send(429, b"slow down", "text/plain", {"Retry-After": str(route.retry_after)})
                return self._send(500, b"server error", "text/plain")
            if route.location:
                return self._send(route.status, b"", "text/plain", {"Location": route.location})
            if route.stream_mb:
                return self._stream(route.stream_mb)
            headers = {}
            if route.conditional:
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                headers = {"ETag": etag, "Last-Modified": formatdate(usegmt=True)}
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", None, {"ETag": etag})
            self._send(route.status, route.body, route.content_type, headers)

        def _send(self, status: int, body: bytes, ctype: str | None, headers: dict | None = None) -> None:
            try:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _stream(self, megabytes: int) -> None:
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(b"<html><body><p>")
                chunk = b"killed " * (1024 * 1024 // 7)
                for _ in range(megabytes):
                    self.wfile.write(chunk)
                self.wfile.write(b"</p></body></html>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

    return Handler


class RunningSite:
    """A ``Site`` served by a ThreadingHTTPServer on 127.0.0.1 and a random port."""

    def __init__(self):
        self.site = Site()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.site))
        self.server.daemon_threads = True
        self.site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.site._rebuild()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
