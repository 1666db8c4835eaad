"""RSS and Atom feeds through feedparser: one document per entry, from the
entry's content (else its summary), HTML stripped to text.  The entry link
is the url (and, without an entry id, the document id); the feed's title is
the outlet."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from wartally.errors import Problem
from wartally.ingest.decoding import Unreadable, check_binary, read_bytes
from wartally.ingest.html import paragraphs
from wartally.ingest.markup import fragment_to_text
from wartally.records import Document


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _entry_text(entry) -> str:
    """The longest of the entry's content parts, else its summary, as
    paragraphs (teasers dropped while they are still one block a line)."""
    parts = [c.get("value", "") for c in entry.get("content") or () if c.get("value")]
    raw = max(parts, key=len) if parts else entry.get("summary", "") or entry.get("description", "")
    return paragraphs(fragment_to_text(raw).replace("\n\n", "\n"))


# character references to UTF-16 surrogates (&#xD800; to &#xDFFF;, &#55296; to &#57343;)
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d\d\d|57[0-2]\d\d|573[0-3]\d|5734[0-3]));")


def read_feed(path: Path, *, published: dt.date | None = None) -> Iterator[Document | Problem]:
    """Every entry of an RSS/Atom feed as a Document (text not yet cleaned);
    a feed with no entries, or an entry with no text, is a Problem."""
    import feedparser

    where = str(path)
    try:
        data = read_bytes(path)
        check_binary(data)
    except Unreadable as exc:
        yield Problem(where, exc.code, exc.reason)
        return
    data = _SURROGATE_REF.sub(b"&#xFFFD;", data)  # no character: feedparser would fail on the whole feed
    try:
        parsed = feedparser.parse(data)
    except (ValueError, UnicodeError, RecursionError) as exc:  # e.g. &#xD800;, which no encoding can write
        yield Problem(where, "feed", f"the feed cannot be parsed ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = f"not a well-formed feed ({parsed.get('bozo_exception')})" if parsed.get("bozo") else "the feed has no entries"
        yield Problem(where, "feed", f"no documents: {why}")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, 1):
        entry_where = f"{where}:entry {number}"
        text = _entry_text(entry)
        title = fragment_to_text(entry.get("title", "")) or None
        if not text:
            broken = f" (the feed is not well-formed: {parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
            yield Problem(entry_where, "no-text", f"entry has neither content nor summary{broken}")
            continue
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        link = entry.get("link") or None
        yield Document.make(
            entry.get("id") or link or entry_where, text, title=title,
            published=_entry_date(entry) or published, outlet=outlet, url=link, origin=entry_where,
        )
