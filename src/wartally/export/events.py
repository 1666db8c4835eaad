"""Events for the event-level exports (ACLED, UCDP): the linked events of
the store, or, where linking has not run, each incident figure (with the
figures ``part_of`` it) as an event of its own.

Each event comes as a plain dict with its counts by (outcome, victims) as
(low, best, high), its combatant deaths by side, and its figures with their
documents, so that the ACLED and UCDP writers only map columns.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wartally.data.tables import event_types
from wartally.store.queries import FIGURE_FROM, FIGURE_SELECT, FigureFilter, as_dicts, iter_figures, select_events

INCIDENT_MAX_DAYS = 7  # an unclassified figure covering at most this many days counts as an incident

GroupCounts = dict[tuple[str, str], tuple[int, int, int]]


def event_type(weapons: list[str], victims: set[str], outcomes: set[str]) -> tuple[str, str]:
    """ACLED type and sub-type from the first weapon named (data/event_types.tsv),
    else the outcome or the victims."""
    table = event_types()
    for w in weapons:
        if w in table.weapon:
            if w == "gunfire" and "civilians" not in victims and victims & {"combatants"}:
                return table.weapon["clashes"]
            return table.weapon[w]
    if outcomes == {"displaced"}:
        return table.outcome["displaced"]
    if victims & {"civilians", "children", "women"}:
        return table.victims["civilians"]
    if "combatants" in victims:
        return table.victims["combatants"]
    return table.default


def _is_incident(f: dict[str, Any]) -> bool:
    if f.get("kind"):
        return f["kind"] == "incident"
    if f.get("country") and not f.get("place") and not f.get("admin1"):
        return False
    s, e = f.get("start_date"), f.get("end_date")
    if not s or not e:
        return False
    import datetime as dt

    days = (dt.date.fromisoformat(e) - dt.date.fromisoformat(s)).days + 1
    return days <= INCIDENT_MAX_DAYS


def _side_deaths(figures: list[dict[str, Any]]) -> dict[str, int]:
    """Combatants killed by side: the largest report for each side."""
    out: dict[str, int] = {}
    for f in figures:
        if f["outcome"] == "killed" and f["victims"] == "combatants" and f.get("side"):
            out[f["side"]] = max(out.get(f["side"], 0), int(f["n"]))
    return out


def _figure_event(root: dict[str, Any], children: list[dict[str, Any]]) -> dict[str, Any]:
    figs = [root] + children
    counts: GroupCounts = {}
    for f in figs:
        key = (f["outcome"], f["victims"])
        n = int(f["n"])
        lo, best, hi = counts.get(key, (n, n, n))
        counts[key] = (min(lo, n), max(best, n), max(hi, n))
    weapons = [f["weapon"] for f in figs if f.get("weapon")]
    etype, sub = event_type(weapons, {f["victims"] for f in figs}, {f["outcome"] for f in figs})
    actors = [a.strip() for a in (root.get("actor") or "").split(";") if a.strip()]
    return {
        "id": root["id"],
        "start_date": root.get("start_date"),
        "end_date": root.get("end_date"),
        "date_precision": root.get("date_precision"),
        "place": root.get("place"),
        "lat": root.get("lat"),
        "lon": root.get("lon"),
        "admin1": root.get("admin1"),
        "admin2": root.get("admin2"),
        "admin3": root.get("admin3"),
        "where_prec": root.get("where_prec"),
        "event_type": etype,
        "sub_event_type": sub,
        "actors": actors,
        "counts": counts,
        "sides": _side_deaths(figs),
        "figures": figs,
        "linked": False,
    }


def figure_events(con: Any, flt: FigureFilter = FigureFilter()) -> Iterator[dict[str, Any]]:
    """Each incident figure (not part of another) as an event."""
    rows = list(iter_figures(con, flt))
    by_parent: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("part_of"):
            by_parent.setdefault(r["part_of"], []).append(r)
    for r in rows:
        if not r.get("part_of") and _is_incident(r):
            yield _figure_event(r, by_parent.get(r["id"], []))


def linked_events(con: Any, flt: FigureFilter = FigureFilter()) -> Iterator[dict[str, Any]]:
    events, _ = select_events(con, flt)
    figs: dict[str, dict[str, Any]] = {}
    ids = sorted({f for e in events for f in e["figure_ids"]})
    if ids:
        for r in as_dicts(con.execute("SELECT " + FIGURE_SELECT + FIGURE_FROM + "WHERE f.id IN (SELECT unnest(?))", [ids])):
            figs[r["id"]] = r
    for e in events:
        members = [figs[i] for i in e["figure_ids"] if i in figs]
        counts: GroupCounts = {(c["outcome"], c["victims"]): (c["low"], c["best"], c["high"]) for c in e["counts"]}
        if e.get("event_type"):
            etype, sub = e["event_type"], e.get("sub_event_type") or ""
        else:
            etype, sub = event_type([f["weapon"] for f in members if f.get("weapon")],
                                    {v for _, v in counts}, {o for o, _ in counts})
        yield {
            **{k: e.get(k) for k in ("id", "start_date", "end_date", "date_precision", "place", "lat", "lon",
                                     "admin1", "admin2", "admin3", "where_prec")},
            "event_type": etype,
            "sub_event_type": sub,
            "reviewed": bool(e.get("reviewed")),
            "actors": [a.strip() for a in (e.get("actors") or "").split(";") if a.strip()],
            "counts": counts,
            "sides": _side_deaths(members),
            "figures": members,
            "linked": True,
        }


def has_events(con: Any) -> bool:
    return con.execute("SELECT count(*) FROM events").fetchone()[0] > 0


def export_events(con: Any, flt: FigureFilter = FigureFilter()) -> Iterator[dict[str, Any]]:
    """Linked events when the link stage has run, else incident figures."""
    return linked_events(con, flt) if has_events(con) else figure_events(con, flt)


def _group(counts: GroupCounts, outcome: str, victims: str, i: int) -> int | None:
    c = counts.get((outcome, victims))
    return None if c is None else c[i]


def deaths(counts: GroupCounts, i: int) -> dict[str, int]:
    """Killed people by group for one of low (0), best (1), high (2):
    civilians (children, women and men stand for them where no civilian
    count is given), combatants, and the total: the larger of the people
    count and civilians + combatants."""
    civ = _group(counts, "killed", "civilians", i)
    if civ is None:
        parts = [_group(counts, "killed", v, i) for v in ("children", "women", "men")]
        parts = [p for p in parts if p is not None]
        civ = max(parts) if parts else None
    com = _group(counts, "killed", "combatants", i)
    people = _group(counts, "killed", "people", i)
    known = (civ or 0) + (com or 0)
    total = max(people or 0, known)
    return {"civilians": civ or 0, "combatants": com or 0, "total": total}


def fatalities(ev: dict[str, Any]) -> tuple[int, int, int]:
    """low <= best <= high of everyone killed in the event."""
    lo, best, hi = (deaths(ev["counts"], i)["total"] for i in range(3))
    return min(lo, best), best, max(hi, best)
