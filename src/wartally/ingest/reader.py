"""``read_documents``: every Document in the given paths, whatever their
format, cleaned and language-checked; unreadable inputs and non-English
documents come out as ``Problem``s, and the rest of the batch goes on.

Formats by extension (in folders, which are walked recursively and in name
order): ``.jsonl``/``.ndjson`` (also gzipped); ``.txt``; ``.html``/``.htm``/``.xhtml``;
``.xml``/``.rss``/``.atom`` feeds; ``.warc``/``.warc.gz``.  A file named
explicitly with another extension is sniffed from its first bytes.  In
folders, other files (sidecars, images) are passed over."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from wartally.errors import Problem
from wartally.ingest.cleanup import clean_text
from wartally.ingest.decoding import Unreadable, check_binary
from wartally.ingest.feed import read_feed
from wartally.ingest.html import read_html_file
from wartally.ingest.jsonl import read_jsonl
from wartally.ingest.language import detect_language, is_doubtful
from wartally.ingest.textdir import SIDECAR_NAMES, read_text_file
from wartally.ingest.warc import read_warc
from wartally.records import Document

ACCEPTED_LANGUAGES = frozenset({"en"})

_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def _gunzip_head(head: bytes) -> bytes:
    """The first bytes inside a gzip stream, from its first bytes (b"" if unreadable)."""
    import zlib

    try:
        return zlib.decompressobj(wbits=31).decompress(head, 4096)
    except zlib.error:
        return b""


def format_of(path: Path, head: bytes | None = None) -> str | None:
    """The reader for ``path``: by extension, else (given its first bytes)
    by content; None when neither tells."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt or head is None:
        return fmt
    if head.startswith(b"\x1f\x8b"):
        # gzipped, with a name that does not say what: look inside ("news.gz" may be JSONL)
        inner = _gunzip_head(head)
        return "jsonl" if inner.lstrip().startswith(b"{") else "warc"
    start = head.lstrip()[:2048].lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start):
        return "feed"
    if start.startswith(b"<"):
        return "html"
    return "text"


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or name in SIDECAR_NAMES or format_of(path) is None:
                continue
            yield path


def _sniff(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(8192)


def read_file(path: Path, published: dt.date | None) -> Iterator[Document | Problem]:
    where = str(path)
    try:
        head = _sniff(path)
    except OSError as exc:
        yield Problem(where, "unreadable", exc.strerror or str(exc))
        return
    if not head:
        yield Problem(where, "empty", "empty file")
        return
    fmt = format_of(path, head)
    if fmt == "jsonl" and not head.startswith(b"\x1f\x8b"):  # the other readers check what they read whole
        try:
            check_binary(head)
        except Unreadable as exc:
            yield Problem(where, exc.code, exc.reason)
            return
    if fmt == "jsonl":
        yield from read_jsonl(path, published=published)
    elif fmt == "text":
        yield from read_text_file(path, published=published)
    elif fmt == "html":
        yield read_html_file(path, published=published)
    elif fmt == "feed":
        yield from read_feed(path, published=published)
    elif fmt == "warc":
        yield from read_warc(path, published=published)


def finish(doc: Document) -> Document | Problem:
    """A raw document cleaned and language-checked, or the reason it is
    skipped (nothing left after cleanup, not English)."""
    where = doc.origin or doc.id
    text = clean_text(doc.text)
    if not text.strip():
        return Problem(where, "no-text", f"document {doc.id!r} has no article text after boilerplate cleanup")
    lang, prob = detect_language(text)
    if lang is not None and lang not in ACCEPTED_LANGUAGES:
        if is_doubtful(prob):  # kept; the doubt is noted in its language: "pcm?"
            lang = f"{lang}?"
        else:
            return Problem(where, "language", f"document {doc.id!r} is not English (detected {lang!r}, p={prob:.2f}); skipped")
    doc = doc.with_text(text) if text != doc.text else doc
    return replace(doc, language=lang) if lang is not None else doc


def _as_date(published: dt.date | str | None) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published
    return dt.date.fromisoformat(published.strip()[:10])


def read_documents(
    paths: Iterable[Path | str], *, published: dt.date | str | None = None
) -> Iterator[Document | Problem]:
    """Every document in ``paths`` (files or folders), cleaned and checked,
    and a ``Problem`` for every input that could not be read.  Never raises
    for bad input.

    ``published`` is the publication date of text files (over any sidecar or
    dateline) and the fallback for documents whose input gives none."""
    try:
        date = _as_date(published)
    except ValueError:
        yield Problem("--published", "usage", f"{published!r} is not a YYYY-MM-DD date")
        return
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files: Iterable[Path] = _walk(path)
        elif path.exists():
            files = (path,)
        else:
            yield Problem(str(path), "missing", "no such file or folder")
            continue
        for file in files:
            try:
                for item in read_file(file, date):
                    yield finish(item) if isinstance(item, Document) else item
            except Exception as exc:  # a reader bug must not end the batch
                yield Problem(str(file), "internal", f"{type(exc).__name__}: {exc}")


def split_results(items: Iterable[Document | Problem]) -> tuple[list[Document], list[Problem]]:
    """Documents and problems apart (for tests and small batches)."""
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in items:
        (docs if isinstance(item, Document) else problems).append(item)
    return docs, problems


