"""WARC archives through warcio: every HTML response record becomes a
document through the HTML reader, with the record's target URI as id and
url.  Other records (requests, metadata, images, scripts) are passed over.
The archive is streamed; a record over the size limit is reported."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from wartally.errors import Problem
from wartally.ingest.decoding import MAX_BYTES, Unreadable, decode_html, megabytes
from wartally.ingest.html import html_to_document
from wartally.records import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)")
_CHUNK = 1 << 16


def _cut_short(record) -> int:
    """How many bytes of ``record``'s block are missing (the archive ended
    inside it); 0 for a whole record.  Reads the rest of the block."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return max(0, int(getattr(stream, "limit", 0) or 0))


def _trailing(f, end: int) -> int:
    """Bytes after ``end`` that are more than padding (a whole gzip member
    or record was not read: the archive ends inside it)."""
    f.seek(end)
    rest = f.read(_CHUNK)
    if not rest.strip(b"\r\n\t "):
        f.seek(0, 2)
        return 0
    f.seek(0, 2)
    return f.tell() - end


def _has_length(record) -> bool:
    """Whether the record's header ends with its Content-Length (every
    whole record has one; a header cut short has none, or a part of it)."""
    value = record.rec_headers.get_header("Content-Length")
    return bool(value) and value.strip().isdigit()


def _at_end(path: Path, f) -> bool:
    """Whether the reader had reached the end of the file when it failed."""
    try:
        return f.tell() >= path.stat().st_size
    except (OSError, ValueError):
        return False


def read_warc(
    path: Path, *, published: dt.date | None = None, limit: int = MAX_BYTES
) -> Iterator[Document | Problem]:
    """Every HTML page in a WARC (or .warc.gz) file as a Document.  An
    archive that ends inside a record (a truncated download, a cut gzip
    member) is reported as ``truncated``: the records before it are kept."""
    with open(path, "rb") as f:
        yield from _records(f, path, published, limit)


def _records(f, path: Path, published: dt.date | None, limit: int) -> Iterator[Document | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    pages = 0
    number = 0
    try:
        records = ArchiveIterator(f)
        for record in records:
            number += 1
            rec_where = f"{where}:record {number}"
            if record.rec_type is None or record.rec_headers is None or not _has_length(record):
                yield Problem(rec_where, "truncated", "the archive ends inside this record's WARC header")
                return
            page = _page(record, rec_where, limit, published)
            missing = _cut_short(record)
            if missing:
                yield Problem(rec_where, "truncated",
                              f"the archive ends inside this record: its last {missing} bytes are missing"
                              " (a truncated file?)")
                return
            if page is not None:
                pages += 1
                yield page
        left = _trailing(f, records.offset) if number else 0
        if left:
            yield Problem(f"{where}:record {number + 1}", "truncated",
                          f"the archive ends inside this record: its first {left} bytes are there,"
                          " the rest is missing (a truncated file?)")
            return
    except ArchiveLoadFailed as exc:
        yield Problem(where if number == 0 else f"{where}:record {number + 1}", "warc",
                      f"not a readable WARC archive: {exc}")
        return
    except Exception as exc:  # warcio raises many kinds on damaged input
        if _at_end(path, f):  # what is left is the start of a record, not a whole one
            yield Problem(f"{where}:record {number + 1}", "truncated",
                          f"the archive ends inside this record's WARC header ({type(exc).__name__})")
        else:
            yield Problem(f"{where}:record {number + 1}", "warc", f"archive is damaged ({type(exc).__name__}: {exc})")
        return
    if number == 0:
        yield Problem(where, "warc", "no WARC records: empty or not a WARC archive")
    elif pages == 0:
        yield Problem(where, "warc", f"no HTML response records among {number} WARC records")


def _page(record, rec_where: str, limit: int, published: dt.date | None) -> Document | Problem | None:
    """The HTML page in a response record, the reason it cannot be read, or
    None for a record that holds no page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not ctype.startswith(_HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return Problem(rec_where, "too-large", f"{uri}: page is over the {megabytes(limit)} limit")
    charset = _CHARSET.search(ctype)
    try:
        html = decode_html(data, charset.group(1) if charset else None)
    except Unreadable as exc:
        return Problem(rec_where, exc.code, f"{uri}: {exc.reason}")
    return html_to_document(html, doc_id=uri, where=rec_where, url=uri, published=published)
