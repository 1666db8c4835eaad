"""The Python API behind ``wartally.extract``, ``wartally.read`` and
``wartally.process``: thin wrappers over the stage functions."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from wartally.extract.document import extract_text as extract
from wartally.ingest import read_documents
from wartally.pipeline import process_document
from wartally.records import Document, Figure

__all__ = ["extract", "process", "read"]


def read(*paths: str | Path, published: dt.date | str | None = None) -> Iterator[Document]:
    """Documents from any input the readers accept (JSONL, text directories,
    HTML, feeds, WARC).  Documents that cannot be read are skipped; use
    ``wartally.ingest.read_documents`` to see the problems."""
    for item in read_documents([Path(p) for p in paths], published=published):
        if isinstance(item, Document):
            yield item


def process(doc: Document, *, geocode: bool = True) -> list[Figure]:
    """The per-document stages: extract, geocode."""
    return process_document(doc, geocode=geocode)
