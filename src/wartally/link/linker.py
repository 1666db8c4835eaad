"""Linking: incident figures of different documents into events.

    classify every figure (incident | tally)
    -> group incident figures into report units (one per document and incident)
    -> block and score unit pairs on DuckDB (comparison.py)
    -> cluster pairs above the threshold, strongest first, never putting two
       units of one document in one event
    -> one Event per cluster, counts reconciled (reconcile.py)
    -> disagreements between tallies (disagreement.py) and about each
       event's toll (tolls.py)
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import time
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from wartally.link.comparison import LEVEL_COLUMNS, UNIT_COLUMNS, scored_pairs_sql, settings
from wartally.link.disagreement import find_disagreements
from wartally.link.kind import classify
from wartally.link.reconcile import independent_reports, make_event
from wartally.link.tolls import find_toll_disagreements
from wartally.link.unit import Unit, make_units
from wartally.records import Disagreement, Document, Event, Figure, Link, Outcome

log = logging.getLogger(__name__)


@dataclass(slots=True)
class LinkResult:
    events: list[Event] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # figure id -> incident | tally
    n_reports: dict[str, int] = field(default_factory=dict)  # event id -> independent reports
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds


@functools.lru_cache(maxsize=1 << 12)  # a batch's units share a few hundred sets of actors
def actor_bits(actors: str | None) -> int:
    """A 62-bit set of actors, so that SQL can test overlap with ``&``."""
    bits = 0
    for a in (actors or "").split("; "):
        if a:
            bits |= 1 << (int(hashlib.md5(a.lower().encode()).hexdigest(), 16) % 62)
    return bits


def _units_table(con, units: Sequence[Unit], name: str = "link_units") -> tuple[str, list[str]]:
    """The units as a DuckDB table of ``UNIT_COLUMNS``, and the unit ids by
    ``id`` column.  The table's ``id`` is the rank of the unit's id and its
    ``doc_id`` a number per document: the blocking joins and ``a < b`` then
    compare integers (same order as the ids), which at a million figures
    takes a fraction of the memory and time that hashing the strings did.
    Columns are converted one at a time, so only one list of a million
    Python values lives at once, each read by ``map`` over the units (a
    Python-level call per value only for the three columns made here)."""
    import pyarrow as pa

    ids = sorted(u.id for u in units)
    rank = {uid: k for k, uid in enumerate(ids)}
    doc_number: dict[str, int] = {}
    types = {"id": pa.int32(), "doc_id": pa.int32(), "day_start": pa.int32(), "day_end": pa.int32(),
             "lat": pa.float64(), "lon": pa.float64(), "actor_bits": pa.int64(), "killed": pa.int64(),
             "day_exact": pa.bool_(), "place_sure": pa.bool_(), "updates": pa.bool_(), "told_later": pa.bool_(), "weapon_generic": pa.bool_(), "recalled": pa.bool_(),
             "capital": pa.bool_(), "actor_side": pa.string(), "big_city": pa.bool_(),
             "published_day": pa.int32()}
    getters = {"id": lambda u: rank[u.id], "doc_id": lambda u: doc_number.setdefault(u.doc_id, len(doc_number)),
               "actor_bits": lambda u: actor_bits(u.actors)}
    arrays = {c: pa.array(list(map(getters.get(c) or attrgetter(c), units)), type=types.get(c, pa.string()))
              for c in UNIT_COLUMNS}
    del rank
    con.register(f"{name}_arrow", pa.table(arrays))
    del arrays
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
    con.unregister(f"{name}_arrow")
    pa.default_memory_pool().release_unused()  # the arrays' memory, held by Arrow's allocator otherwise
    return name, ids


CHUNK_UNITS = 100_000  # units whose pairs are blocked and scored in one query


def day_chunks(days: Sequence[int | None], size: int | None = None) -> list[tuple[int, int] | None]:
    """Ranges ``[lo, hi)`` of start days holding about ``size`` units each
    (``CHUNK_UNITS``; never splitting one day), or ``[None]`` (all days)
    when one query will do."""
    size = size or CHUNK_UNITS
    known = sorted(d for d in days if d is not None)
    if len(known) <= size:
        return [None]
    cuts = [known[0]]
    for k in range(size, len(known), size):
        if known[k] > cuts[-1]:
            cuts.append(known[k])
    cuts.append(known[-1] + 1)
    return list(zip(cuts, cuts[1:]))


def score_units(units: Sequence[Unit], con=None, *, all_pairs: bool = False,
                config: Mapping[str, Any] | None = None) -> list[tuple]:
    """Scored candidate pairs of units: (a, b, dist_km, levels..., score),
    ``a`` and ``b`` unit ids.  Large batches are scored a range of days at
    a time (``day_chunks``), so DuckDB holds one range's candidate pairs,
    not a million units' (the same pairs, each once).  Without ``con``, an
    in-memory DuckDB opened with ``config`` (threads, memory_limit...) and
    closed when done, which gives its memory back (a connection kept open
    holds its allocator's blocks: 200 MB at 300,000 figures)."""
    import duckdb

    if len(units) < 2:
        return []
    own = con is None
    con = con or duckdb.connect(config=dict(config or {}))
    try:
        table, ids = _units_table(con, units)
        out = []
        seen: set[tuple[int, int]] = set()
        intern = {}  # one string object per level name, not one per row
        chunks = day_chunks([u.day_start for u in units])
        for days in chunks:
            cur = con.execute(scored_pairs_sql(table, all_pairs=all_pairs, days=days))
            # DuckDB hands the rows over in batches; a connection without fetchmany
            # (engines.linking.SparkSQL) all at once
            batches = iter(lambda: cur.fetchmany(50_000), []) if hasattr(cur, "fetchmany") else [cur.fetchall()]
            for rows in batches:
                for a, b, dist, *rest in rows:
                    if len(chunks) > 1:
                        if (a, b) in seen:
                            continue
                        seen.add((a, b))
                    levels = tuple(intern.setdefault(v, v) for v in rest[:-1])
                    out.append((ids[a], ids[b], dist, *levels, rest[-1]))
        return out
    finally:
        if own:
            con.close()
        else:
            con.execute("DROP TABLE IF EXISTS link_units")


# places that say where though one report names no place: its article's site is the other's ("Pont-Sonde")
STRONG_PLACE = frozenset({"same_place", "near", "same_admin3", "same_site", "site_place"})
PLACE_AT = 3 + LEVEL_COLUMNS.index("place")
MARGIN = 1.0  # a report without a place joins an incident only this much more likely than the next
# one report's two units are one incident told twice only when each spans one day or two ("Sunday night")
ONE_INCIDENT_DAYS = 2


def cluster(units: Sequence[Unit], pairs: Sequence[tuple]) -> tuple[dict[str, str], list[tuple], list[tuple]]:
    """Unit id -> cluster root, the pairs that were accepted, and the
    incidents one report split that were joined (``_join_kin``).

    First, pairs whose place is confirmed (or where both name a place) are
    joined, strongest first.  Then each unit that names no place joins the
    placed cluster it matches best, if that match beats its best match with
    any other cluster by ``MARGIN``.  Then units without a place join each
    other, strongest first, unless that would bridge two clusters that name
    places.  A join that would put two units of one document together is
    refused throughout, except last: two clusters that a pair of their
    reports matches, refused only because one report has a unit in each,
    are joined when that report's units may be one incident told twice
    (``one_incident``)."""
    parent = {u.id: u.id for u in units}
    docs = {u.id: {u.doc_id} for u in units}
    placeless = {u.id for u in units if u.place_key is None}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def join(a: str, b: str) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        if docs[ra] & docs[rb]:
            return False
        if len(docs[ra]) < len(docs[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        docs[ra] |= docs.pop(rb)
        return True

    def order(p: tuple) -> tuple:
        return (-p[-1], p[0], p[1])

    weak = [p for p in pairs if p[PLACE_AT] not in STRONG_PLACE and ({p[0], p[1]} & placeless)]
    weak_ids = {id(p) for p in weak}
    accepted = [p for p in sorted((p for p in pairs if id(p) not in weak_ids), key=order)
                if join(p[0], p[1])]
    # a report without a place joins the placed incident it matches best,
    # when that match is clearly better than its match with any other, and
    # still above the threshold once the odds are shared among the placed
    # incidents of its governorate and day (``crowd``)
    threshold = float(settings()["threshold"])
    crowd_share = float(settings()["crowd_share"])
    by_id = {u.id: u for u in units}
    crowd_of: dict[tuple, set[str]] = defaultdict(set)
    for u in units:
        if u.id not in placeless and u.day_start is not None:
            root = find(u.id)
            crowd_of[(u.admin1, u.day_start)].add(root)
            crowd_of[(None, u.day_start)].add(root)

    def crowd(unit_id: str) -> float:
        u = by_id[unit_id]
        return crowd_share * math.log2(max(1, len(crowd_of.get((u.admin1, u.day_start), ()))))

    options: dict[str, list[tuple]] = defaultdict(list)
    for p in weak:
        for side, other in ((p[0], p[1]), (p[1], p[0])):
            if side in placeless and other not in placeless:
                options[side].append(p)
    for unit_id in sorted(options, key=lambda u: (-max(p[-1] for p in options[u]), u)):
        best_by_root: dict[str, tuple] = {}
        for p in options[unit_id]:
            root = find(p[1] if p[0] == unit_id else p[0])
            if root not in best_by_root or order(p) < order(best_by_root[root]):
                best_by_root[root] = p
        ranked = sorted(best_by_root.values(), key=order)
        if len(ranked) > 1 and ranked[0][-1] - ranked[1][-1] < MARGIN:
            continue
        if ranked[0][-1] - crowd(unit_id) < threshold:
            continue
        if join(ranked[0][0], ranked[0][1]):
            accepted.append(ranked[0])
    # then reports without a place join each other, strongest first, never
    # bridging two incidents that name places, and (as above) only above the
    # threshold once the odds are shared among the day's placed incidents
    placed_root = {find(u.id) for u in units if u.id not in placeless}
    for p in sorted((p for p in weak if p[0] in placeless and p[1] in placeless), key=order):
        ra, rb = find(p[0]), find(p[1])
        if ra != rb and ra in placed_root and rb in placed_root:
            continue
        if p[-1] - max(crowd(p[0]), crowd(p[1])) < threshold:
            continue
        if join(p[0], p[1]):
            accepted.append(p)
            if ra in placed_root or rb in placed_root:
                placed_root.add(find(p[0]))
    # last, two incidents that one report tells in two units (its first count, and a second source's "in the
    # attack" placed at the province) become one when the report's units agree and the incidents match each other
    kin = _join_kin(units, [p for p in pairs if id(p) not in weak_ids
                            or p[-1] - max(crowd(p[0]), crowd(p[1])) >= threshold], find, parent, docs)
    return {u.id: find(u.id) for u in units}, accepted, kin


def one_incident(ua: Unit, ub: Unit) -> bool:
    """Whether two units of one report may be one incident told twice: one's
    dates within the other's, one day or two (``ONE_INCIDENT_DAYS``: an article's
    "Sunday night" spans the night), in one governorate, their places the same, one the
    province or a city bearing its name that holds the other, or one
    named by the other's sentences ("85 ... in Tudun Biri village", "120
    died in the attack" placed at Kaduna), with weapons of one family (or
    one read only from a word for the blast) and actors of no two sides.
    A unit without a place is the unit stage's to place (unit.py), not
    this step's."""
    if ua.day_start is None or ub.day_start is None:
        return False
    if any(u.day_end - u.day_start > ONE_INCIDENT_DAYS - 1 for u in (ua, ub)):
        return False
    if not (ua.day_start <= ub.day_start and ub.day_end <= ua.day_end or ub.day_start <= ua.day_start and ua.day_end <= ub.day_end):
        return False  # (one's days within the other's: "Sunday night" and the count "as of Monday evening")
    if ua.admin1 and ub.admin1 and ua.admin1 != ub.admin1:
        return False
    ka, kb = ua.place_key, ub.place_key
    if ka is None or kb is None:
        return False
    if not (ka == kb or f"|{kb}|" in (ua.named_keys or "") or f"|{ka}|" in (ub.named_keys or "")):
        return False
    if (ua.weapon_family and ub.weapon_family and ua.weapon_family != ub.weapon_family
            and not (ua.weapon_generic or ub.weapon_generic)):
        return False
    return not (ua.actor_side and ub.actor_side and ua.actor_side != ub.actor_side)


def _join_kin(units: Sequence[Unit], pairs: Sequence[tuple], find, parent: dict[str, str],
              docs: dict[str, set[str]]) -> list[tuple[str, str, tuple]]:
    """Join the incidents one report split: a report's two units that
    ``one_incident`` allows, in two incidents of several reports that match
    each other (a pair of their reports scored above the threshold, less
    the crowd's share where one names no place, refused only because the
    report sat in both), strongest match first,
    while every report in both has only such units in them.  Returns
    (unit, unit, matching pair) per join: its evidence."""
    by_root: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        by_root[find(u.id)].append(u)
    crossing = sorted((p for p in pairs if (ra := find(p[0])) != (rb := find(p[1]))
                       and not docs[ra].isdisjoint(docs[rb])), key=lambda p: (-p[-1], p[0], p[1]))
    out = []
    for p in crossing:
        ra, rb = find(p[0]), find(p[1])
        if ra == rb:
            continue
        group_a, group_b = by_root[ra], by_root[rb]
        if docs[ra].isdisjoint(docs[rb]):
            continue  # refused for another reason (the placeless steps' margins): not this step's to undo
        told = [(ua, ub) for ua in group_a for ub in group_b if ua.doc_id == ub.doc_id]
        if not all(one_incident(ua, ub) for ua, ub in told):
            continue
        if len(group_a) < len(group_b):
            ra, rb = rb, ra
        parent[rb] = ra
        docs[ra] |= docs.pop(rb)
        by_root[ra].extend(by_root.pop(rb))
        ua, ub = told[0]
        out.append((ua.id, ub.id, p))
    return out


def kin_evidence(ua: Unit, ub: Unit) -> str:
    """Why two units of one report were taken for one incident told twice."""
    def told(u: Unit) -> str:
        return f"{u.killed if u.killed is not None else 'a count'} at {u.place or 'no place'}"
    how = "the same place" if ua.place_key == ub.place_key else "the sentences of one name the other's place"
    return (f"{ua.doc_id} tells one incident twice: {told(ua)} and {told(ub)}, on one day, places that agree "
            f"({how}), no other weapon or side; the incidents they were linked to match each other")


def evidence(pair: tuple, ua: Unit, ub: Unit) -> tuple[str, ...]:
    """Readable reasons for one scored pair."""
    levels = dict(zip(LEVEL_COLUMNS, pair[3:3 + len(LEVEL_COLUMNS)]))
    dist = pair[2]
    out = []
    if ua.day_start is not None and ub.day_start is not None:
        gap = max(0, max(ua.day_start, ub.day_start) - min(ua.day_end, ub.day_end))
        out.append(f"dates {gap} days apart")
        for u in (ua, ub):
            if u.attack_day:
                out.append(f"{u.doc_id} dated by the day its article says the attack happened")
            if u.recalled:
                out.append(f"{u.doc_id} recalls the attack without a date: any day of the two weeks before it")
    place = levels["place"]
    if place == "same_place":
        spelt = ua.place and ub.place and ua.place != ub.place and ua.place_key == ub.place_key
        out.append(f"same place under two spellings: {ua.place} / {ub.place}" if spelt
                   else f"same place {ua.place or ''} / {ub.place or ''}".strip())
    elif place == "same_city":
        out.append(f"same city {ua.place or ''} (a city of many incidents a day)".replace("  ", " "))
    elif place == "near":
        out.append(f"{dist:.1f} km apart ({ua.place} / {ub.place})")
    elif place == "same_mention":
        out.append(f"same place as the texts name it ({ua.mention_key}), geocoded as {ua.place} / {ub.place}")
    elif place == "same_site":
        out.append(f"both articles are about one site ({ua.site_key}), placed {ua.place or 'nowhere'} / {ub.place or 'nowhere'}")
    elif place == "site_place":  # one article's site is where the other's count is placed
        site, at = (ua, ub) if ua.site_key is not None and ua.site_key != ub.site_key else (ub, ua)
        out.append(f"{site.doc_id}'s article is about the place {at.doc_id} names ({site.site_key}: {at.place})")
    elif place == "named_nearby":
        out.append(f"one report names both places: {ua.place or f'the site {ua.site_key}'} / "
                   f"{ub.place or f'the site {ub.site_key}'}")
    elif place == "named_place":  # one report has no place, but its sentences name the other's
        named, at = (ua, ub) if ua.place_key is None else (ub, ua)
        out.append(f"{named.doc_id} names no place of its own, but its sentences name {at.doc_id}'s {at.place}")
    elif place == "other_place":
        out.append(f"other places {ua.place} / {ub.place}")
    elif place == "other_name":
        out.append(f"places named differently: {ua.place or ua.mention_key} / {ub.place or ub.mention_key}")
    elif place == "other_admin1":
        out.append(f"other governorates {ua.admin1} / {ub.admin1}")
    elif place in ("same_admin3", "same_admin2", "same_admin1"):
        code = {"same_admin3": ua.admin3, "same_admin2": ua.admin2, "same_admin1": ua.admin1}[place]
        out.append(f"same {place.removeprefix('same_')} {code}")
    w = levels["weapon"]
    if w in ("both_chemical", "same_weapon"):
        out.append(f"both {ua.weapon}")
    elif w == "same_family":
        out.append(f"weapons alike: {ua.weapon} / {ub.weapon}")
    elif w in ("one_chemical", "other_family"):
        out.append(f"weapons differ: {ua.weapon} / {ub.weapon}")
    elif w == "generic_weapon":
        out.append(f"weapons {ua.weapon} / {ub.weapon}, one read only from a word for the blast: no difference")
    if levels["actor"] == "shared_actor":
        shared = set((ua.actors or "").split("; ")) & set((ub.actors or "").split("; "))
        out.append("shared actor " + ", ".join(sorted(shared)) if shared else "shared actor")
    elif levels["actor"] == "other_actor":
        out.append(f"actors differ: {ua.actors} / {ub.actors}")
    if levels["victims"] == "other_victims":
        out.append(f"victims differ: {ua.victims} / {ub.victims}")
    if ua.killed is not None and ub.killed is not None:
        if levels["killed"] == "named_earlier":
            late, early = (ua, ub) if f"|{ub.killed}|" in (ua.earlier_counts or "") else (ub, ua)
            out.append(f"killed {ua.killed} vs {ub.killed} ({late.doc_id} gives {early.killed} as an earlier toll "
                       f"of its incident)")
        elif levels["killed"] == "grown":
            lo, hi = sorted((ua, ub), key=lambda u: u.published_day or 0)
            out.append(f"killed {ua.killed} vs {ub.killed} (the later report's toll grew: {lo.killed} -> {hi.killed})")
        else:
            note = " (a toll update)" if levels["killed"] == "updated" else ""
            out.append(f"killed {ua.killed} vs {ub.killed}{note}")
    out.append(f"score {pair[-1]:.1f}")
    return tuple(out)


_CONFLICT = frozenset(settings()["candidate"]["place_levels"])


def candidate_links(conflicts: Sequence[tuple], by_unit: dict[str, Unit], roots: dict[str, str],
                    event_of_root: dict[str, str], fig_by_id: dict[str, Figure]) -> list[Link]:
    """Pairs whose places conflict though everything else agrees (same day,
    like counts, same weapon...), kept as candidate links with lower
    confidence and the reason, never joined; one per pair of events, the
    strongest, and none inside one event."""
    best: dict[tuple[str, str], tuple] = {}
    for p in conflicts:
        ra, rb = roots[p[0]], roots[p[1]]
        if ra == rb:
            continue
        key = (min(ra, rb), max(ra, rb))
        if key not in best or p[-1] > best[key][-1]:
            best[key] = p
    out = []
    for (ra, _), p in sorted(best.items()):
        ua, ub = by_unit[p[0]], by_unit[p[1]]
        fa = _headline([fig_by_id[i] for i in ua.figure_ids])
        fb = _headline([fig_by_id[i] for i in ub.figure_ids])
        a, b = sorted((fa.id, fb.id))
        why = evidence(p, ua, ub) + (
            "candidate, not linked: the places conflict though the rest agrees; check the place",)
        out.append(Link(event_id=event_of_root[roots[p[0]]], figure_a=a, figure_b=b, score=float(p[-1]),
                        evidence=why, candidate=True))
    return out


def _headline(figs: Sequence[Figure]) -> Figure:
    return max(figs, key=lambda f: (f.outcome == Outcome.KILLED, f.part_of is None, f.n))


def link_figures(figures: list[Figure], documents: dict[str, Document], *, con=None,
                 duckdb_config: Mapping[str, Any] | None = None) -> LinkResult:
    """Events, links, disagreements and kinds for ``figures`` (see module doc).
    ``con``: a DuckDB connection to score pairs on (else an in-memory one,
    opened with ``duckdb_config`` and closed once the pairs are scored)."""
    clock = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now

    def sentence(f: Figure) -> str | None:
        doc = documents.get(f.doc_id)
        return doc.text[f.sentence_start:f.sentence_end] if doc is not None and doc.text else None

    kinds = {f.id: classify(f, sentence(f)) for f in figures}
    incidents = [f for f in figures if kinds[f.id] == "incident"]
    tallies = [f for f in figures if kinds[f.id] == "tally"]
    lap("classify")
    units = make_units(incidents, documents)
    by_unit = {u.id: u for u in units}
    lap("units")
    scored = score_units(units, con, config=duckdb_config)
    threshold = float(settings()["threshold"])
    # places conflict, all else agrees: candidates (a report that also names the other's place, "the
    # village of Tokhar, part of the city of Manbij", was scored named_nearby, Unit.named_keys)
    pairs = [p for p in scored if p[-1] >= threshold]
    conflicts = [p for p in scored if p[-1] < threshold]
    lap("score")
    roots, accepted, kin = cluster(units, pairs)
    notes = {id(p): kin_evidence(by_unit[a], by_unit[b]) for a, b, p in kin}
    accepted = accepted + [p for _, _, p in kin]
    lap("cluster")
    fig_by_id = {f.id: f for f in incidents}
    members: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        members[roots[u.id]].append(u)
    pairs_of: dict[str, list[tuple]] = defaultdict(list)
    for p in accepted:
        pairs_of[roots[p[0]]].append(p)
    result = LinkResult(kinds=kinds, timings=timings)
    event_of_root: dict[str, str] = {}
    for root, group in members.items():
        figs = [fig_by_id[i] for u in group for i in u.figure_ids]
        evs = [evidence(p, by_unit[p[0]], by_unit[p[1]]) + ((notes[id(p)],) if id(p) in notes else ())
               for p in pairs_of[root]]
        summary = tuple(f"{by_unit[p[0]].doc_id} ~ {by_unit[p[1]].doc_id}: " + ", ".join(e)
                        for p, e in zip(pairs_of[root], evs))
        doc_ids = sorted({u.doc_id for u in group})
        reports = independent_reports(doc_ids, figs, documents) if len(doc_ids) > 1 else [doc_ids]
        event = make_event(group, figs, documents, summary, reports)
        result.events.append(event)
        event_of_root[root] = event.id
        result.n_reports[event.id] = len(reports)
        for p, ev in zip(pairs_of[root], evs):
            fa = _headline([fig_by_id[i] for i in by_unit[p[0]].figure_ids])
            fb = _headline([fig_by_id[i] for i in by_unit[p[1]].figure_ids])
            a, b = sorted((fa.id, fb.id))
            result.links.append(Link(event_id=event.id, figure_a=a, figure_b=b,
                                     score=float(p[-1]), evidence=ev))
    result.links.extend(candidate_links(conflicts, by_unit, roots, event_of_root, fig_by_id))
    result.events.sort(key=lambda e: (e.start or e.end or dt.date.min, e.id))
    lap("events")
    result.disagreements = find_disagreements(tallies, documents)
    lap("disagreements")
    result.disagreements += find_toll_disagreements(result.events, fig_by_id, documents)
    lap("tolls")
    return result
