"""The Python API behind ``wartally.extract``, ``wartally.read`` and
``wartally.process``: thin wrappers over the stage functions."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from wartally.records import Document, Figure


def read(*paths: str | Path, published: dt.date | str | None = None) -> Iterator[Document]:
    """Documents from any input the readers accept (JSONL, text directories,
    HTML, feeds, WARC).  Problems are logged and skipped."""
    from wartally.ingest import read_documents

    for item in read_documents([Path(p) for p in paths], published=published):
        if isinstance(item, Document):
            yield item


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    doc_id: str = "text",
    title: str | None = None,
    geocode: bool = True,
) -> list[Figure]:
    """Every casualty and displacement figure in ``text``."""
    doc = Document.make(doc_id, text, published=published, outlet=outlet, title=title)
    return process(doc, geocode=geocode)


def process(doc: Document, *, geocode: bool = True) -> list[Figure]:
    """The per-document stages: clean, extract, geocode."""
    from wartally.pipeline import process_document

    return process_document(doc, geocode=geocode)


def process_all(docs: Iterable[Document], *, geocode: bool = True) -> Iterator[tuple[Document, list[Figure]]]:
    for doc in docs:
        yield doc, process(doc, geocode=geocode)
