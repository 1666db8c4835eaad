"""Records made from a gold file (``../shared/gold/*.gold.jsonl``): real
sentences with the figures a reviewer found in them.  Tests and demos use
them to fill a store without depending on the extractor's current recall."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from wartally.records import (
    DatePrecision,
    Document,
    Figure,
    Outcome,
    Period,
    Place,
    Qualifier,
    Side,
    Span,
    Victims,
    WherePrecision,
)
from wartally.store.queries import admin1_keys, admin1_name

Locate = Callable[[str | None, str | None], Place | None]


def _find(text: str, quote: str) -> tuple[int, int]:
    words = [re.escape(w) for w in quote.split()]
    m = re.search(r"\s+".join(words), text) if words else None
    return (m.start(), m.end()) if m else (0, min(len(text), len(quote)))


def _number_at(text: str, start: int, end: int, n: int) -> tuple[int, int]:
    part = text[start:end]
    for pat in (f"{n:,}", str(n)):
        i = part.find(pat)
        if i >= 0:
            return start + i, start + i + len(pat)
    m = re.search(r"\S+", part)  # a number in words: its first word
    return (start + m.start(), start + m.end()) if m else (start, start)


def gold_figures(doc: Document, gold: list[dict[str, Any]], locate: Locate | None = None) -> list[Figure]:
    """Figures of ``doc`` as its gold line gives them (``part_of`` indexes
    become parent ids; quotes become spans of the text)."""
    ids: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    for g in gold:
        qs, qe = _find(doc.text, g["quote"])
        ns, ne = _number_at(doc.text, qs, qe, int(g["n"]))
        spans.append((qs, qe, ns, ne))
        ids.append(Figure.make_id(doc.id, doc.content_hash, ns, g["outcome"], g["victims"]))
    out: list[Figure] = []
    seen: set[str] = set()
    for i, g in enumerate(gold):
        if ids[i] in seen:
            continue
        seen.add(ids[i])
        qs, qe, ns, ne = spans[i]
        start = dt.date.fromisoformat(g["start"]) if g.get("start") else None
        end = dt.date.fromisoformat(g["end"]) if g.get("end") else None
        days = (end - start).days + 1 if start and end else None
        precision = (DatePrecision.UNKNOWN if days is None else DatePrecision.DAY if days == 1
                     else DatePrecision.DAYS if days < 8 else DatePrecision.MONTH if days < 40
                     else DatePrecision.MONTHS)
        place = locate(g["place"], g.get("admin1")) if locate and g.get("place") else None
        if place is None and g.get("place"):
            place = Place(mention=g["place"], name=g["place"], admin1=g.get("admin1"))
        area = None
        if g.get("admin1") and (place is None or not place.resolved):
            area = (locate(None, g["admin1"]) if locate else None) or Place(mention=g["admin1"], admin1=g["admin1"])
        parent = g.get("part_of")
        out.append(Figure(
            id=ids[i],
            doc_id=doc.id,
            outcome=Outcome(g["outcome"]),
            n=int(g["n"]),
            qualifier=Qualifier(g.get("qualifier", "exact")),
            victims=Victims(g["victims"]),
            quote=doc.text[qs:qe],
            number_span=Span(doc.id, ns, ne, doc.text[ns:ne], "number:gold"),
            sentence_start=qs,
            sentence_end=qe,
            side=Side(g["side"]) if g.get("side") else None,
            part_of=ids[parent] if isinstance(parent, int) and 0 <= parent < len(ids) else None,
            place=place,
            area=area,
            country=g.get("country"),
            period=Period(start, end, precision, int(g.get("date_tolerance_days", 1))),
            source=g.get("source"),
            actor=tuple(a.strip() for a in g["actor"].split(";")) if g.get("actor") else (),
            weapon=g.get("weapon"),
            provenance=(Span(doc.id, qs, qe, doc.text[qs:qe], "quote:gold"),),
        ))
    return out


def ocha_locator(geo_dir: Any) -> Locate:
    """A crude locator over OCHA's admin points (for samples only; the geo
    stage is the real geocoder): a place named like an admin 2/3 unit gets
    its point, a governorate its centre."""
    import json
    from pathlib import Path

    geo = Path(geo_dir)
    points: dict[str, Place] = {}
    with open(geo / "ocha" / "syr_adminpoints.geojson", encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            p = feat["properties"]
            lon, lat = feat["geometry"]["coordinates"][:2]
            level = p.get("admin_leve")
            if level not in (1, 2, 3):
                continue
            key = re.sub(r"[^a-z]", "", p["name"].lower())
            a1 = admin1_name(p.get("adm1_name"))
            points.setdefault(f"{level}:{key}", Place(
                mention=p["name"], name=p["name"], lat=lat, lon=lon, country="Syria", admin1=a1,
                admin1_ocha=p.get("adm1_name"), admin1_pcode=p.get("adm1_pcode"),
                admin2=p.get("adm2_name") or None, admin2_pcode=p.get("adm2_pcode") or None,
                admin3=p.get("adm3_name") or None, admin3_pcode=p.get("adm3_pcode") or None,
                feature=f"admin{level}",
                precision=WherePrecision.ADMIN1 if level == 1 else WherePrecision.ADMIN2,
                gazetteer_id=p.get(f"adm{level}_pcode"), reason="OCHA admin point (sample locator)"))

    def locate(place: str | None, admin1: str | None) -> Place | None:
        if place:
            key = re.sub(r"[^a-z]", "", place.lower())
            for level in (3, 2):
                hit = points.get(f"{level}:{key}")
                if hit:
                    return Place(**{**{s: getattr(hit, s) for s in hit.__slots__}, "mention": place})
            return None
        if admin1:
            for k in admin1_keys(admin1):
                hit = points.get(f"1:{k}")
                if hit:
                    return Place(**{**{s: getattr(hit, s) for s in hit.__slots__}, "mention": admin1})
        return None

    return locate
