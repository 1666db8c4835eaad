"""The per-document stage: extract the figures of one cleaned document and
geocode them.  Every runner calls it (the local and Spark engines, the
eval and link scoring, the API); it is a pure function of its input, with
no hidden state beyond lazily loaded, read-only resources (lexicons,
gazetteer)."""
from __future__ import annotations

import datetime as dt

from wartally.extract.figures import extract_document
from wartally.extract.places import gazetteer_hits
from wartally.geo import geocode_figures
from wartally.records import Document, Figure


def process_document(doc: Document, *, geocode: bool = True) -> list[Figure]:
    """The figures of ``doc``, geocoded unless ``geocode`` is false."""
    found = gazetteer_hits(doc.text)  # one pass over the text, shared by both steps
    figures = extract_document(doc, gazetteer_hits=found)
    if geocode and figures:
        figures = geocode_figures(doc, figures, found=found)
    return figures


def extract_text(
    text: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    doc_id: str = "text",
    title: str | None = None,
    geocode: bool = True,
) -> list[Figure]:
    """Every casualty and displacement figure in ``text`` (``wartally.extract``)."""
    doc = Document.make(doc_id, text, published=published, outlet=outlet, title=title)
    return process_document(doc, geocode=geocode)
