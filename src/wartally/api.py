"""The Python API behind ``wartally.extract``, ``wartally.read`` and
``wartally.process``: thin wrappers over the stage functions that check
their arguments first, with a ``TypeError`` or ``ValueError`` that names
the argument and the forms it accepts."""
from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from wartally.dates import publication_date
from wartally.errors import Problem
from wartally.records import Document, Figure

log = logging.getLogger("wartally.read")


def read(
    *paths: str | os.PathLike[str],
    published: dt.date | dt.datetime | str | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[Document]:
    """Documents from any input the readers accept (JSONL, text directories,
    HTML, feeds, WARC).

    A path that does not exist raises ``FileNotFoundError`` here, before
    anything is read.  Other problems (a bad line, a page with no text, a
    non-English document) are appended to ``problems`` when a list is
    given, else logged as warnings on the ``wartally.read`` logger; the
    documents around them are still read."""
    from wartally.ingest import read_documents

    for i, p in enumerate(paths):
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"paths[{i}] must be a str or a path (os.PathLike), not {type(p).__name__}")
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    date = publication_date(published)
    if problems is not None and not isinstance(problems, list):
        raise TypeError(f"problems must be a list (problems are appended to it) or None, not {type(problems).__name__}")
    return _documents([Path(p) for p in paths], date, problems, read_documents)


def _documents(paths, date, problems, read_documents) -> Iterator[Document]:
    for item in read_documents(paths, published=date):
        if isinstance(item, Document):
            yield item
        elif problems is not None:
            problems.append(item)
        else:
            log.warning("%s", item)


def _optional_str(name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")


def extract(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    outlet: str | None = None,
    doc_id: str = "text",
    title: str | None = None,
    geocode: bool = True,
) -> list[Figure]:
    """Every casualty and displacement figure in ``text`` (a str).
    ``published`` (a date, a datetime whose date is used, or an ISO string
    'YYYY-MM-DD') resolves relative dates such as "on Monday"."""
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("text must be a str, not bytes: decode it first, e.g. text.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (the article's text), not {type(text).__name__}")
    if not isinstance(doc_id, str) or not doc_id:
        raise TypeError(f"doc_id must be a non-empty str, not {doc_id!r}")
    _optional_str("outlet", outlet)
    _optional_str("title", title)
    doc = Document.make(doc_id, text, published=publication_date(published), outlet=outlet, title=title)
    return process(doc, geocode=geocode)


def process(doc: Document, *, geocode: bool = True) -> list[Figure]:
    """The per-document stages: extract, geocode."""
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a wartally.Document (e.g. from wartally.read), not {type(doc).__name__}")
    publication_date(doc.published, "doc.published")  # a date out of range cannot be resolved against
    from wartally.pipeline import process_document

    return process_document(doc, geocode=geocode)


def process_all(docs: Iterable[Document], *, geocode: bool = True) -> Iterator[tuple[Document, list[Figure]]]:
    for doc in docs:
        yield doc, process(doc, geocode=geocode)
