"""Reconciliation: one event from the report units linked together.

Counts are kept per (outcome, victims); figures of different victim groups
are never added ("15 killed including children" and "four children" stay a
people count of 15 and a children count of 4), nor are figures of one group
from different reports: they are alternatives, reduced to low/best/high.

Independent reports: documents whose texts are wire copies of each other
(the same AFP or Reuters story republished) are one report.

The count rule (recorded on every ``Count``):

* low = the smallest number any independent report gives, high = the largest;
* best = the latest toll update ("the death toll rose to 23") when a report
  gives one; otherwise the number given by the most independent reports,
  ties broken toward the most specific (exact before at least / about) and
  then the most recent report.

So low <= best <= high always holds.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from wartally.data.tables import event_types
from wartally.link.lexicon import search
from wartally.link.unit import AREA_FEATURES, EPOCH, Unit, place_key
from wartally.records import (
    Count, DatePrecision, Document, Event, Figure, Outcome, Place, Qualifier, Victims,
)

WIRE_JACCARD = 0.5
_WORD = re.compile(r"[a-z0-9]+")
_SPECIFIC = {Qualifier.EXACT: 0, Qualifier.AT_LEAST: 1, Qualifier.ABOUT: 2, Qualifier.AT_MOST: 2}


def is_update(figure: Figure) -> bool:
    """Whether the figure's sentence says it revises an earlier toll."""
    return _is_update_text(figure.quote or "")


@functools.lru_cache(maxsize=1 << 16)
def _is_update_text(quote: str) -> bool:
    return bool(search("update", quote))


