"""What a situation report says, gathered from the store for a filter:
totals by outcome and victim group, incidents per day, events to map,
sources and where they disagree, and the sentences behind every number."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wartally.export.events import deaths, export_events, has_events
from wartally.store.queries import FigureFilter, iter_figures, select_disagreements, stats

Group = tuple[str, str]  # (outcome, victims)
OUTCOME_ORDER = ("killed", "injured", "displaced")
VICTIM_ORDER = ("people", "civilians", "children", "women", "men", "combatants")


@dataclass
class Total:
    """One cell of the totals: the sum over events (low, best, high) and
    what it is made of, and the largest tally any source gave."""

    low: int = 0
    best: int = 0
    high: int = 0
    parts: list[tuple[str, int, str]] = field(default_factory=list)  # (event id, best, figure id)
    tally: dict[str, Any] | None = None  # the largest tally figure


@dataclass
class Content:
    filter: FigureFilter
    linked: bool
    stats: dict[str, Any]
    figures: dict[str, dict[str, Any]]
    events: list[dict[str, Any]]
    totals: dict[Group, Total]
    days: dict[dt.date, dict[str, int]]
    day_events: dict[dt.date, list[str]]
    sources: list[dict[str, Any]]
    disagreements: list[dict[str, Any]]
    disagreements_computed: bool
    source_names: dict[str, tuple[str | None, str | None]]


def _best_figure(ev: dict[str, Any], group: Group) -> str:
    """The figure whose number is the event's best count for a group."""
    best = ev["counts"][group][1]
    same = [f for f in ev["figures"] if (f["outcome"], f["victims"]) == group]
    for f in same:
        if f["n"] == best:
            return f["id"]
    return same[0]["id"] if same else ev["figures"][0]["id"]


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    if not (a["start_date"] and a["end_date"] and b["start_date"] and b["end_date"]):
        return 0
    s = max(a["start_date"], b["start_date"])
    e = min(a["end_date"], b["end_date"])
    return (dt.date.fromisoformat(e) - dt.date.fromisoformat(s)).days + 1 if s <= e else 0


def local_disagreements(tallies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tallies of different sources for the same outcome and group over
    overlapping periods that give different numbers (used when the link
    stage has not stored its own)."""
    out = []
    for i, a in enumerate(tallies):
        for b in tallies[i + 1:]:
            if (a["outcome"], a["victims"]) != (b["outcome"], b["victims"]) or a["n"] == b["n"]:
                continue
            if not a.get("source") or not b.get("source") or a["source"] == b["source"]:
                continue
            days = _overlap(a, b)
            if days <= 0:
                continue
            lo, hi = sorted((a, b), key=lambda f: f["n"])
            out.append({"outcome": a["outcome"], "victims": a["victims"], "area": a.get("admin1") or b.get("admin1"),
                        "figure_a": lo["id"], "source_a": lo["source"], "n_a": lo["n"], "figure_b": hi["id"],
                        "source_b": hi["source"], "n_b": hi["n"], "difference": hi["n"] - lo["n"],
                        "overlap_days": days})
    out.sort(key=lambda d: -d["difference"])
    return out


def gather(con: Any, flt: FigureFilter) -> Content:
    figures = {r["id"]: r for r in iter_figures(con, flt)}
    linked = has_events(con)
    events = list(export_events(con, flt))
    for ev in events:  # figures of linked events may lie outside the filter
        for f in ev["figures"]:
            figures.setdefault(f["id"], f)
    in_events = {f["id"] for ev in events for f in ev["figures"]}

    totals: dict[Group, Total] = {}
    days: dict[dt.date, dict[str, int]] = {}
    day_events: dict[dt.date, list[str]] = {}
    for ev in events:
        for group, (lo, best, hi) in ev["counts"].items():
            t = totals.setdefault(group, Total())
            t.low += lo
            t.best += best
            t.high += hi
            t.parts.append((ev["id"], best, _best_figure(ev, group)))
        if ev.get("start_date"):
            day = dt.date.fromisoformat(ev["start_date"])
            d = days.setdefault(day, {})
            d["killed"] = d.get("killed", 0) + deaths(ev["counts"], 1)["total"]
            inj = [c[1] for (o, v), c in ev["counts"].items() if o == "injured"]
            d["injured"] = d.get("injured", 0) + (max(inj) if inj else 0)
            day_events.setdefault(day, []).append(ev["id"])

    tallies = [f for f in figures.values() if f["id"] not in in_events and not f.get("part_of")]
    for f in tallies:
        t = totals.setdefault((f["outcome"], f["victims"]), Total())
        if t.tally is None or f["n"] > t.tally["n"]:
            t.tally = f

    by_source: dict[str, dict[str, Any]] = {}
    for f in figures.values():
        key = f.get("source") or "(not attributed)"
        s = by_source.setdefault(key, {"source": key, "figures": [], "documents": set(), "outlets": set()})
        s["figures"].append(f["id"])
        s["documents"].add(f["doc_id"])
        if f.get("outlet"):
            s["outlets"].add(f["outlet"])
    sources = sorted(by_source.values(), key=lambda s: (-len(s["figures"]), s["source"]))
    names = {sid: (name, kind) for sid, name, kind in con.execute("SELECT id, name, kind FROM sources").fetchall()}

    stored, _ = select_disagreements(con, flt, limit=100)
    computed = not stored and not linked
    dis = stored if stored else (local_disagreements(tallies) if computed else [])
    for d in dis:
        for side in ("a", "b"):
            fid = d[f"figure_{side}"]
            if fid not in figures:
                rows = list(iter_figures(con, FigureFilter()))  # rare: a figure outside the filter
                figures.update({r["id"]: r for r in rows if r["id"] in (d["figure_a"], d["figure_b"])})
    return Content(flt, linked, stats(con, flt), figures, events, totals, days, day_events, sources, dis[:50],
                   computed, names)
