"""The per-document stage chain shared by every engine: clean → extract →
geocode.  Pure functions of their input, no hidden global state beyond
lazily loaded, read-only resources (lexicons, gazetteer)."""
from __future__ import annotations

from wartally.records import Document, Figure


def process_document(doc: Document, *, geocode: bool = True) -> list[Figure]:
    from wartally.extract import extract_document

    figures = extract_document(doc)
    if geocode and figures:
        try:
            from wartally.geo import geocode_figures
        except ImportError:  # geocoder not built yet
            return figures
        figures = geocode_figures(doc, figures)
    return figures