def _shingles(text: str, k: int = 5) -> set[int]:
    """The hashes of the text's runs of ``k`` words (of all its words, when
    it has fewer)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {hash(tuple(words))}
    return set(map(hash, zip(*(words[i:] for i in range(k)))))


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def independent_reports(doc_ids: Sequence[str], figures: Sequence[Figure],
                        documents: dict[str, Document]) -> list[list[str]]:
    """Documents grouped into independent reports: wire copies (the same
    figure sentence word for word, or texts sharing at least half their
    five-word shingles) are one report."""
    doc_ids = sorted(set(doc_ids))
    parent = {d: d for d in doc_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    quotes: dict[str, set[str]] = defaultdict(set)
    for f in figures:
        if len(f.quote or "") >= 40:
            quotes[f.doc_id].add(_fold(f.quote))
    shingles = {d: _shingles(documents[d].text) for d in doc_ids if d in documents}
    for i, a in enumerate(doc_ids):
        for b in doc_ids[i + 1:]:
            same = bool(quotes[a] & quotes[b])
            if not same and a in shingles and b in shingles:
                sa, sb = shingles[a], shingles[b]
                same = len(sa & sb) / max(1, len(sa | sb)) >= WIRE_JACCARD
            if same:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in doc_ids:
        groups[find(d)].append(d)
    return list(groups.values())


def _doc_value(figs: list[Figure]) -> Figure:
    """One document's figure for one (outcome, victims): its update if it
    gives one, else its largest."""
    updates = [f for f in figs if is_update(f)]
    pool = updates or figs
    return max(pool, key=lambda f: (f.n, -_SPECIFIC[f.qualifier]))


def reconcile_counts(figures: Sequence[Figure], reports: list[list[str]],
                     documents: dict[str, Document]) -> tuple[Count, ...]:
    """Low/best/high per (outcome, victims) over independent reports."""
    if len(reports) == 1:  # one report: its own figure per group, no reconciliation
        chosen: dict[tuple[Outcome, Victims], list[Figure]] = defaultdict(list)
        for f in figures:
            chosen[(f.outcome, f.victims)].append(f)
        return tuple(
            Count(outcome=o, victims=v, low=(n := _doc_value(fs).n), best=n, high=n, rule="one report: low=best=high")
            for (o, v), fs in sorted(chosen.items()))
    report_of = {d: i for i, group in enumerate(reports) for d in group}
    by_key: dict[tuple[Outcome, Victims], dict[int, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for f in figures:
        by_key[(f.outcome, f.victims)][report_of.get(f.doc_id, -1)].append(f)

    def published(f: Figure) -> dt.date:
        doc = documents.get(f.doc_id)
        return doc.published if doc and doc.published else dt.date.min

    counts = []
    for (outcome, victims), per_report in sorted(by_key.items()):
        values = []  # one figure per independent report
        for figs in per_report.values():
            per_doc = defaultdict(list)
            for f in figs:
                per_doc[f.doc_id].append(f)
            chosen = [_doc_value(v) for v in per_doc.values()]
            values.append(max(chosen, key=lambda f: (published(f), f.n)))
        ns = [f.n for f in values]
        low, high = min(ns), max(ns)
        n_rep = len(values)
        updates = [f for f in values if is_update(f)]
        if updates:
            pick = max(updates, key=lambda f: (published(f), f.n))
            rule = (f"low=min, high=max over {n_rep} independent reports; "
                    f"best=latest toll update ({pick.n}, {pick.doc_id})")
        else:
            votes = Counter(ns)
            top = max(votes.values())
            tied = [f for f in values if votes[f.n] == top]
            pick = min(tied, key=lambda f: (_SPECIFIC[f.qualifier], -published(f).toordinal(), -f.n))
            if n_rep == 1:
                rule = "one report: low=best=high"
            elif len({f.n for f in tied}) == 1:
                rule = (f"low=min, high=max over {n_rep} independent reports; "
                        f"best=given by {top} of {n_rep} reports")
            else:
                rule = (f"low=min, high=max over {n_rep} independent reports; best=tie of "
                        f"{top} report(s) each, to the most specific then most recent ({pick.doc_id})")
        counts.append(Count(outcome=outcome, victims=victims, low=low, best=pick.n, high=high, rule=rule))
    return tuple(counts)


def event_type(figures: Sequence[Figure]) -> tuple[str | None, str | None]:
    """ACLED event_type and sub_event_type from the weapons, else victims."""
    table = event_types()
    weapons = {f.weapon for f in figures if f.weapon}
    if weapons:
        for w in table.weapon_order:
            if w in weapons:
                return table.weapon[w]
    groups: dict[str, int] = {}
    for f in figures:
        v = str(f.victims)
        groups[v] = groups.get(v, 0) + 1
    for v in sorted(groups, key=groups.__getitem__, reverse=True):  # the most common first, ties as met
        if v in table.victims:
            return table.victims[v]
    return None, None


def _place(figures: Sequence[Figure]) -> Place | None:
    places = [p for f in figures for p in (f.place, f.area) if p is not None]
    if not places:
        return None
    if len(places) <= 2:
        return min(places, key=lambda p: (int(p.precision), p.feature in AREA_FEATURES,
                                          p.name or p.mention))
    freq = Counter(place_key(p.name or p.mention) for p in places)
    return min(places, key=lambda p: (int(p.precision), p.feature in AREA_FEATURES,
                                      -freq[place_key(p.name or p.mention)], p.name or p.mention))


def make_event(units: Sequence[Unit], figures: Sequence[Figure], documents: dict[str, Document],
               evidence: tuple[str, ...] = (), reports: list[list[str]] | None = None) -> Event:
    """The event behind linked ``units`` (their ``figures`` given);
    ``reports``: their documents grouped into independent reports, if known."""
    doc_ids = tuple(sorted({u.doc_id for u in units}))
    if reports is None:
        reports = independent_reports(doc_ids, figures, documents)
    starts = [u.day_start for u in units if u.day_start is not None]
    ends = [u.day_end for u in units if u.day_end is not None]
    start = EPOCH + dt.timedelta(days=min(starts)) if starts else None
    end = EPOCH + dt.timedelta(days=max(ends)) if ends else None
    if start is None:
        precision = DatePrecision.UNKNOWN
    elif start == end:
        precision = DatePrecision.DAY
    else:
        precision = DatePrecision.DAYS if (end - start).days < 7 else DatePrecision.WEEK
    etype, sub = event_type(figures)
    fids = tuple(sorted(f.id for f in figures))
    n_rep = len(reports)
    ev = (f"{len(doc_ids)} documents, {n_rep} independent reports",) + tuple(evidence)
    return Event(
        id=Event.make_id(fids),
        figure_ids=fids,
        doc_ids=doc_ids,
        start=start,
        end=end,
        date_precision=precision,
        place=_place(figures),
        event_type=etype,
        sub_event_type=sub,
        actors=tuple(sorted({a for f in figures for a in f.actor})),
        counts=reconcile_counts(figures, reports, documents),
        evidence=ev,
    )
