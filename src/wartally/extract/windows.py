"""Long documents in windows, so that extraction time grows linearly with
the length of the text.

The extractor looks at a figure's neighbourhood (sentences before and
after, earlier figures, the article's main city and country), and some of
those looks reach over the whole document: fine for an article, quadratic
for a 20 MB text made of thousands of them.  A text longer than
``WINDOW_CHARS`` is cut at paragraph breaks (else at sentence ends, else
at spaces) into windows of at most that size; each window is extracted as
if it were the document, and its figures are moved back to offsets in the
whole text, with ids made from the whole document (as an unwindowed run
makes them).  A text of at most ``WINDOW_CHARS`` characters (every news
article) is extracted whole, exactly as before.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from wartally.records import Document, Figure, Place, Span
from wartally.extract import regexes

#: The longest text extracted in one piece (characters).  News articles are
#: a few thousand characters; the longest in the shared corpora is ~40,000.
WINDOW_CHARS = 64_000

_SENTENCE_END = regexes.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")

Hits = list[tuple[int, int, str]]
Extractor = Callable[..., list[Figure]]


def window_bounds(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive windows covering ``text``, each at most
    ``size`` characters, cut at the last paragraph break, else line break,
    else sentence end, else space in the second half of the window."""
    if size < 2:
        raise ValueError(f"size must be at least 2, not {size}")
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        cut = _cut(text, start, start + size)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end the window ``text[lo:hi]`` (``lo`` < result <= ``hi``)."""
    mid = lo + (hi - lo) // 2
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, mid, hi)
        if at >= 0:
            return at + len(sep)
    last = None
    for last in _SENTENCE_END.finditer(text, mid, hi):
        pass
    if last is not None:
        return last.end()
    at = text.rfind(" ", mid, hi)
    return at + 1 if at >= 0 else hi


def _hits_within(hits: Hits, starts: list[int], lo: int, hi: int) -> Hits:
    """The gazetteer hits inside ``[lo, hi)``, with offsets from ``lo``."""
    first = bisect.bisect_left(starts, lo)
    last = bisect.bisect_left(starts, hi)
    return [(s - lo, e - lo, surface) for s, e, surface in hits[first:last] if e <= hi]


def _span(span: Span | None, base: int) -> Span | None:
    return None if span is None else replace(span, start=span.start + base, end=span.end + base)


def _place(place: Place | None, base: int) -> Place | None:
    if place is None or place.span is None:
        return place
    return replace(place, span=_span(place.span, base))


def shift_figure(f: Figure, doc: Document, base: int, ids: dict[str, str]) -> Figure:
    """``f``, found in a window starting at ``base``, with offsets in the
    whole of ``doc`` and the id an unwindowed run gives it; ``ids`` maps the
    window's figure ids to whole-document ids (for ``part_of``)."""
    number = _span(f.number_span, base)
    new_id = Figure.make_id(doc.id, doc.content_hash, number.start, f.outcome, f.victims)
    ids[f.id] = new_id
    return replace(
        f,
        id=new_id,
        number_span=number,
        sentence_start=f.sentence_start + base,
        sentence_end=f.sentence_end + base,
        part_of=ids.get(f.part_of, f.part_of) if f.part_of else None,
        place=_place(f.place, base),
        area=_place(f.area, base),
        period=replace(f.period, span=_span(f.period.span, base)),
        provenance=tuple(_span(s, base) for s in f.provenance),
    )


def extract_windowed(
    extract_whole: Extractor, doc: Document, *, gazetteer_hits: Hits | None = None,
    size: int = WINDOW_CHARS,
) -> list[Figure]:
    """``extract_whole(doc)`` for a text of at most ``size`` characters;
    window by window, with the figures moved back into the whole text, for
    a longer one."""
    text = doc.text
    if len(text) <= size:
        return extract_whole(doc, gazetteer_hits=gazetteer_hits)
    starts = [h[0] for h in gazetteer_hits] if gazetteer_hits is not None else []
    figures: list[Figure] = []
    for lo, hi in window_bounds(text, size):
        part = replace(doc, text=text[lo:hi])
        hits = _hits_within(gazetteer_hits, starts, lo, hi) if gazetteer_hits is not None else None
        found = extract_whole(part, gazetteer_hits=hits)
        ids: dict[str, str] = {}
        # parents come before their parts in a window's output, but map all ids first to be sure
        for f in found:
            ids[f.id] = Figure.make_id(doc.id, doc.content_hash, f.number_span.start + lo, f.outcome, f.victims)
        figures.extend(shift_figure(f, doc, lo, ids) for f in found)
    return figures
