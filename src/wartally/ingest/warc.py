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


def read_warc(
    path: Path, *, published: dt.date | None = None, limit: int = MAX_BYTES
) -> Iterator[Document | Problem]:
    """Every HTML page in a WARC (or .warc.gz) file as a Document."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    pages = 0
    number = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f):
                number += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(_HTML_TYPES):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                rec_where = f"{where}:record {number}"
                pages += 1
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    yield Problem(rec_where, "too-large", f"{uri}: page is over the {megabytes(limit)} limit")
                    continue
                charset = _CHARSET.search(ctype)
                try:
                    html = decode_html(data, charset.group(1) if charset else None)
                except Unreadable as exc:
                    yield Problem(rec_where, exc.code, f"{uri}: {exc.reason}")
                    continue
                yield html_to_document(
                    html, doc_id=uri, where=rec_where, url=uri,
                    published=published,
                )
    except ArchiveLoadFailed as exc:
        yield Problem(where, "warc", f"not a readable WARC archive: {exc}".split("\n")[0])
        return
    except Exception as exc:  # warcio raises many kinds on damaged input
        yield Problem(f"{where}:record {number + 1}", "warc", f"archive is damaged or truncated ({type(exc).__name__}: {exc})")
        return
    if number == 0:
        yield Problem(where, "warc", "no WARC records: empty or not a WARC archive")
    elif pages == 0:
        yield Problem(where, "warc", f"no HTML response records among {number} WARC records")
