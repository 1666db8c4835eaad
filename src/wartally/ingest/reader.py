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
import errno
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from wartally.dates import FIRST, LAST, publication_date
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


def _object_line_after(path: Path, start: int, chunk: int = 1 << 16) -> bool:
    """Whether a line of the file past its first ``start`` bytes starts a
    JSON object: a JSON-lines batch whose first lines are garbage (a long
    line of brackets, binary bytes) still holds its good records further on
    (tests/test_fuzz_inputs.py)."""
    with open(path, "rb") as f:
        f.seek(max(0, start - 1))
        carry = b""
        while block := f.read(chunk):
            if b"\n{" in carry + block:
                return True
            carry = block[-1:]
    return False


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
            # a file with no line that starts a JSON object (a picture, UTF-16) is one problem,
            # not one a line; otherwise a binary line is reported by itself, the others read
            if not (head.lstrip().startswith(b"{") or b"\n{" in head or _object_line_after(path, len(head))):
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(doc: Document) -> Document:
    """``doc`` with each lone surrogate (from a JSON or character escape
    such as \\ud800, which is no character and cannot be written as UTF-8)
    replaced by U+FFFD, one for one so offsets do not move."""
    fields = {name: _SURROGATE.sub("\ufffd", value) for name in ("id", "text", "title", "outlet", "url")
              if isinstance(value := getattr(doc, name), str) and _SURROGATE.search(value)}
    if not fields:
        return doc
    doc = replace(doc, **fields)
    return doc.with_text(doc.text) if "text" in fields else doc


def finish(doc: Document) -> Document | Problem:
    """A raw document cleaned and language-checked, or the reason it is
    skipped (nothing left after cleanup, not English)."""
    where = doc.origin or doc.id
    if doc.published is not None and not FIRST <= doc.published <= LAST:
        return Problem(where, "record", f"document {doc.id!r} has the publication date {doc.published}, "
                                        f"out of range ({FIRST} to {LAST})")
    doc = _without_surrogates(doc)
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
    return publication_date(published)


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
    except (TypeError, ValueError) as exc:
        yield Problem("--published", "usage", str(exc))
        return
    files_read: set[str] = set()
    ids_read: dict[str, tuple[str, str]] = {}  # document id -> (where first read, content hash)
    for path in paths:
        path = Path(path)
        unreachable = _unreachable(path)
        if unreachable is not None:
            yield unreachable
            continue
        files: Iterable[Path] = _walk(path) if path.is_dir() else (path,)
        for file in files:
            key = os.path.realpath(file)
            if key in files_read:
                yield Problem(str(file), "duplicate", "this file was given already; it is read once")
                continue
            files_read.add(key)
            try:
                for item in read_file(file, date):
                    if isinstance(item, Document):
                        item = _first_copy(item, ids_read)
                    yield finish(item) if isinstance(item, Document) else item
            except Exception as exc:  # a reader bug must not end the batch
                yield Problem(str(file), "internal", f"{type(exc).__name__}: {exc}")


def _unreachable(path: Path) -> Problem | None:
    """Why ``path`` cannot be read at all (missing, a symbolic link loop or
    to nowhere, no permission), or None."""
    try:
        path.stat()
    except FileNotFoundError:
        if os.path.islink(path):
            return Problem(str(path), "missing", f"a symbolic link to {os.readlink(path)!r}, which does not exist")
        return Problem(str(path), "missing", "no such file or folder")
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        if exc.errno == errno.ELOOP:
            reason = "a loop of symbolic links (it points back at itself)"
        return Problem(str(path), "unreadable", reason)
    return None


def _first_copy(doc: Document, ids_read: dict[str, tuple[str, str]]) -> Document | Problem:
    """``doc``, or a ``duplicate`` problem when a document with its id was
    read already in this batch (the first copy is kept, none overwritten)."""
    where = doc.origin or doc.id
    first = ids_read.get(doc.id)
    if first is not None:
        first_where, first_hash = first
        same = "the same text" if doc.content_hash == first_hash else "a different text"
        return Problem(where, "duplicate",
                       f"document id {doc.id!r} was read already at {first_where} ({same}); this copy is skipped")
    ids_read[doc.id] = (where, doc.content_hash)
    return doc


def split_results(items: Iterable[Document | Problem]) -> tuple[list[Document], list[Problem]]:
    """Documents and problems apart (for tests and small batches)."""
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in items:
        (docs if isinstance(item, Document) else problems).append(item)
    return docs, problems


