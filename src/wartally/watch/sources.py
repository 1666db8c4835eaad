"""Sources and what they list.

A source is an RSS/Atom feed URL, a sitemap URL (``<urlset>``, or a
``<sitemapindex>`` of sitemaps), a local file listing such URLs one a line,
or a local folder of files that ``wartally ingest`` reads.  A feed or a
sitemap lists article URLs; a folder lists its files.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from wartally.errors import Problem
from wartally.watch.state import Item
from wartally.ingest.textdir import SIDECAR_NAMES
from wartally.ingest.reader import format_of

MAX_LISTED = 5000  # items read from one feed or sitemap


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def expand_sources(specs: list[str]) -> tuple[list[str], list[Problem]]:
    """URLs and folders to watch: each spec as it is, a file's URLs in its
    place; a spec that is none of these is a Problem."""
    out: list[str] = []
    problems: list[Problem] = []
    for spec in specs:
        if is_url(spec) or Path(spec).is_dir():
            out.append(spec)
        elif Path(spec).is_file():
            urls, bad = _url_list(Path(spec))
            out.extend(urls)
            problems.extend(bad)
        else:
            problems.append(Problem(spec, "source", "neither an http(s) URL, a file of URLs nor a folder"))
    return list(dict.fromkeys(out)), problems


def _url_list(path: Path) -> tuple[list[str], list[Problem]]:
    urls: list[str] = []
    problems: list[Problem] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(str(path), "source", f"cannot read the list of URLs: {exc}")]
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            problems.append(Problem(f"{path}:{number}", "source", f"{line[:80]!r} is not an http(s) URL"))
    return urls, problems


@dataclass(slots=True)
class Listing:
    """What a feed or sitemap lists: articles, child sitemaps, problems."""

    kind: str
    items: list[Item] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_listing(source: str, url: str, body: bytes) -> Listing:
    """The articles that the feed or sitemap ``body`` (fetched from ``url``) lists."""
    head = body[:4096].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(source, url, body)
    return _feed(source, url, body)


def _accept(listing: Listing, source: str, base: str, link: str | None, **kw) -> None:
    if not link:
        return
    target = urljoin(base, link.strip())
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        listing.problems.append(Problem(source, "bad-url", f"listed link {link[:120]!r} is not an http(s) URL; skipped"))
        return
    if len(listing.items) < MAX_LISTED:
        listing.items.append(Item(canonical_url(target), source, **kw))


_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def canonical_url(url: str) -> str:
    """``url`` without its fragment and tracking parameters (utm_*, fbclid,
    ...), so a story listed with different campaign tags is one item."""
    from urllib.parse import parse_qsl, urlencode, urlunsplit

    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def _feed(source: str, url: str, body: bytes) -> Listing:
    import feedparser

    _BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)  # noqa: N806

    listing = Listing("feed")
    parsed = feedparser.parse(body)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), _BENIGN):
            why = f"malformed XML, neither a feed nor a sitemap ({parsed.get('bozo_exception')})"
        else:
            why = "no entries (an empty feed, or not a feed)"
        listing.problems.append(Problem(url, "feed", why))
        return listing
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), _BENIGN):
        listing.problems.append(Problem(url, "feed", f"malformed XML ({parsed.get('bozo_exception')}); "
                                                     f"read what could be read ({len(entries)} entries)"))
    outlet = (parsed.get("feed") or {}).get("title") or None
    for entry in entries:
        link = entry.get("link") or (entry.get("id") if is_url(entry.get("id") or "") else None)
        if not link:
            listing.problems.append(Problem(url, "no-link", f"entry {entry.get('title', '')[:60]!r} has no link"))
            continue
        _accept(listing, source, url, link, published=_entry_date(entry), outlet=outlet)
    return listing


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _sitemap(source: str, url: str, body: bytes) -> Listing:
    import xml.etree.ElementTree as ET

    listing = Listing("sitemap")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        listing.problems.append(Problem(url, "sitemap", f"malformed XML: {exc}"))
        return listing
    local = lambda el: el.tag.rsplit("}", 1)[-1]  # noqa: E731 - namespaces vary
    if local(root) == "sitemapindex":
        for node in root:
            loc = next((c.text for c in node if local(c) == "loc" and c.text), None)
            if loc and is_url(urljoin(url, loc.strip())):
                listing.sitemaps.append(urljoin(url, loc.strip()))
        return listing
    for node in root:
        if local(node) != "url":
            continue
        loc = published = None
        for child in node.iter():
            name = local(child)
            if name == "loc" and child.text and loc is None:
                loc = child.text
            elif name in ("publication_date", "lastmod") and child.text and published is None:
                published = _iso_date(child.text)
        _accept(listing, source, url, loc, published=published)
    return listing


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def folder_items(folder: str) -> list[Item]:
    """The readable files under ``folder`` (as ``wartally ingest`` walks it),
    each with its size and modification time as its version."""
    items: list[Item] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or name in SIDECAR_NAMES or format_of(path) is None:
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            items.append(Item(path.resolve().as_uri(), folder, version=f"{st.st_size}:{st.st_mtime_ns}"))
    return items
