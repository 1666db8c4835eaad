"""The per-document stage: extract the figures of one cleaned document and
geocode them.  Every runner calls it (the local and Spark engines, the
eval and link scoring, the API); it is a pure function of its input, with
no hidden state beyond lazily loaded, read-only resources (lexicons,
gazetteer)."""
from __future__ import annotations

import datetime as dt

from wartally.dates import publication_date
from wartally.extract.figures import article_country
from wartally.extract.figures import extract_document as extract_whole_document
from wartally.extract.places import gazetteer_hits, hits_that_may_be_where
from wartally.extract.windows import WINDOW_CHARS, extract_windowed
from wartally.geo import geocode_figures
from wartally.records import Document, Figure


def extract_document(doc: Document, *, gazetteer_hits: list[tuple[int, int, str]] | None = None) -> list[Figure]:
    """Every casualty and displacement figure in ``doc`` (long texts in
    windows, so that time grows linearly with length: see ``windows``)."""
    return extract_windowed(extract_whole_document, doc, gazetteer_hits=gazetteer_hits)


def process_document(doc: Document, *, geocode: bool = True) -> list[Figure]:
    """The figures of ``doc``, geocoded unless ``geocode`` is false."""
    if not isinstance(doc.text, str):
        raise TypeError(f"document {doc.id!r}: text must be a str, not {type(doc.text).__name__}")
    found = gazetteer_hits(doc.text)  # one pass over the text, shared by both steps
    # the toponyms that may be where (not "Hospital director Mohamed Abu Salmiya", "Somali troops"): what the
    # article's country and main area are read from
    where = hits_that_may_be_where(doc.text, found)
    country = article_country(doc, where)  # read once: the extractor's context and the geocoder's strongest prior
    if len(doc.text) <= WINDOW_CHARS:
        figures = extract_whole_document(doc, gazetteer_hits=found, country=country)
    else:
        figures = extract_document(doc, gazetteer_hits=found)  # each window reads its own
    if geocode and figures:
        figures = geocode_figures(doc, figures, found=where, country=country)
    return figures


def _optional_str(name: str, value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")


def extract_text(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    outlet: str | None = None,
    doc_id: str = "text",
    title: str | None = None,
    geocode: bool = True,
) -> list[Figure]:
    """Every casualty and displacement figure in ``text`` (a str), as
    ``wartally.extract``.  ``published`` (a date, a datetime whose date is
    used, or an ISO string 'YYYY-MM-DD') resolves relative dates such as "on
    Monday".  Bad arguments raise a ``TypeError`` or ``ValueError`` naming
    the argument and the forms it accepts."""
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("text must be a str, not bytes: decode it first, e.g. text.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (the article's text), not {type(text).__name__}")
    if not isinstance(doc_id, str) or not doc_id:
        raise TypeError(f"doc_id must be a non-empty str, not {doc_id!r}")
    _optional_str("outlet", outlet)
    _optional_str("title", title)
    doc = Document.make(doc_id, text, published=publication_date(published), outlet=outlet, title=title)
    return process_document(doc, geocode=geocode)
