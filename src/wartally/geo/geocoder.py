"""Geocoding a document's figures: each figure's place (the settlement it
is tied to) and area (the admin unit or region it is scoped to) become full
Place records, resolved in the context of the article's other places."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from wartally.geo.finder import find_places
from wartally.geo.resolver import resolve
from wartally.records import Document, Figure, Place


def context_of(doc: Document, found: list[tuple[int, int, str]] | None = None) -> list[str]:
    """The distinct place names found in a document, in text order
    (``found``: the document's ``find_places`` result, when already made)."""
    seen: dict[str, None] = {}
    for _, _, surface in (find_places(doc.text or "") if found is None else found):
        seen.setdefault(surface, None)
    if doc.title:
        for _, _, surface in find_places(doc.title):
            seen.setdefault(surface, None)
    return list(seen)


def main_area(doc: Document, context: list[str] | None = None,
              found: list[tuple[int, int, str]] | None = None) -> Place | None:
    """The governorate an article is mostly about: the one its Syrian place
    mentions fall in most often (ties: the first named), as a resolved
    admin1 Place; None when it names no Syrian place below the country."""
    found = find_places(doc.text or "") if found is None else found
    context = context_of(doc, found) if context is None else context
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for _, _, surface in found:
        p = resolve(surface, context=context)
        if p.resolved and p.admin1 and p.country == "Syria":
            votes[p.admin1] += 1
            first.setdefault(p.admin1, len(first))
    if not votes:
        return None
    best = min(votes, key=lambda a: (-votes[a], first[a]))
    area = resolve(f"{best} governorate")
    share = f"{votes[best]} of {sum(votes.values())} Syrian place mentions"
    return replace(area, mention=best, reason=f"article's main area: {share} are in {best}")


def _below_country(p: Place | None) -> bool:
    return p is not None and p.resolved and p.admin1 is not None


def _geocode(p: Place | None, context: list[str], parent: str | None, *, area: bool = False) -> Place | None:
    if p is None or not p.mention:
        return p
    if p.resolved and p.lat is not None:
        return p  # already geocoded
    q = resolve(p.mention, context=context, parent=parent, area=area)
    return replace(q, span=p.span)


def geocode_figures(doc: Document, figures: list[Figure], *, found: list[tuple[int, int, str]] | None = None) -> list[Figure]:
    """Resolve ``figure.place`` and ``figure.area`` of each figure.  A place
    that cannot be resolved keeps its mention with precision UNKNOWN; no
    figure is ever dropped.  A figure whose place is absent or unresolved,
    whose area names no Syrian admin unit and which is not scoped to a whole
    country gets the article's main area (see ``main_area``) as its area."""
    if not figures:
        return figures
    if found is None:
        found = find_places(doc.text or "")  # once per document: context and main area share it
    context = context_of(doc, found)
    fallback: list[Place | None] = []
    out = []
    for f in figures:
        area = _geocode(f.area, context, None, area=True)
        parent = f.area.mention if f.area is not None and f.area.mention else None
        place = _geocode(f.place, context, parent)
        if (place is None or not place.resolved) and f.country is None and not _below_country(area):
            # no settlement found, and no Syrian area below the country: the article's main area
            if not fallback:
                fallback.append(main_area(doc, context, found))
            if fallback[0] is not None:
                note = f"; '{area.mention}' did not name a Syrian area" if area is not None else ""
                area = replace(fallback[0], reason=(fallback[0].reason or "") + note)
        out.append(replace(f, place=place, area=area))
    return out
