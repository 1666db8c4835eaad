"""Geocoding a document's figures: each figure's place (the settlement it
is tied to) and area (the admin unit or region it is scoped to) become full
Place records, resolved in the context of the article's other places."""
from __future__ import annotations

from dataclasses import replace

from wartally.geo.finder import find_places
from wartally.geo.resolver import resolve
from wartally.records import Document, Figure, Place


def context_of(doc: Document) -> list[str]:
    """The distinct place names found in a document, in text order."""
    seen: dict[str, None] = {}
    for _, _, surface in find_places(doc.text or ""):
        seen.setdefault(surface, None)
    if doc.title:
        for _, _, surface in find_places(doc.title):
            seen.setdefault(surface, None)
    return list(seen)


def _geocode(p: Place | None, context: list[str], parent: str | None) -> Place | None:
    if p is None or not p.mention:
        return p
    if p.resolved and p.lat is not None:
        return p  # already geocoded
    q = resolve(p.mention, context=context, parent=parent)
    return replace(q, span=p.span)


def geocode_figures(doc: Document, figures: list[Figure]) -> list[Figure]:
    """Resolve ``figure.place`` and ``figure.area`` of each figure.  A place
    that cannot be resolved keeps its mention with precision UNKNOWN; no
    figure is ever dropped."""
    if not figures:
        return figures
    context = context_of(doc)
    out = []
    for f in figures:
        area = _geocode(f.area, context, None)
        parent = f.area.mention if f.area is not None and f.area.mention else None
        place = _geocode(f.place, context, parent)
        out.append(replace(f, place=place, area=area))
    return out
