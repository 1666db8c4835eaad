"""The per-document stage chain shared by every engine: extract →
geocode (readers have already cleaned the text).  Pure functions of their
input, no hidden global state beyond lazily loaded, read-only resources
(lexicons, gazetteer)."""
from __future__ import annotations

from wartally.records import Document, Figure


def process_document(doc: Document, *, geocode: bool = True) -> list[Figure]:
    from wartally.extract import extract_document
    from wartally.extract.places import gazetteer_hits

    found = gazetteer_hits(doc.text)  # one pass over the text, shared by both stages
    figures = extract_document(doc, gazetteer_hits=found)
    if geocode and figures:
        from wartally.geo import geocode_figures

        figures = geocode_figures(doc, figures, found=found)
    return figures
