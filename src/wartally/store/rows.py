"""Records as table rows (the flat, queryable columns of schema.sql plus the
whole record as JSON)."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

from wartally.records import Disagreement, Document, Event, Figure, Link
from wartally.store import codec

FIGURE_COLUMNS = (
    "id", "doc_id", "outcome", "n", "qualifier", "victims", "side", "part_of", "kind",
    "place_mention", "place", "lat", "lon", "country", "admin1", "admin1_pcode", "admin2",
    "admin2_pcode", "admin3", "admin3_pcode", "where_prec", "geo_reason", "start_date",
    "end_date", "date_precision", "date_tolerance_days", "source", "actor", "weapon", "quote",
    "number_start", "number_end", "sentence_start", "sentence_end", "rules", "record",
)


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "content_hash": doc.content_hash,
        "title": doc.title,
        "published": doc.published,
        "outlet": doc.outlet,
        "url": doc.url,
        "origin": doc.origin,
        "language": doc.language,
        "text": doc.text,
    }


def figure_row(fig: Figure) -> dict[str, Any]:
    j = fig.to_json()
    p = fig.period
    return {
        "id": fig.id,
        "doc_id": fig.doc_id,
        "outcome": str(fig.outcome),
        "n": fig.n,
        "qualifier": str(fig.qualifier),
        "victims": str(fig.victims),
        "side": j["side"],
        "part_of": fig.part_of,
        "kind": None,
        "place_mention": j["place_mention"],
        "place": j["place"],
        "lat": j.get("lat"),
        "lon": j.get("lon"),
        "country": fig.country or _loc_country(fig),
        "admin1": j["admin1"],
        "admin1_pcode": j.get("admin1_pcode"),
        "admin2": j.get("admin2"),
        "admin2_pcode": j.get("admin2_pcode"),
        "admin3": j.get("admin3"),
        "admin3_pcode": j.get("admin3_pcode"),
        "where_prec": j.get("where_prec"),
        "geo_reason": j.get("geo_reason"),
        "start_date": p.start,
        "end_date": p.end,
        "date_precision": str(p.precision),
        "date_tolerance_days": p.tolerance_days,
        "source": fig.source,
        "actor": j["actor"],
        "weapon": fig.weapon,
        "quote": fig.quote,
        "number_start": fig.number_span.start,
        "number_end": fig.number_span.end,
        "sentence_start": fig.sentence_start,
        "sentence_end": fig.sentence_end,
        "rules": json.dumps(j["rules"], ensure_ascii=False, sort_keys=True),
        "record": codec.dumps(fig),
    }


def _loc_country(fig: Figure) -> str | None:
    for p in (fig.place, fig.area):
        if p is not None and p.country:
            return p.country
    return None


def event_row(ev: Event) -> dict[str, Any]:
    pl = ev.place
    return {
        "id": ev.id,
        "start_date": ev.start,
        "end_date": ev.end,
        "date_precision": str(ev.date_precision),
        "place": (pl.name or pl.mention) if pl else None,
        "lat": pl.lat if pl else None,
        "lon": pl.lon if pl else None,
        "country": pl.country if pl else None,
        "admin1": pl.admin1 if pl else None,
        "admin2": pl.admin2 if pl else None,
        "admin3": pl.admin3 if pl else None,
        "where_prec": int(pl.precision) if pl else None,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actors": "; ".join(ev.actors) if ev.actors else None,
        "n_documents": len(set(ev.doc_ids)),
        "n_reports": len(set(ev.doc_ids)),
        "evidence": json.dumps(list(ev.evidence), ensure_ascii=False),
        "record": codec.dumps(ev),
    }


def count_rows(ev: Event) -> list[dict[str, Any]]:
    return [
        {"event_id": ev.id, "outcome": str(c.outcome), "victims": str(c.victims),
         "low": c.low, "best": c.best, "high": c.high, "rule": c.rule}
        for c in ev.counts
    ]


def link_row(link: Link) -> dict[str, Any]:
    return {
        "event_id": link.event_id,
        "figure_a": link.figure_a,
        "figure_b": link.figure_b,
        "score": float(link.score),
        "evidence": json.dumps(list(link.evidence), ensure_ascii=False),
        "candidate": link.candidate,
    }


def link_from_row(row: dict[str, Any]) -> Link:
    ev = row["evidence"]
    return Link(
        event_id=row["event_id"],
        figure_a=row["figure_a"],
        figure_b=row["figure_b"],
        score=float(row["score"]) if row["score"] is not None else 0.0,
        evidence=tuple(json.loads(ev) if isinstance(ev, str) else (ev or ())),
        candidate=bool(row.get("candidate")),
    )


def disagreement_row(d: Disagreement) -> dict[str, Any]:
    return {
        "id": d.id,
        "outcome": str(d.outcome),
        "victims": str(d.victims),
        "area": d.area,
        "figure_a": d.figure_a,
        "source_a": d.source_a,
        "n_a": d.n_a,
        "qualifier_a": str(d.qualifier_a),
        "start_a": d.period_a.start,
        "end_a": d.period_a.end,
        "figure_b": d.figure_b,
        "source_b": d.source_b,
        "n_b": d.n_b,
        "qualifier_b": str(d.qualifier_b),
        "start_b": d.period_b.start,
        "end_b": d.period_b.end,
        "difference": d.difference,
        "overlap_days": d.overlap_days,
        "kind": d.kind,
        "docs_a": json.dumps(list(d.docs_a)),
        "docs_b": json.dumps(list(d.docs_b)),
        "evidence": d.evidence,
        "scope": d.scope,
        "event_id": d.event_id,
        "record": codec.dumps(d),
    }


def source_names() -> dict[str, tuple[str, str]]:
    """Canonical source id -> (name, kind), from sources.tsv."""
    text = resources.files("wartally.store").joinpath("sources.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, name, kind = (line.split("\t") + ["", ""])[:3]
        out[sid] = (name, kind)
    return out


def source_row(source_id: str, names: dict[str, tuple[str, str]]) -> dict[str, Any]:
    name, kind = names.get(source_id, (source_id, None))
    return {"id": source_id, "name": name, "kind": kind}
