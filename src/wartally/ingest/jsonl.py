"""JSONL documents, one object a line, in the shape of ../shared/corpus:
``{"id", "text", "published" (YYYY-MM-DD or null), "outlet", "title"?, "url"?}``.

The file (plain or gzipped) is streamed line by line, so it may be any size; a line over the
size limit is reported and skipped without being held in memory."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from wartally.dates import publication_date
from wartally.errors import Problem
from wartally.ingest.decoding import MAX_BYTES, Unreadable, decode_utf8, megabytes
from wartally.records import Document

_OPTIONAL = ("title", "outlet", "url")


def _open(path: Path) -> BinaryIO:
    with open(path, "rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


def _lines(path: Path, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when over ``limit``, length)."""
    with _open(path) as f:
        number = 0
        while True:
            try:
                chunk = f.readline(limit + 1)
            except (OSError, EOFError, zlib.error) as exc:  # a damaged gzip stream
                raise Unreadable("gzip", f"damaged gzip stream after line {number}: {exc}") from None
            if not chunk:
                return
            number += 1
            if len(chunk) <= limit or chunk.endswith(b"\n"):
                yield number, chunk, len(chunk)
                continue
            length = len(chunk)
            while chunk and not chunk.endswith(b"\n"):  # skip the rest unread
                chunk = f.readline(1024 * 1024)
                length += len(chunk)
            yield number, None, length


def parse_published(value: object) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` (an ISO timestamp gives its date), ``None``
    for null or empty; ``ValueError`` otherwise (another type, another
    format, a year out of ``wartally.dates``' range)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return publication_date(value)
    raise ValueError(f"published must be a YYYY-MM-DD string, not {type(value).__name__}")


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def record_to_document(
    record: object, where: str, published: dt.date | None = None
) -> Document | Problem:
    """One JSON record as a Document (text not yet cleaned), or the reason
    it is not one.  ``published`` is used when the record has no date."""
    if not isinstance(record, dict):
        return Problem(where, "record", f"expected a JSON object, got {type(record).__name__}")
    missing = [k for k in ("id", "text") if record.get(k) in (None, "")]
    if missing:
        return Problem(where, "record", f"missing {' and '.join(repr(k) for k in missing)}")
    if not isinstance(record["id"], (str, int)):
        return Problem(where, "record", f"'id' must be a string, not {type(record['id']).__name__}")
    if not isinstance(record["text"], str):
        return Problem(where, "record", f"'text' must be a string, not {type(record['text']).__name__}")
    try:
        date = parse_published(record.get("published"))
    except ValueError as exc:
        reason = "out of range" if "out of range" in str(exc) else "not a YYYY-MM-DD date"
        return Problem(where, "record", f"'published' is {_short(record.get('published'))}, {reason}")
    extra = {}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Problem(where, "record", f"{key!r} must be a string, not {type(value).__name__}")
        extra[key] = value or None
    return Document.make(
        str(record["id"]), record["text"], published=date or published, origin=where, **extra
    )


def read_jsonl(
    path: Path, *, published: dt.date | None = None, limit: int = MAX_BYTES
) -> Iterator[Document | Problem]:
    """Every document in a JSONL file; bad lines become Problems naming
    ``file:line``, and the rest of the file is read."""
    try:
        yield from _documents(path, _lines(path, limit), published, limit)
    except Unreadable as exc:  # a damaged gzip stream: nothing after it can be read
        yield Problem(str(path), exc.code, exc.reason)


def _documents(
    path: Path, lines: Iterator[tuple[int, bytes | None, int]], published: dt.date | None, limit: int
) -> Iterator[Document | Problem]:
    seen = False
    for number, raw, length in lines:
        where = f"{path}:{number}"
        if raw is None:
            seen = True
            yield Problem(where, "too-large", f"line is {megabytes(length)}, over the {megabytes(limit)} limit")
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            line = decode_utf8(raw)
        except Unreadable as exc:
            yield Problem(where, exc.code, exc.reason.replace(" (line 1)", ""))
            continue
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield Problem(where, "json", f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield Problem(where, "json", "JSON nested too deeply to read")
            continue
        yield record_to_document(record, where, published)
    if not seen:
        yield Problem(str(path), "empty", "empty file (no JSON lines)")
