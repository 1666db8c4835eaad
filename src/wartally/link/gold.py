"""Figures from gold-guide-shaped dicts (../shared/gold/GUIDE.md), for the
hand-checked link pairs and for tests that must not wait on the extractor."""
from __future__ import annotations

import datetime as dt
from typing import Any

from wartally.records import (
    DatePrecision, Document, Figure, Outcome, Period, Place, Qualifier, Side, Span, Victims,
    WherePrecision,
)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def figure_from_gold(doc: Document, d: dict[str, Any], index: int = 0) -> Figure:
    """A Figure of ``doc`` from a gold-style dict (``outcome``, ``n`` and
    ``victims`` required; ``qualifier``, ``quote``, ``place``, ``admin1``,
    ``country``, ``start``, ``end``, ``source``, ``actor``, ``weapon``,
    ``side``, ``part_of`` (a figure id) optional).  Offsets come from where
    the quote is found in the text."""
    quote = d.get("quote") or ""
    at = doc.text.find(quote) if quote else -1
    # offset of the quote in the text; a quote not found gets its own sentence
    start = at if at >= 0 else len(doc.text) + index
    number_text = str(d["n"])
    n_at = quote.find(number_text)
    if n_at < 0 and f"{int(d['n']):,}" in quote:
        number_text = f"{int(d['n']):,}"
        n_at = quote.find(number_text)
    num_start = start + (n_at if n_at >= 0 else 0)
    span = Span(doc.id, num_start, num_start + len(number_text), number_text, "number:gold")
    s, e = _date(d.get("start")), _date(d.get("end"))
    if s and not e:
        e = s
    if s is None and e is None and d.get("start", "published") == "published" and doc.published:
        s = e = doc.published
    days = (e - s).days + 1 if s and e else None
    precision = (DatePrecision.UNKNOWN if days is None else DatePrecision.DAY if days == 1
                 else DatePrecision.DAYS if days < 8 else DatePrecision.MONTHS)
    place = area = None
    if d.get("place"):
        place = Place(mention=d["place"], name=d["place"], admin1=d.get("admin1"),
                      lat=d.get("lat"), lon=d.get("lon"), feature="city",
                      precision=WherePrecision.EXACT if d.get("lat") is not None else WherePrecision.UNKNOWN)
    if d.get("admin1"):
        area = Place(mention=d["admin1"], name=d["admin1"], admin1=d["admin1"], feature="admin1",
                     precision=WherePrecision.ADMIN1)
    outcome, victims = Outcome(d["outcome"]), Victims(d["victims"])
    fid = d.get("id") or Figure.make_id(doc.id, doc.content_hash, num_start + index, outcome, victims)
    actor = tuple(a.strip() for a in (d.get("actor") or "").split(";") if a.strip())
    return Figure(
        id=fid, doc_id=doc.id, outcome=outcome, n=int(d["n"]),
        qualifier=Qualifier(d.get("qualifier") or "exact"), victims=victims,
        quote=quote or f"{d['n']} {victims} {outcome}", number_span=span,
        sentence_start=start, sentence_end=start + len(quote),
        side=Side(d["side"]) if d.get("side") else None, part_of=d.get("part_of"),
        place=place, area=area, country=d.get("country"),
        period=Period(start=s, end=e, precision=precision,
                      tolerance_days=int(d.get("date_tolerance_days") or 1),
                      span=Span(doc.id, start, start + len(quote), quote, "when:gold") if d.get("start") else None),
        source=d.get("source"), actor=actor, weapon=d.get("weapon"),
    )
